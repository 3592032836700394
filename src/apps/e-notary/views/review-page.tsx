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
import { ACT_KIND_NAMES } from '../domain/act-kinds.js';
import { REASON_MAX_LENGTH } from '../domain/act-lifecycle.js';
import type { FrozenAct } from '../service/acts.js';
import { ActFacts } from './act-facts.js';
import { APP_PATHS, formatMoment } from './format.js';
import { PartiesList } from './parties-list.js';

/**
 * A frozen act as its reviewer sees it: the deal, the owners' reports, and one form with the
 * reason and two decisions, release (back to the notary, who runs the checks again) or cancel.
 * Once decided, the page shows the status and no form.
 */
export function ReviewPage(props: {
  view: FrozenAct;
  errors: FormErrors;
  values: { reason?: string };
  timeZone: string;
}) {
  const { t, locale } = usePage();
  const { act, state } = props.view;
  return (
    <Layout title={t('enotary.review.title')} hasErrors={hasErrors(props.errors)}>
      <h1>{t('enotary.review.title')}</h1>
      <ErrorSummary errors={props.errors} />
      <ActFacts act={act} state={state} timeZone={props.timeZone}>
        <dt>{t('enotary.field.kind')}</dt>
        <dd>{t(ACT_KIND_NAMES[act.kind])}</dd>
        <dt>{t('enotary.field.notaryLicence')}</dt>
        <dd>{act.notaryLicence}</dd>
      </ActFacts>
      <PartiesList parties={act.draft.parties} />
      <h2>{t('enotary.review.reports')}</h2>
      <ul>
        {state.reports.map((report, index) => (
          <li key={index}>
            {t('enotary.review.report', {
              owner: report.owner.id,
              at: formatMoment(report.at, locale, props.timeZone),
            })}
          </li>
        ))}
      </ul>
      {state.status === 'frozen' ? (
        <Form action={APP_PATHS.review(act.id)}>
          <TextArea
            name="reason"
            label={t('enotary.review.reason')}
            hint={t('enotary.review.reasonHint', { max: REASON_MAX_LENGTH })}
            error={props.errors.reason}
            value={props.values.reason ?? ''}
            maxLength={REASON_MAX_LENGTH}
            rows={4}
          />
          <div id="field-outcome">
            <Button name="outcome" value="cleared">
              {t('enotary.action.release')}
            </Button>{' '}
            <Button name="outcome" value="cancelled" variant="secondary">
              {t('enotary.action.cancelAct')}
            </Button>
          </div>
        </Form>
      ) : (
        <p role="status">{t('enotary.review.decided')}</p>
      )}
      <p>
        <a href={APP_PATHS.reviews}>{t('enotary.reviews.back')}</a>
      </p>
    </Layout>
  );
}
