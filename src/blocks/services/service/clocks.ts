import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import { CLOCK_EXPIRED } from '../domain/application-status.js';
import { endOfLocalDay as deadlineInstant } from '../../../platform/calendar/local-day-bounds.js';
import {
  closeDeadline,
  dueDeadlines,
  insertDeadline,
  lockApplication,
  lockPendingDeadline,
  pendingDeadlines,
} from '../repo/applications-repo.js';
import type { ApplicationStatus } from '../domain/application-status.js';
import type { LocalDate } from '../../../platform/calendar/local-date.js';
import type { ServicesEngine } from './engine.js';
import { loadHistory, record, type LoadedApplication } from './history.js';
import { runOutputs } from './outputs.js';

/** The deadline each running clock of a status asks for: its due date and due instant. */
export function runningDeadlines(
  engine: ServicesEngine,
  status: ApplicationStatus,
): { clockId: string; dueDate: string; dueAt: Date }[] {
  return status.clocks
    .filter((clock) => clock.status === 'running' && clock.dueDate !== undefined)
    .map((clock) => ({
      clockId: clock.id,
      dueDate: clock.dueDate!,
      dueAt: dueInstant(clock.dueDate!, engine.deps.country.timeZone),
    }));
}

// The instant a due date ends, by zone and date: the same few dates for every application of a
// day, and each costs the time zone arithmetic of two formatted instants.
const dueInstants = new Map<string, Date>();
function dueInstant(date: LocalDate, timeZone: string): Date {
  const key = `${timeZone} ${date}`;
  let instant = dueInstants.get(key);
  if (!instant) {
    instant = deadlineInstant(date, timeZone);
    if (dueInstants.size >= 10_000) dueInstants.clear();
    dueInstants.set(key, instant);
  }
  return new Date(instant);
}

/**
 * Makes the pending deadline rows match the application's running clocks: a clock that stopped,
 * paused or moved has its row cancelled, a running one gets a row at its due instant. A deadline
 * that has already fired is never scheduled again for the same due date. The sweep fires the
 * rows once due (sweepDueDeadlines).
 */
export async function syncDeadlines(
  trx: Database,
  engine: ServicesEngine,
  loaded: LoadedApplication,
): Promise<void> {
  const now = engine.deps.now();
  const pending = await pendingDeadlines(trx, loaded.row.id);
  const running = runningDeadlines(engine, loaded.status);
  for (const clock of loaded.status.clocks) {
    const existing = pending.find((row) => row.clockId === clock.id);
    const wanted = running.find((deadline) => deadline.clockId === clock.id);
    if (existing && existing.dueDate === wanted?.dueDate) continue;
    if (existing) await closeDeadline(trx, existing.id, 'cancelled', now);
    if (!wanted) continue;
    const fired = await trx
      .selectFrom('services_deadline')
      .select('id')
      .where('application_id', '=', loaded.row.id)
      .where('clock_id', '=', clock.id)
      .where('status', '=', 'fired')
      .where(sql<string>`to_char(due_date, 'YYYY-MM-DD')`, '=', wanted.dueDate)
      .executeTakeFirst();
    if (fired) continue;
    await insertDeadline(trx, { applicationId: loaded.row.id, ...wanted, now });
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
      await syncDeadlines(trx, engine, loaded);
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
    await syncDeadlines(trx, engine, loaded);
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
  return outcome;
}

/**
 * Fires every pending deadline that is due, in pages of `limit`, oldest first: this is what fires
 * deadlines (there is no job per deadline), run every minute by one node (pg-boss schedules it
 * once across the deployment), so a deadline fires within about a minute of its due instant, and
 * one due while no server ran fires at the first sweep after the start. Returns how many fired.
 */
export async function sweepDueDeadlines(engine: ServicesEngine, limit = 200): Promise<number> {
  let fired = 0;
  let failure: unknown;
  let after: { dueAt: Date; id: string } | undefined;
  for (;;) {
    const due = await dueDeadlines(engine.deps.db, engine.deps.now(), limit, after);
    for (const { id } of due) {
      // One deadline that cannot fire here (e.g. its service is not registered on this node) must
      // not hold up the others: it stays pending for the next sweep, and the sweep job fails.
      try {
        if ((await fireDeadline(engine, id)) === 'fired') fired += 1;
      } catch (error) {
        failure ??= error;
      }
    }
    if (due.length < limit) break;
    after = due.at(-1);
  }
  if (failure) throw failure;
  return fired;
}
