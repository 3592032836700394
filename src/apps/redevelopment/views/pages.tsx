import type { ServiceDefinition } from '../../../blocks/services/index.js';
import { ServiceFormField, type FieldValue } from '../../../blocks/services/views/service-form.js';
import {
  Button,
  ChoiceField,
  ErrorSummary,
  Form,
  type FormErrors,
  hasErrors,
  TextArea,
} from '../../../platform/views/components/index.js';
import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { RestrictedArchitect } from '../service/audits.js';
import type { FilingSummary, FilingView, FlatHistory } from '../service/queries.js';

export const PATHS = {
  home: '/redevelopment',
  newFiling: '/redevelopment/filings/new',
  filings: '/redevelopment/filings',
  filing: (id: string) => `/redevelopment/filings/${id}`,
  consents: '/redevelopment/consents',
  plans: '/redevelopment/plans',
  inspections: '/redevelopment/inspections',
  restricted: '/redevelopment/restricted-architects',
};

/** Message ids of the states, routes and audit reasons (literal, so the catalogue test sees them). */
const STATE_LABELS: Record<string, string> = {
  'awaiting-consents': 'redev.state.awaitingConsents',
  'expert-review': 'redev.state.expertReview',
  registered: 'redev.state.registered',
  'refused-by-owners': 'redev.state.refusedByOwners',
  refused: 'redev.state.refused',
};
const ROUTE_LABELS: Record<string, string> = {
  'self-certification': 'redev.route.selfCertification',
  'expert-review': 'redev.route.expertReview',
};
const AUDIT_REASON_LABELS: Record<string, string> = {
  random: 'redev.auditReason.random',
  probation: 'redev.auditReason.probation',
  'architect-history': 'redev.auditReason.architectHistory',
  'old-building': 'redev.auditReason.oldBuilding',
  'wet-areas': 'redev.auditReason.wetAreas',
  'many-walls': 'redev.auditReason.manyWalls',
};

const date = (value: Date | string) =>
  typeof value === 'string' ? value : value.toISOString().slice(0, 10);

