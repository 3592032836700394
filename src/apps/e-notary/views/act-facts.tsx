import type { ComponentChildren } from 'preact';
import { usePage } from '../../../platform/views/page-context.js';
import type { ActState } from '../domain/act-lifecycle.js';
import type { StoredAct } from '../repo/acts-repo.js';
import { formatMoment } from './format.js';
import { STATUS_IDS } from './message-ids.js';

/**
 * The facts every page about one act starts with: its status (with `data-status` for tests and
 * styles), the object, when it was opened; `children` are the page's own rows, put first.
 */
export function ActFacts(props: {
  act: StoredAct;
  state: ActState;
  timeZone: string;
  children?: ComponentChildren;
}) {
  const { t, locale } = usePage();
  const { act, state } = props;
  return (
    <dl>
      {props.children}
      <dt>{t('enotary.field.status')}</dt>
      <dd data-status={state.status}>{t(STATUS_IDS[state.status])}</dd>
      {act.cadastralNumber && (
        <>
          <dt>{t('enotary.field.cadastralNumber')}</dt>
          <dd>{act.cadastralNumber}</dd>
        </>
      )}
      <dt>{t('enotary.field.openedAt')}</dt>
      <dd>{formatMoment(act.createdAt, locale, props.timeZone)}</dd>
    </dl>
  );
}
