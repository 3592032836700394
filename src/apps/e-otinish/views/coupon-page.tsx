import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { CouponRow } from '../repo/appeals-repo.js';

/** The coupon: number, receiving body, date and time of receipt, registration day. */
export function CouponPage({
  coupon,
  bodyName,
  receivedAt,
  considered,
}: {
  coupon: CouponRow;
  bodyName: string;
  receivedAt: string;
  considered: boolean;
}) {
  const { t } = usePage();
  return (
    <Layout title={t('otinish.coupon.title', { number: coupon.number })}>
      <h1>{t('otinish.coupon.title', { number: coupon.number })}</h1>
      <dl>
        <dt>{t('otinish.coupon.number')}</dt>
        <dd>{coupon.number}</dd>
        <dt>{t('otinish.coupon.body')}</dt>
        <dd>{bodyName}</dd>
        <dt>{t('otinish.coupon.receivedAt')}</dt>
        <dd>{receivedAt}</dd>
        <dt>{t('otinish.coupon.registrationDate')}</dt>
        <dd>{coupon.registrationDate}</dd>
      </dl>
      {!considered && <p>{t('otinish.coupon.notConsidered')}</p>}
      <p>
        <a href={`/e-otinish/appeals/${coupon.applicationId}`}>{t('otinish.coupon.toAppeal')}</a>
      </p>
    </Layout>
  );
}
