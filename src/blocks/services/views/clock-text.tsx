import { usePage } from '../../../platform/views/page-context.js';
import type { ClockView } from '../service/queries.js';

/** A clock in words: "due 3 April 2026, 5 working days left", "overdue by 2", "paused". */
export function ClockText({ clock }: { clock: ClockView }) {
  const { t } = usePage();
  if (clock.status === 'paused')
    return <>{t('services.clock.paused', { days: clock.remaining ?? 0 })}</>;
  if (clock.status === 'stopped') return <>{t('services.clock.stopped')}</>;
  if (clock.status !== 'running' || clock.dueDate === undefined)
    return <>{t('services.clock.notStarted')}</>;
  const left = clock.daysLeft ?? 0;
  return (
    <>
      {t('services.clock.due', { date: clock.dueDate })}{' '}
      {left >= 0 ? (
        <span>{t('services.clock.daysLeft', { days: left })}</span>
      ) : (
        <strong>{t('services.clock.overdue', { days: -left })}</strong>
      )}
    </>
  );
}
