import { Layout } from '../../../platform/views/layout.js';
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
import { APP_PATHS } from './format.js';

/** The fields of the sale form, in page order (the error summary follows it). */
export const SALE_FIELDS = [
  'cadastralNumber',
  'sellerKind',
  'sellerId',
  'sellerShare',
  'representativeIin',
  'powerOfAttorney',
  'buyerKind',
  'buyerId',
  'buyerShare',
] as const;
export type SaleForm = Partial<Record<(typeof SALE_FIELDS)[number], string>>;

/**
 * A notary opens a sale of a flat: parties by IIN or BIN, typed into the form body (never put in
 * an address), shares as fractions, an optional representative under a power of attorney.
 */
export function NewActPage(props: { values: SaleForm; errors: FormErrors }) {
  const { t } = usePage();
  const { values, errors } = props;
  const kinds = [
    { value: 'person', label: t('enotary.field.partyKind.person') },
    { value: 'organisation', label: t('enotary.field.partyKind.organisation') },
  ];
  const idField = (name: 'sellerId' | 'buyerId', label: string) => (
    <TextField
      name={name}
      label={label}
      hint={t('enotary.field.idHint')}
      error={errors[name]}
      value={values[name] ?? ''}
      autocomplete="off"
      inputMode="numeric"
      maxLength={12}
      width={20}
      spellcheck={false}
    />
  );
  const shareField = (name: 'sellerShare' | 'buyerShare', label: string) => (
    <TextField
      name={name}
      label={label}
      hint={t('enotary.field.shareHint')}
      error={errors[name]}
      value={values[name] ?? '1'}
      autocomplete="off"
      maxLength={20}
      width={10}
    />
  );
  return (
    <Layout title={t('enotary.nav.newAct')} hasErrors={hasErrors(errors)}>
      <h1>{t('enotary.nav.newAct')}</h1>
      <ErrorSummary errors={errors} />
      <Form action={APP_PATHS.acts}>
        <TextField
          name="cadastralNumber"
          label={t('enotary.field.cadastralNumber')}
          hint={t('enotary.field.cadastralNumberHint')}
          error={errors.cadastralNumber}
          value={values.cadastralNumber ?? ''}
          autocomplete="off"
          maxLength={40}
          width={20}
          spellcheck={false}
        />
        <fieldset>
          <legend>{t('enotary.role.seller')}</legend>
          <SelectField
            name="sellerKind"
            label={t('enotary.field.partyKind')}
            options={kinds}
            value={values.sellerKind ?? 'person'}
            error={errors.sellerKind}
          />
          {idField('sellerId', t('enotary.field.sellerId'))}
          {shareField('sellerShare', t('enotary.field.sellerShare'))}
          <TextField
            name="representativeIin"
            label={t('enotary.field.representativeIin')}
            hint={t('enotary.field.optionalHint')}
            error={errors.representativeIin}
            value={values.representativeIin ?? ''}
            autocomplete="off"
            inputMode="numeric"
            maxLength={12}
            width={20}
          />
          <TextField
            name="powerOfAttorney"
            label={t('enotary.field.powerOfAttorney')}
            hint={t('enotary.field.optionalHint')}
            error={errors.powerOfAttorney}
            value={values.powerOfAttorney ?? ''}
            autocomplete="off"
            maxLength={40}
            width={30}
            spellcheck={false}
          />
        </fieldset>
        <fieldset>
          <legend>{t('enotary.role.buyer')}</legend>
          <SelectField
            name="buyerKind"
            label={t('enotary.field.partyKind')}
            options={kinds}
            value={values.buyerKind ?? 'person'}
            error={errors.buyerKind}
          />
          {idField('buyerId', t('enotary.field.buyerId'))}
          {shareField('buyerShare', t('enotary.field.buyerShare'))}
        </fieldset>
        <Button>{t('enotary.action.open')}</Button>
      </Form>
    </Layout>
  );
}
