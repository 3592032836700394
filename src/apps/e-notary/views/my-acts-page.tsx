import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import { ACT_KIND_NAMES } from '../domain/act-kinds.js';
import type { ActListItem } from '../repo/acts-repo.js';
import { APP_PATHS, formatMoment } from './format.js';

function ActsTable(props: { acts: ActListItem[]; caption: string; timeZone: string }) {
  const { t, locale } = usePage();
  if (props.acts.length === 0) {
    return (
      <>
        <h2>{props.caption}</h2>
        <p>{t('enotary.acts.none')}</p>
      </>
    );
  }
  return (
    <>
      <h2>{props.caption}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('enotary.field.kind')}</th>
            <th scope="col">{t('enotary.field.cadastralNumber')}</th>
            <th scope="col">{t('enotary.field.openedAt')}</th>
            <th scope="col">{t('enotary.field.registerNumber')}</th>
          </tr>
        </thead>
        <tbody>
          {props.acts.map((act) => (
            <tr key={act.id}>
              <td>
                <a href={APP_PATHS.act(act.id)}>{t(ACT_KIND_NAMES[act.kind])}</a>
              </td>
              <td>{act.cadastralNumber ?? ''}</td>
              <td>{formatMoment(act.createdAt, locale, props.timeZone)}</td>
              <td>{act.registerNumber ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "My acts": those opened as notary, and those the person is party to or represents in. */
export function MyActsPage(props: {
  asNotary: ActListItem[];
  asParty: ActListItem[];
  timeZone: string;
}) {
  const { t } = usePage();
  return (
    <Layout title={t('enotary.nav.myActs')}>
      <h1>{t('enotary.nav.myActs')}</h1>
      <p>
        <a href={APP_PATHS.newAct}>{t('enotary.nav.newAct')}</a>
      </p>
      <ActsTable
        acts={props.asNotary}
        caption={t('enotary.acts.asNotary')}
        timeZone={props.timeZone}
      />
      <ActsTable
        acts={props.asParty}
        caption={t('enotary.acts.asParty')}
        timeZone={props.timeZone}
      />
    </Layout>
  );
}
