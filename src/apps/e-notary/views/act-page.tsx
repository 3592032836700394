import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import {
  Button,
  ErrorSummary,
  Form,
  hasErrors,
  TextArea,
  type FormErrors,
} from '../../../platform/views/components/index.js';
import { REASON_MAX_LENGTH } from '../domain/act-lifecycle.js';
import { ACT_KIND_NAMES } from '../domain/act-kinds.js';
import type { ActView } from '../service/acts.js';
import { ChecksTable } from './checks-table.js';
import { ActFacts } from './act-facts.js';
import { APP_PATHS, formatMoment } from './format.js';
import { PartiesList } from './parties-list.js';

/**
 * One act: its status, parties, the latest checks and, for its notary while it is open, the
 * buttons to run the checks and to sign, and a form to cancel it with a reason. A refused signing comes back here with its reason in
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
      <ActFacts act={act} state={state} timeZone={props.timeZone} />
      {act.entry && (
        <p>
          {t('enotary.act.signed', { number: act.entry.registerNumber })}{' '}
          {props.verificationPath && (
            <a href={props.verificationPath}>{t('enotary.act.verifyLink')}</a>
          )}
        </p>
      )}
      <PartiesList parties={act.draft.parties} />
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
          <h2>{t('enotary.act.cancelHeading')}</h2>
          <Form action={`${APP_PATHS.act(act.id)}/cancel`}>
            <TextArea
              name="reason"
              label={t('enotary.act.cancelReason')}
              hint={t('enotary.act.cancelReasonHint', { max: REASON_MAX_LENGTH })}
              error={props.errors.reason}
              maxLength={REASON_MAX_LENGTH}
              rows={3}
            />
            <Button variant="secondary">{t('enotary.action.cancelAct')}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}
