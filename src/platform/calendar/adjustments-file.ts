import fs from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { CalendarAdjustment } from './adjustment.js';
import { isLocalDate } from './local-date.js';

/*
 * The operator's own calendar adjustments, read once at start-up from the JSON file that
 * CALENDAR_TRANSFERS_FILE names, so that a transfer ordered after a release needs no new code:
 *
 *   {
 *     "adjustments": [
 *       { "date": "2027-01-09", "kind": "working-day", "basis": "Order no. 123 of 1 Nov 2026" },
 *       { "date": "2027-01-04", "kind": "day-off", "basis": "Order no. 123 of 1 Nov 2026" }
 *     ]
 *   }
 *
 * They overrule the country profile: a "working-day" is worked even on a Sunday or a holiday, a
 * "day-off" is rested even on a weekday.
 */
const AdjustmentsFile = Type.Object(
  {
    adjustments: Type.Array(
      Type.Object(
        {
          date: Type.String(),
          kind: Type.Union([Type.Literal('day-off'), Type.Literal('working-day')]),
          basis: Type.String({ minLength: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
type AdjustmentsFile = Static<typeof AdjustmentsFile>;

/** Every problem of an adjustments file, or none; `text` is the file's content. */
export function parseAdjustments(
  text: string,
): { adjustments: CalendarAdjustment[] } | { problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  const shape = [...Value.Errors(AdjustmentsFile, data)].map(
    (e) => `${e.path || '/'}: ${e.message}`,
  );
  if (shape.length > 0) return { problems: [...new Set(shape)] };
  const { adjustments } = data as AdjustmentsFile;
  const problems: string[] = [];
  const seen = new Map<string, string>();
  adjustments.forEach((adjustment, index) => {
    if (!isLocalDate(adjustment.date)) {
      problems.push(
        `/adjustments/${index}/date: ${JSON.stringify(adjustment.date)} is not a calendar date (YYYY-MM-DD)`,
      );
      return;
    }
    const earlier = seen.get(adjustment.date);
    if (earlier && earlier !== adjustment.kind) {
      problems.push(
        `/adjustments/${index}: ${adjustment.date} is listed both as a day off and as a working day`,
      );
    }
    seen.set(adjustment.date, adjustment.kind);
  });
  return problems.length > 0 ? { problems } : { adjustments };
}

export class AdjustmentsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'AdjustmentsFileError';
  }
}

/**
 * Reads and validates the adjustments file; an empty path means none. Throws
 * AdjustmentsFileError listing every problem (unreadable file, bad JSON, unknown field, a date
 * that does not exist, a date both off and worked), so that start-up stops with a clear message
 * instead of counting deadlines on a half-read calendar.
 */
export function loadAdjustmentsFile(file: string): CalendarAdjustment[] {
  if (file === '') return [];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AdjustmentsFileError(file, [`cannot be read: ${(error as Error).message}`]);
  }
  const result = parseAdjustments(text);
  if ('problems' in result) throw new AdjustmentsFileError(file, result.problems);
  return result.adjustments;
}
