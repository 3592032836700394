import type { Actor } from '../../../blocks/services/index.js';
import { advance } from './consents.js';
import type { RedevDeps } from './deps.js';

export const ADVANCE_SWEEP_JOB = 'redevelopment-advance-sweep';

/** A step decided this recently may still be running in the request that decided it. */
const GRACE_MS = 30_000;

/**
 * Performs the steps that answers decided but that did not complete (the process died after the
 * deciding answer committed, or the registration failed): every minute, each filing still
 * waiting for consents on the due list is moved on as the system, on behalf of the architect who
 * filed it; filings that have moved on leave the list. One filing's failure is logged and tried
 * again next time; it does not stop the others. Outcomes: how many filings moved on.
 */
export async function sweepDecidedFilings(deps: RedevDeps): Promise<number> {
  const due = await deps.db
    .selectFrom('redev_advance_due as d')
    .innerJoin('services_application as a', 'a.id', 'd.application_id')
    .select(['d.application_id', 'a.state', 'a.submitted_by_account_id', 'a.applicant_person_id'])
    .where('d.decided_at', '<=', new Date(deps.platform.now().getTime() - GRACE_MS))
    .orderBy('d.decided_at')
    .limit(500)
    .execute();
  let moved = 0;
  for (const filing of due) {
    if (filing.state === 'awaiting-consents') {
      const architect: Actor = {
        accountId: filing.submitted_by_account_id,
        personId: filing.applicant_person_id,
        roles: [],
        agencyId: null,
      };
      try {
        if ((await advance(deps, filing.application_id, architect)) === 'awaiting-consents')
          continue;
        moved += 1;
      } catch (error) {
        deps.log.warn(
          { err: error, applicationId: filing.application_id },
          'redevelopment sweep could not move a filing on',
        );
        continue;
      }
    }
    await deps.db
      .deleteFrom('redev_advance_due')
      .where('application_id', '=', filing.application_id)
      .execute();
  }
  return moved;
}
