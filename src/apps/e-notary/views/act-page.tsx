import { Layout } from '../../../platform/views/layout.js';
import { STATUS_IDS } from './message-ids.js';
import { usePage } from '../../../platform/views/page-context.js';
import {
  Button,
  ErrorSummary,
  Form,
  hasErrors,
  type FormErrors,
} from '../../../platform/views/components/index.js';
import { ACT_KIND_NAMES, PARTY_ROLE_NAMES } from '../domain/act-kinds.js';
import { formatShare } from '../domain/share.js';
import type { ActView } from '../service/acts.js';
import { ChecksTable } from './checks-table.js';
import { APP_PATHS, formatMoment } from './format.js';

/**
 * One act: its status, parties, the latest checks and, for its notary while it is open, the
 * buttons to run the checks and to sign. A refused signing comes back here with its reason in
 * the error summary (linked to the sign button).
 */
export function ActPage(props: {
  view: ActView;
  errors: FormErrors;
  timeZone: string;
  verificationPath: string | null;
}) {
  const { t, locale } = usePage();
  const { act, state, viewerIs } = props.view;
  const open = state.status === 'draft' || state.status === 'frozen';
  return (
    <Layout title={t(ACT_KIND_NAMES[act.kind])} hasErrors={hasErrors(props.errors)}>
      <h1>{t(ACT_KIND_NAMES[act.kind])}</h1>
      <ErrorSummary errors={props.errors} />
      <dl>
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
      {act.entry && (
        <p>
          {t('enotary.act.signed', { number: act.entry.registerNumber })}{' '}
          {props.verificationPath && (
            <a href={props.verificationPath}>{t('enotary.act.verifyLink')}</a>
          )}
        </p>
      )}
      <h2>{t('enotary.act.parties')}</h2>
      <ul>
        {act.draft.parties.map((party, index) => (
          <li key={index}>
            {t(PARTY_ROLE_NAMES[party.role])}: {party.id}
            {party.share ? ` (${formatShare(party.share)})` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('enotary.act.checks')}</h2>
      {state.checks ? (
        <>
          <p>
            {t('enotary.act.checksRanAt', {
              at: formatMoment(state.checks.ranAt, locale, props.timeZone),
            })}
          </p>
          <ChecksTable checks={state.checks} />
        </>
      ) : (
        <p>{t('enotary.act.noChecks')}</p>
      )}
      {viewerIs === 'notary' && open && (
        <>
          <Form action={`${APP_PATHS.act(act.id)}/checks`}>
            <Button variant="secondary">{t('enotary.action.runChecks')}</Button>
          </Form>
          <div id="field-sign">
            <Form action={`${APP_PATHS.act(act.id)}/sign`}>
              <Button>{t('enotary.action.sign')}</Button>
            </Form>
          </div>
        </>
      )}
    </Layout>
  );
}
