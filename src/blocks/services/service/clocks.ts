import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import { CLOCK_EXPIRED } from '../domain/application-status.js';
import { endOfLocalDay as deadlineInstant } from '../../../platform/calendar/local-day-bounds.js';
import {
  closeDeadline,
  dueDeadlineIds,
  insertDeadline,
  lockApplication,
  lockPendingDeadline,
  pendingDeadlines,
  type DeadlineRow,
} from '../repo/applications-repo.js';
import type { ServicesEngine } from './engine.js';
import { loadHistory, record, type LoadedApplication } from './history.js';
import { runOutputs } from './outputs.js';

/**
 * Makes the pending deadline rows match the application's running clocks: a clock that stopped,
 * paused or moved has its row cancelled, a running one gets a row at its due instant. A deadline
 * that has already fired is never scheduled again for the same due date. Returns the new rows,
 * for which the caller sends jobs once the transaction has committed.
 */
export async function syncDeadlines(
  trx: Database,
  engine: ServicesEngine,
  loaded: LoadedApplication,
): Promise<DeadlineRow[]> {
  const now = engine.deps.now();
  const pending = await pendingDeadlines(trx, loaded.row.id);
  const created: DeadlineRow[] = [];
  for (const clock of loaded.status.clocks) {
    const existing = pending.find((row) => row.clockId === clock.id);
    const wanted = clock.status === 'running' ? clock.dueDate : undefined;
    if (existing && existing.dueDate === wanted) continue;
    if (existing) await closeDeadline(trx, existing.id, 'cancelled', now);
    if (!wanted) continue;
    const fired = await trx
      .selectFrom('services_deadline')
      .select('id')
      .where('application_id', '=', loaded.row.id)
      .where('clock_id', '=', clock.id)
      .where('status', '=', 'fired')
      .where(sql<string>`to_char(due_date, 'YYYY-MM-DD')`, '=', wanted)
      .executeTakeFirst();
    if (fired) continue;
    created.push(
      await insertDeadline(trx, {
        applicationId: loaded.row.id,
        clockId: clock.id,
        dueDate: wanted,
        dueAt: deadlineInstant(wanted, engine.deps.country.timeZone),
        now,
      }),
    );
  }
  return created;
}

/** Sends a job for each new deadline; a failure here is caught up by the sweep. */
export async function sendDeadlineJobs(engine: ServicesEngine, rows: DeadlineRow[]): Promise<void> {
  const send = engine.deps.sendDeadlineJob;
  if (!send) return;
  for (const row of rows) {
    try {
      await send(row.id, row.dueAt);
    } catch {
      // The row is committed: the sweep fires it when due.
    }
  }
}

export type FireOutcome = 'fired' | 'already-closed' | 'not-due' | 'stale';

/**
 * Fires one deadline: records that the clock ran out and, when the clock names one, performs its
 * expiry transition as the system (with that transition's outputs). Idempotent: the deadline row
 * is locked and its `pending` marker checked and cleared in the same transaction as the actions,
 * so a retried job, a restart or a second server process firing the same deadline finds it
 * closed and does nothing.
 *
 * Outcomes: `fired`; `already-closed` (fired or cancelled before); `not-due` (a job that woke
 * early: the row stays pending); `stale` (the clock no longer runs to this date: cancelled).
 */
export async function fireDeadline(
  engine: ServicesEngine,
  deadlineId: string,
): Promise<FireOutcome> {
  const now = engine.deps.now();
  let created: DeadlineRow[] = [];
  let firedOn: { applicationId: string; clockId: string; transition?: string } | undefined;
  const outcome = await engine.deps.db.transaction().execute(async (trx): Promise<FireOutcome> => {
    const deadline = await lockPendingDeadline(trx, deadlineId);
    if (!deadline) return 'already-closed';
    if (deadline.dueAt.getTime() > now.getTime()) return 'not-due';
    const row = await lockApplication(trx, deadline.applicationId);
    let loaded = await loadHistory(trx, engine, row!);
    const clock = loaded.status.clocks.find((c) => c.id === deadline.clockId);
    const rule = (loaded.definition.clocks ?? []).find((c) => c.id === deadline.clockId);
    if (!clock || !rule || clock.status !== 'running' || clock.dueDate !== deadline.dueDate) {
      await closeDeadline(trx, deadline.id, 'cancelled', now);
      created = await syncDeadlines(trx, engine, loaded);
      return 'stale';
    }
    await closeDeadline(trx, deadline.id, 'fired', now);
    loaded = await record(trx, engine, loaded, {
      action: CLOCK_EXPIRED,
      toState: null,
      actorAccountId: null,
      actorRole: 'system',
      at: now,
      payload: { clock: rule.id, dueDate: deadline.dueDate },
      reason: null,
    });
    firedOn = { applicationId: deadline.applicationId, clockId: rule.id };
    const expiry = loaded.definition.transitions.find((t) => t.id === rule.onExpiry);
    if (expiry && expiry.from.includes(loaded.status.state)) {
      const payload = await runOutputs(trx, engine, loaded, expiry, {
        actorAccountId: null,
        reason: null,
        nextState: expiry.to,
      });
      loaded = await record(trx, engine, loaded, {
        action: expiry.id,
        toState: expiry.to,
        actorAccountId: null,
        actorRole: 'system',
        at: now,
        payload: { ...payload, clock: rule.id },
        reason: null,
      });
      firedOn.transition = expiry.id;
    }
    created = await syncDeadlines(trx, engine, loaded);
    return 'fired';
  });
  if (firedOn) {
    await engine.deps.audit.append({
      action: 'services.clock-expired',
      outcome: 'success',
      actorAccountId: null,
      subject: firedOn.applicationId,
      details: {
        clock: firedOn.clockId,
        ...(firedOn.transition ? { transition: firedOn.transition } : {}),
      },
    });
  }
  await sendDeadlineJobs(engine, created);
  return outcome;
}

/**
 * Fires every pending deadline that is due: the safety net for a job lost between a commit and
 * its send, and for deadlines whose job ran while the server was down. Runs every minute.
 */
export async function sweepDueDeadlines(engine: ServicesEngine, limit = 200): Promise<number> {
  let fired = 0;
  let failure: unknown;
  for (const id of await dueDeadlineIds(engine.deps.db, engine.deps.now(), limit)) {
    // One deadline that cannot fire here (e.g. its service is not registered on this node) must
    // not hold up the others: it stays pending for the next sweep, and the sweep job fails.
    try {
      if ((await fireDeadline(engine, id)) === 'fired') fired += 1;
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return fired;
}
