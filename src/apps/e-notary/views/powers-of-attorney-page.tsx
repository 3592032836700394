import { Layout } from '../../../platform/views/layout.js';
import { REASON_IDS } from './message-ids.js';
import { usePage } from '../../../platform/views/page-context.js';
import {
  Button,
  ErrorSummary,
  Form,
  type FormErrors,
  hasErrors,
  SelectField,
  TextField,
} from '../../../platform/views/components/index.js';
import { REVOCATION_REASONS } from '../domain/power-of-attorney.js';
import type { StoredPowerOfAttorney } from '../repo/powers-of-attorney-repo.js';
import { APP_PATHS } from './format.js';

function PoaTable(props: { list: StoredPowerOfAttorney[]; caption: string }) {
  const { t } = usePage();
  return (
    <>
      <h2>{props.caption}</h2>
      {props.list.length === 0 ? (
        <p>{t('enotary.acts.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('enotary.field.registerNumber')}</th>
              <th scope="col">{t('enotary.poa.validUntil')}</th>
              <th scope="col">{t('enotary.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.list.map((poa) => (
              <tr key={poa.registerNumber}>
                <td>{poa.registerNumber}</td>
                <td>{poa.validUntil}</td>
                <td>{poa.revokedAt ? t('enotary.poa.revoked') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/**
 * "My powers of attorney": those given and those held, and a form to revoke one given (with
 * immediate effect). The register number is chosen from the person's own list.
 */
export function PowersOfAttorneyPage(props: {
  given: StoredPowerOfAttorney[];
  held: StoredPowerOfAttorney[];
  errors: FormErrors;
  notice: string | null;
  values: { registerNumber?: string; reason?: string; reasonText?: string };
}) {
  const { t } = usePage();
  const revocable = props.given.filter((poa) => poa.revokedAt === null);
  return (
    <Layout title={t('enotary.nav.powersOfAttorney')} hasErrors={hasErrors(props.errors)}>
      <h1>{t('enotary.nav.powersOfAttorney')}</h1>
      <ErrorSummary errors={props.errors} />
      {props.notice && <p role="status">{props.notice}</p>}
      <PoaTable list={props.given} caption={t('enotary.poa.given')} />
      {revocable.length > 0 && (
        <Form action={`${APP_PATHS.powersOfAttorney}/revoke`}>
          <SelectField
            name="registerNumber"
            label={t('enotary.field.registerNumber')}
            options={revocable.map((poa) => ({
              value: poa.registerNumber,
              label: poa.registerNumber,
            }))}
            value={props.values.registerNumber}
            error={props.errors.registerNumber}
          />
          <SelectField
            name="reason"
            label={t('enotary.poa.reason')}
            options={REVOCATION_REASONS.map((reason) => ({
              value: reason,
              label: t(REASON_IDS[reason]),
            }))}
            value={props.values.reason}
            error={props.errors.reason}
          />
          <TextField
            name="reasonText"
            label={t('enotary.poa.reasonText')}
            hint={t('enotary.poa.reasonTextHint')}
            error={props.errors.reasonText}
            value={props.values.reasonText ?? ''}
            autocomplete="off"
            maxLength={500}
          />
          <Button>{t('enotary.action.revoke')}</Button>
        </Form>
      )}
      <PoaTable list={props.held} caption={t('enotary.poa.held')} />
    </Layout>
  );
}