export function HomePage() {
  const { t } = usePage();
  const links: [string, string][] = [
    [PATHS.newFiling, t('redev.nav.newFiling')],
    [PATHS.filings, t('redev.nav.filings')],
    [PATHS.consents, t('redev.nav.consents')],
    [PATHS.plans, t('redev.nav.plans')],
    [PATHS.inspections, t('redev.nav.inspections')],
    [PATHS.restricted, t('redev.nav.restricted')],
  ];
  return (
    <Layout title={t('redev.home.title')}>
      <h1>{t('redev.home.title')}</h1>
      <p>{t('redev.home.lead')}</p>
      <ul>
        {links.map(([href, text]) => (
          <li key={href}>
            <a href={href}>{text}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function NewFilingPage(props: {
  definition: ServiceDefinition;
  values: Record<string, FieldValue>;
  errors: FormErrors;
}) {
  const { t, locale } = usePage();
  const labels = new Map(props.definition.fields.map((f) => [f.name, f.label[locale]]));
  const summary = Object.fromEntries(
    Object.entries(props.errors).map(([name, message]) => [
      name,
      labels.has(name) ? `${labels.get(name)}: ${message}` : message,
    ]),
  );
  return (
    <Layout title={t('redev.nav.newFiling')} hasErrors={hasErrors(props.errors)}>
      <h1>{t('redev.nav.newFiling')}</h1>
      <p>{t('redev.new.lead')}</p>
      <ErrorSummary errors={summary} />
      <Form action={PATHS.filings} multipart>
        {props.definition.fields.map((field) => (
          <ServiceFormField
            key={field.name}
            definition={props.definition}
            field={field}
            value={props.values[field.name]}
            error={props.errors[field.name]}
          />
        ))}
        <Button>{t('redev.action.file')}</Button>
      </Form>
    </Layout>
  );
}

function FilingTable(props: { filings: FilingSummary[]; caption: string }) {
  const { t } = usePage();
  if (props.filings.length === 0) return <p>{t('redev.list.empty')}</p>;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('redev.list.reference')}</th>
          <th scope="col">{t('redev.list.flat')}</th>
          <th scope="col">{t('redev.list.state')}</th>
          <th scope="col">{t('redev.list.registration')}</th>
          <th scope="col">{t('redev.list.audit')}</th>
        </tr>
      </thead>
      <tbody>
        {props.filings.map((f) => (
          <tr key={f.id} data-filing={f.id}>
            <td>
              <a href={PATHS.filing(f.id)}>{f.reference}</a>
            </td>
            <td>{f.cadastralNumber}</td>
            <td data-state={f.state}>{t(STATE_LABELS[f.state] ?? f.state)}</td>
            <td>{f.registration ?? '—'}</td>
            <td>{auditText(t, f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const auditText = (t: (id: string) => string, f: FilingSummary) =>
  !f.auditPicked
    ? '—'
    : f.auditDecision === 'confirmed'
      ? t('redev.audit.confirmed')
      : f.auditDecision === 'revoked'
        ? t('redev.audit.revoked')
        : t('redev.audit.pending');

export function FilingsPage(props: { filings: FilingSummary[]; title: string }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <FilingTable filings={props.filings} caption={props.title} />
    </Layout>
  );
}

export function PlansPage(props: { flats: FlatHistory[] }) {
  const { t } = usePage();
  return (
    <Layout title={t('redev.nav.plans')}>
      <h1>{t('redev.nav.plans')}</h1>
      {props.flats.length === 0 ? <p>{t('redev.plans.none')}</p> : null}
      {props.flats.map((flat) => (
        <section key={flat.cadastralNumber}>
          <h2>{flat.cadastralNumber}</h2>
          <FilingTable filings={flat.filings} caption={flat.cadastralNumber} />
        </section>
      ))}
    </Layout>
  );
}

export function FilingPage(props: { view: FilingView; errors: FormErrors }) {
  const { t } = usePage();
  const { view } = props;
  const { status } = view.consents;
  const canAnswer = view.summary.state === 'awaiting-consents' && view.mine.open.length > 0;
  const canDecide =
    view.audience === 'inspector' &&
    view.summary.auditPicked &&
    view.summary.auditDecision === null;
  const title = `${t('redev.filing.title')} ${view.summary.reference}`;
  return (
    <Layout title={title} hasErrors={hasErrors(props.errors)}>
      <h1>{title}</h1>
      <ErrorSummary errors={props.errors} />
      <p data-status={view.summary.state}>
        {t('redev.list.state')}:{' '}
        <strong>{t(STATE_LABELS[view.summary.state] ?? view.summary.state)}</strong>
      </p>
      <dl>
        <dt>{t('redev.list.flat')}</dt>
        <dd>{view.flat.cadastralNumber}</dd>
        <dt>{t('redev.filing.address')}</dt>
        <dd>{view.flat.address}</dd>
        <dt>{t('redev.filing.area')}</dt>
        <dd>{String(view.flat.areaSquareMetres)}</dd>
        <dt>{t('redev.filing.route')}</dt>
        <dd>{t(ROUTE_LABELS[view.route] ?? view.route)}</dd>
        <dt>{t('redev.summary.licence')}</dt>
        <dd>{view.licence}</dd>
        <dt>{t('redev.filing.owners')}</dt>
        <dd>
          <ul>
            {view.owners.map((o) => (
              <li key={o.id}>
                {view.audience === 'owner' ? t('redev.filing.owner') : o.id} — {o.share}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('redev.filing.encumbrances')}</dt>
        <dd>
          {view.encumbrances.length === 0
            ? t('redev.filing.noEncumbrances')
            : view.encumbrances.map((e) => `${e.kind} (${e.authority})`).join('; ')}
        </dd>
        {view.summary.registration ? (
          <>
            <dt>{t('redev.list.registration')}</dt>
            <dd>{view.summary.registration}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('redev.filing.consents')}</h2>
      <p>
        {t('redev.filing.flatConsents', {
          waiting: status.waitingForFlatOwners.length,
          refused: status.refusedByFlatOwners.length,
        })}
      </p>
      {status.building ? (
        <p>
          {t('redev.filing.buildingConsents', {
            given: status.building.given,
            needed: status.building.needed,
            owners: status.building.owners,
          })}
        </p>
      ) : null}
      {status.buildingWaived ? <p>{t('redev.filing.waived')}</p> : null}
      {canAnswer ? (
        <Form action={`${PATHS.filing(view.summary.id)}/consent`}>
          <ChoiceField
            name="answer"
            legend={t('redev.consent.question')}
            options={[
              { value: 'given', label: t('redev.consent.given') },
              { value: 'refused', label: t('redev.consent.refused') },
            ]}
            value=""
            error={props.errors.answer}
          />
          <Button>{t('redev.action.answer')}</Button>
        </Form>
      ) : null}
      {view.document ? (
        <p>
          <a href={`/verify/${view.document.code}`}>{t('redev.filing.verifyLink')}</a>
        </p>
      ) : null}
      {view.audience !== 'owner' && view.auditReasons.length > 0 ? (
        <p>
          {t('redev.filing.auditReasons')}:{' '}
          {view.auditReasons.map((r) => t(AUDIT_REASON_LABELS[r] ?? r)).join(', ')}
        </p>
      ) : null}
      {canDecide ? (
        <Form action={`${PATHS.inspections}/${view.summary.id}`}>
          <ChoiceField
            name="decision"
            legend={t('redev.inspection.decision')}
            options={[
              { value: 'confirmed', label: t('redev.audit.confirmed') },
              { value: 'revoked', label: t('redev.audit.revoked') },
            ]}
            value=""
            error={props.errors.decision}
          />
          <TextArea
            name="reasons"
            label={t('redev.inspection.reasons')}
            value=""
            error={props.errors.reasons}
          />
          <Button>{t('redev.action.decide')}</Button>
        </Form>
      ) : null}
    </Layout>
  );
}

export function RestrictedPage(props: { architects: RestrictedArchitect[] }) {
  const { t } = usePage();
  return (
    <Layout title={t('redev.nav.restricted')}>
      <h1>{t('redev.nav.restricted')}</h1>
      <p>{t('redev.restricted.lead')}</p>
      {props.architects.length === 0 ? (
        <p>{t('redev.restricted.none')}</p>
      ) : (
        <table>
          <caption>{t('redev.nav.restricted')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('redev.restricted.name')}</th>
              <th scope="col">{t('redev.summary.licence')}</th>
              <th scope="col">{t('redev.restricted.until')}</th>
            </tr>
          </thead>
          <tbody>
            {props.architects.map((a) => (
              <tr key={a.licence}>
                <td>{a.name}</td>
                <td>{a.licence}</td>
                <td>{date(a.until)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
