import { Layout } from '../../../platform/views/layout.js';
import { STATUS_IDS } from './message-ids.js';
import { usePage } from '../../../platform/views/page-context.js';
import { Button, Form } from '../../../platform/views/components/index.js';
import type { ActView } from '../service/acts.js';
import { APP_PATHS } from './format.js';

/**
 * What an owner sees from the alert in their inbox: which flat, the act's status, and the
 * "this is not me" button that freezes the act pending review.
 */
export function AlertPage(props: { view: ActView }) {
  const { t } = usePage();
  const { act, state } = props.view;
  const reported = state.reports.length > 0;
  return (
    <Layout title={t('enotary.alert.title')}>
      <h1>{t('enotary.alert.title')}</h1>
      <p>{t('enotary.alert.lead', { cadastralNumber: act.cadastralNumber ?? '' })}</p>
      <dl>
        <dt>{t('enotary.field.status')}</dt>
        <dd data-status={state.status}>{t(STATUS_IDS[state.status])}</dd>
      </dl>
      {reported ? (
        <p role="status">{t('enotary.alert.reported')}</p>
      ) : (
        state.status !== 'cancelled' && (
          <Form action={`${APP_PATHS.alert(act.id)}/not-me`}>
            <Button>{t('enotary.action.notMe')}</Button>
          </Form>
        )
      )}
    </Layout>
  );
}
