import type { ActDraft, Party } from '../domain/act-draft.js';
import type { ActAction } from '../domain/act-lifecycle.js';
import type { ChecksRun } from '../domain/checks/run-checks.js';
import { formatShare, parseShare } from '../domain/share.js';

/*
 * Drafts and actions as stored in jsonb. Shares are exact fractions (bigint) and travel as
 * text ("1/2"); instants travel as ISO strings and are revived field by field, so nothing in the
 * file is read back as a different type than the domain wrote.
 */

type Json = Record<string, unknown>;

export function draftToJson(draft: ActDraft): Json {
  return {
    ...draft,
    parties: draft.parties.map((party) => ({
      ...party,
      ...(party.share ? { share: formatShare(party.share) } : {}),
    })),
  };
}

export function draftFromJson(json: Json): ActDraft {
  const raw = json as unknown as ActDraft & { parties: (Party & { share?: unknown })[] };
  return {
    ...raw,
    parties: raw.parties.map((party) => ({
      ...party,
      ...(typeof party.share === 'string' ? { share: parseShare(party.share) } : {}),
    })) as Party[],
  };
}

const checksToJson = (checks: ChecksRun): Json => ({
  ...checks,
  ranAt: checks.ranAt.toISOString(),
  factsAsOf: checks.factsAsOf.toISOString(),
});

const checksFromJson = (json: Json): ChecksRun => ({
  ...(json as unknown as ChecksRun),
  ranAt: new Date(json.ranAt as string),
  factsAsOf: new Date(json.factsAsOf as string),
});

/** The payload of an action: everything but its type and time, which have columns. */
export function actionPayload(action: ActAction): Json {
  const { type: _type, at: _at, ...rest } = action;
  if (action.type === 'checks-run') return { checks: checksToJson(action.checks) };
  if (action.type === 'signed') return { ...rest, factsAsOf: action.factsAsOf.toISOString() };
  return rest;
}

export function actionFromRow(row: { type: string; at: Date; payload: Json }): ActAction {
  const { payload } = row;
  if (row.type === 'checks-run') {
    return { type: 'checks-run', at: row.at, checks: checksFromJson(payload.checks as Json) };
  }
  if (row.type === 'signed') {
    return {
      ...(payload as { notaryIin: string }),
      type: 'signed',
      at: row.at,
      factsAsOf: new Date(payload.factsAsOf as string),
    };
  }
  return { ...payload, type: row.type, at: row.at } as ActAction;
}
