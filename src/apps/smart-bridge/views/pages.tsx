import { Fragment, type ComponentChildren } from 'preact';
import type { Contract, Member, Passport } from '../../../blocks/bridge/index.js';
import { endpointsOf } from '../../../blocks/bridge/index.js';
import {
  Button,
  ChoiceField,
  ErrorSummary,
  Form,
  type FormErrors,
  hasErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../../platform/views/components/index.js';
import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { ContractLine, DirectedOrganisation, Usage } from '../service/portal.js';

export const PATHS = {
  home: '/smart-bridge',
  services: '/smart-bridge/services',
  service: (id: string) => `/smart-bridge/services/${id}`,
  request: (id: string) => `/smart-bridge/services/${id}/request`,
  members: '/smart-bridge/members',
  newMember: '/smart-bridge/members/new',
  member: (id: string) => `/smart-bridge/members/${id}`,
  subsystems: (id: string) => `/smart-bridge/members/${id}/subsystems`,
  certificates: (id: string) => `/smart-bridge/members/${id}/certificates`,
  requests: '/smart-bridge/requests',
  contract: (id: string) => `/smart-bridge/contracts/${id}`,
  decide: (id: string) => `/smart-bridge/contracts/${id}/decide`,
  whoUsedMyData: '/my-data-usage',
};

/** Message ids of the contract states and actions (literal, so the catalogue test sees them). */
const STATE_LABELS: Record<string, string> = {
  requested: 'bridgePortal.state.requested',
  approved: 'bridgePortal.state.approved',
  refused: 'bridgePortal.state.refused',
  suspended: 'bridgePortal.state.suspended',
  revoked: 'bridgePortal.state.revoked',
};
const ACTION_LABELS: Record<string, string> = {
  request: 'bridgePortal.history.request',
  approve: 'bridgePortal.history.approve',
  refuse: 'bridgePortal.history.refuse',
  suspend: 'bridgePortal.history.suspend',
  resume: 'bridgePortal.history.resume',
  revoke: 'bridgePortal.history.revoke',
};
const CERTIFICATE_LABELS: Record<string, string> = {
  valid: 'bridgePortal.certificate.valid',
  revoked: 'bridgePortal.certificate.revoked',
  expired: 'bridgePortal.certificate.expired',
};
const SIDE_LABELS: Record<string, string> = {
  owner: 'bridgePortal.side.owner',
  consumer: 'bridgePortal.side.consumer',
};

const day = (value: Date) => value.toISOString().slice(0, 10);
const minute = (value: Date) => `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The GovStack IM metadata API's address of a passport's OpenAPI document. */
export const openApiHref = (passport: Passport) =>
  `/r1/${passport.address.instance}/${passport.address.memberClass}/${passport.address.memberCode}/${passport.address.subsystem}/getOpenAPI?serviceCode=${encodeURIComponent(passport.serviceCode)}`;

function StateTag(props: { contract: Contract }) {
  const { t } = usePage();
  const state = props.contract.status.state;
  return <span data-state={state}>{t(STATE_LABELS[state] ?? state)}</span>;
}

function GrantText(props: { contract: Contract }) {
  const { t } = usePage();
  const grant = props.contract.status.grant;
  if (!grant) return <>—</>;
  if (grant.scope === 'service') return <>{t('bridgePortal.grant.service')}</>;
  return <>{grant.endpoints.map((e) => `${e.method} ${e.path}`).join(', ')}</>;
}

export function HomePage(props: { signedIn: boolean }) {
  const { t } = usePage();
  const links: [string, string][] = [[PATHS.services, t('bridgePortal.nav.services')]];
  if (props.signedIn)
    links.push(
      [PATHS.members, t('bridgePortal.nav.members')],
      [PATHS.requests, t('bridgePortal.nav.requests')],
    );
  return (
    <Layout title={t('bridgePortal.home.title')}>
      <h1>{t('bridgePortal.home.title')}</h1>
      <p>{t('bridgePortal.home.lead')}</p>
      <ul>
        {links.map(([href, text]) => (
          <li key={href}>
            <a href={href}>{text}</a>
          </li>
        ))}
      </ul>
      {!props.signedIn && <p>{t('bridgePortal.home.signInHint')}</p>}
      <h2>{t('bridgePortal.home.howTitle')}</h2>
      <ol>
        <li>{t('bridgePortal.home.step1')}</li>
        <li>{t('bridgePortal.home.step2')}</li>
        <li>{t('bridgePortal.home.step3')}</li>
        <li>{t('bridgePortal.home.step4')}</li>
      </ol>
    </Layout>
  );
}

export function ServicesPage(props: { passports: Passport[] }) {
  const { t } = usePage();
  return (
    <Layout title={t('bridgePortal.services.title')}>
      <h1>{t('bridgePortal.services.title')}</h1>
      <p>{t('bridgePortal.services.lead')}</p>
      {props.passports.length === 0 ? (
        <p>{t('bridgePortal.services.empty')}</p>
      ) : (
        <table>
          <caption>{t('bridgePortal.services.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bridgePortal.passport.service')}</th>
              <th scope="col">{t('bridgePortal.passport.owner')}</th>
              <th scope="col">{t('bridgePortal.passport.purpose')}</th>
              <th scope="col">{t('bridgePortal.passport.version')}</th>
            </tr>
          </thead>
          <tbody>
            {props.passports.map((p) => (
              <tr key={p.id} data-passport={p.id}>
                <td>
                  <a href={PATHS.service(p.id)}>{p.service}</a>
                </td>
                <td>{p.ownerName}</td>
                <td>{p.purpose}</td>
                <td>{p.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function PassportPage(props: { passport: Passport; signedIn: boolean }) {
  const { t } = usePage();
  const p = props.passport;
  const rows: [string, ComponentChildren][] = [
    [t('bridgePortal.passport.service'), <code>{p.service}</code>],
    [t('bridgePortal.passport.owner'), p.ownerName],
    [t('bridgePortal.passport.purpose'), p.purpose],
    [t('bridgePortal.passport.legalBasis'), p.legalBasis],
    [
      t('bridgePortal.passport.dataClasses'),
      p.dataClasses.length === 0
        ? t('bridgePortal.passport.noPersonalData')
        : p.dataClasses.join(', '),
    ],
    [
      t('bridgePortal.passport.consent'),
      p.consentRequired ? t('bridgePortal.yes') : t('bridgePortal.no'),
    ],
    [t('bridgePortal.passport.version'), `${p.version} (${day(p.publishedAt)})`],
  ];
  return (
    <Layout title={p.service}>
      <h1>{t('bridgePortal.passport.title', { service: p.service })}</h1>
      <dl>
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t('bridgePortal.passport.endpoints')}</h2>
      <ul>
        {endpointsOf(p.openapi).map((e) => (
          <li key={`${e.method} ${e.path}`}>
            <code>
              {e.method} {e.path}
            </code>
          </li>
        ))}
      </ul>
      <p>
        <a href={openApiHref(p)}>{t('bridgePortal.passport.openapiLink')}</a>
      </p>
      <p>
        {t('bridgePortal.passport.callHint')} <code>{`/${p.service}/…`}</code>
      </p>
      <h2>{t('bridgePortal.passport.limits')}</h2>
      <ul>
        <li>{t('bridgePortal.passport.rate', { rate: p.ratePerSecond })}</li>
        <li>{t('bridgePortal.passport.maxBody', { kib: Math.ceil(p.maxBodyBytes / 1024) })}</li>
        <li>{t('bridgePortal.passport.timeout', { ms: p.timeoutMs })}</li>
        <li>
          {p.answerFormat === 'json'
            ? t('bridgePortal.passport.answerJson')
            : t('bridgePortal.passport.answerAny')}
        </li>
      </ul>
      <h2>{t('bridgePortal.passport.history')}</h2>
      <table>
        <caption>{t('bridgePortal.passport.historyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bridgePortal.passport.version')}</th>
            <th scope="col">{t('bridgePortal.passport.publishedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {p.history.map((h) => (
            <tr key={h.version}>
              <td>{h.version}</td>
              <td>{minute(h.publishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('bridgePortal.passport.sandbox')}</h2>
      <p>{t('bridgePortal.passport.sandboxNote')}</p>
      <h2>{t('bridgePortal.passport.access')}</h2>
      {props.signedIn ? (
        <p>
          <a href={PATHS.request(p.id)}>{t('bridgePortal.request.link')}</a>
        </p>
      ) : (
        <p>{t('bridgePortal.passport.signInToRequest')}</p>
      )}
    </Layout>
  );
}

export function RequestPage(props: {
  passport: Passport;
  subsystems: { id: string; label: string }[];
  values: Record<string, string>;
  errors: FormErrors;
}) {
  const { t } = usePage();
  const title = t('bridgePortal.request.title', { service: props.passport.service });
  return (
    <Layout title={title} hasErrors={hasErrors(props.errors)}>
      <h1>{title}</h1>
      <ErrorSummary errors={props.errors} />
      {props.subsystems.length === 0 ? (
        <p>
          {t('bridgePortal.request.noSubsystem')}{' '}
          <a href={PATHS.newMember}>{t('bridgePortal.nav.newMember')}</a>
        </p>
      ) : (
        <Form action={PATHS.request(props.passport.id)}>
          <SelectField
            name="consumerSubsystemId"
            label={t('bridgePortal.request.subsystem')}
            hint={t('bridgePortal.request.subsystemHint')}
            options={props.subsystems.map((s) => ({ value: s.id, label: s.label }))}
            value={props.values['consumerSubsystemId']}
            error={props.errors['consumerSubsystemId']}
          />
          <TextArea
            name="purpose"
            label={t('bridgePortal.request.purpose')}
            hint={t('bridgePortal.request.purposeHint')}
            value={props.values['purpose']}
            error={props.errors['purpose']}
            maxLength={1000}
            rows={3}
          />
          <TextArea
            name="legalBasis"
            label={t('bridgePortal.request.legalBasis')}
            hint={t('bridgePortal.request.legalBasisHint')}
            value={props.values['legalBasis']}
            error={props.errors['legalBasis']}
            maxLength={1000}
            rows={3}
          />
          <TextField
            name="expectedVolume"
            label={t('bridgePortal.request.expectedVolume')}
            hint={t('bridgePortal.request.expectedVolumeHint')}
            value={props.values['expectedVolume']}
            error={props.errors['expectedVolume']}
            autocomplete="off"
            maxLength={1000}
          />
          <Button>{t('bridgePortal.request.submit')}</Button>
        </Form>
      )}
    </Layout>
  );
}

export function MembersPage(props: { members: Member[]; organisations: DirectedOrganisation[] }) {
  const { t } = usePage();
  const canRegister = props.organisations.some((o) => o.memberId === null);
  return (
    <Layout title={t('bridgePortal.members.title')}>
      <h1>{t('bridgePortal.members.title')}</h1>
      {props.members.length === 0 ? (
        <p>{t('bridgePortal.members.empty')}</p>
      ) : (
        <ul>
          {props.members.map((m) => (
            <li key={m.id}>
              <a href={PATHS.member(m.id)}>{m.name}</a> —{' '}
              <code>{`${m.instance}/${m.memberClass}/${m.memberCode}`}</code>
            </li>
          ))}
        </ul>
      )}
      {canRegister && (
        <p>
          <a href={PATHS.newMember}>{t('bridgePortal.nav.newMember')}</a>
        </p>
      )}
      <p>
        <a href={PATHS.requests}>{t('bridgePortal.nav.requests')}</a>
      </p>
    </Layout>
  );
}

export function NewMemberPage(props: {
  organisations: DirectedOrganisation[];
  values: Record<string, string>;
  errors: FormErrors;
}) {
  const { t } = usePage();
  const free = props.organisations.filter((o) => o.memberId === null);
  return (
    <Layout title={t('bridgePortal.nav.newMember')} hasErrors={hasErrors(props.errors)}>
      <h1>{t('bridgePortal.nav.newMember')}</h1>
      <p>{t('bridgePortal.newMember.lead')}</p>
      <ErrorSummary errors={props.errors} />
      {free.length === 0 ? (
        <p>{t('bridgePortal.newMember.noOrganisation')}</p>
      ) : (
        <Form action={PATHS.members}>
          <ChoiceField
            name="organisation"
            legend={t('bridgePortal.newMember.organisation')}
            hint={t('bridgePortal.newMember.organisationHint')}
            options={free.map((o) => ({ value: o.bin, label: `${o.name} (${o.bin})` }))}
            value={props.values['organisation'] ?? (free.length === 1 ? free[0]!.bin : undefined)}
            error={props.errors['organisation']}
          />
          <TextField
            name="subsystem"
            label={t('bridgePortal.subsystem.code')}
            hint={t('bridgePortal.subsystem.codeHint')}
            value={props.values['subsystem']}
            error={props.errors['subsystem']}
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            maxLength={64}
            width={20}
          />
          <Button>{t('bridgePortal.newMember.submit')}</Button>
        </Form>
      )}
    </Layout>
  );
}

function UsageCells(props: { usage: Usage }) {
  return (
    <>
      <td>{props.usage.requests}</td>
      <td>{props.usage.errors}</td>
      <td>{props.usage.lastAt ? minute(props.usage.lastAt) : '—'}</td>
    </>
  );
}

function ContractTable(props: { lines: ContractLine[]; caption: string }) {
  const { t } = usePage();
  if (props.lines.length === 0) return <p>{t('bridgePortal.contracts.empty')}</p>;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('bridgePortal.passport.service')}</th>
          <th scope="col">{t('bridgePortal.contract.consumer')}</th>
          <th scope="col">{t('bridgePortal.contract.state')}</th>
          <th scope="col">{t('bridgePortal.contract.grant')}</th>
          <th scope="col">{t('bridgePortal.usage.requests')}</th>
          <th scope="col">{t('bridgePortal.usage.errors')}</th>
          <th scope="col">{t('bridgePortal.usage.lastAt')}</th>
        </tr>
      </thead>
      <tbody>
        {props.lines.map(({ contract, usage }) => (
          <tr key={contract.id} data-contract={contract.id}>
            <td>
              <a href={PATHS.contract(contract.id)}>{contract.service}</a>
            </td>
            <td>{contract.consumer}</td>
            <td>
              <StateTag contract={contract} />
            </td>
            <td>
              <GrantText contract={contract} />
            </td>
            <UsageCells usage={usage} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MemberPage(props: {
  overview: {
    member: Member;
    certificates: { id: string; serial: string; notAfter: Date; status: string }[];
    contracts: ContractLine[];
  };
  values: Record<string, string>;
  errors: FormErrors;
}) {
  const { t } = usePage();
  const { member, certificates, contracts } = props.overview;
  return (
    <Layout title={member.name} hasErrors={hasErrors(props.errors)}>
      <h1>{member.name}</h1>
      <ErrorSummary errors={props.errors} />
      <p>
        {t('bridgePortal.member.identifier')}{' '}
        <code
          data-member-id
        >{`${member.instance}/${member.memberClass}/${member.memberCode}`}</code>
      </p>
      <h2>{t('bridgePortal.member.subsystems')}</h2>
      {member.subsystems.length === 0 ? (
        <p>{t('bridgePortal.member.noSubsystems')}</p>
      ) : (
        <ul>
          {member.subsystems.map((s) => (
            <li key={s.id}>
              <code
                data-client
              >{`${member.instance}/${member.memberClass}/${member.memberCode}/${s.code}`}</code>
            </li>
          ))}
        </ul>
      )}
      <Form action={PATHS.subsystems(member.id)}>
        <TextField
          name="subsystem"
          label={t('bridgePortal.subsystem.code')}
          hint={t('bridgePortal.subsystem.codeHint')}
          value={props.values['subsystem']}
          error={props.errors['subsystem']}
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          maxLength={64}
          width={20}
        />
        <Button variant="secondary">{t('bridgePortal.subsystem.add')}</Button>
      </Form>
      <h2>{t('bridgePortal.member.certificates')}</h2>
      <p>{t('bridgePortal.certificate.lead')}</p>
      {certificates.length > 0 && (
        <table>
          <caption>{t('bridgePortal.member.certificates')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bridgePortal.certificate.keyId')}</th>
              <th scope="col">{t('bridgePortal.certificate.serial')}</th>
              <th scope="col">{t('bridgePortal.certificate.validTo')}</th>
              <th scope="col">{t('bridgePortal.certificate.status')}</th>
            </tr>
          </thead>
          <tbody>
            {certificates.map((c) => (
              <tr key={c.id}>
                <td>
                  <code>{c.id}</code>
                </td>
                <td>{c.serial}</td>
                <td>{day(c.notAfter)}</td>
                <td>{t(CERTIFICATE_LABELS[c.status] ?? c.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form action={PATHS.certificates(member.id)}>
        <Button>{t('bridgePortal.certificate.issue')}</Button>
      </Form>
      <h2>{t('bridgePortal.member.contracts')}</h2>
      <ContractTable lines={contracts} caption={t('bridgePortal.member.contractsCaption')} />
      <p>
        <a href={PATHS.services}>{t('bridgePortal.member.findServices')}</a>
      </p>
    </Layout>
  );
}

export function CertificatePage(props: {
  member: Member;
  certificate: { id: string; serial: string; notAfter: Date; pem: string };
  privateKeyPem: string;
}) {
  const { t } = usePage();
  return (
    <Layout title={t('bridgePortal.certificate.issuedTitle')}>
      <h1>{t('bridgePortal.certificate.issuedTitle')}</h1>
      <div class="notice" role="alert">
        <h2>{t('bridgePortal.certificate.warningTitle')}</h2>
        <p>{t('bridgePortal.certificate.warning')}</p>
      </div>
      <dl>
        <dt>{t('bridgePortal.certificate.keyId')}</dt>
        <dd>
          <code id="key-id">{props.certificate.id}</code>
        </dd>
        <dt>{t('bridgePortal.certificate.validTo')}</dt>
        <dd>{day(props.certificate.notAfter)}</dd>
      </dl>
      <div>
        <label for="private-key">{t('bridgePortal.certificate.privateKey')}</label>
        <textarea id="private-key" readOnly rows={6} spellcheck={false}>
          {props.privateKeyPem}
        </textarea>
      </div>
      <div>
        <label for="certificate-pem">{t('bridgePortal.certificate.pem')}</label>
        <textarea id="certificate-pem" readOnly rows={6} spellcheck={false}>
          {props.certificate.pem}
        </textarea>
      </div>
      <p>{t('bridgePortal.certificate.howToSign')}</p>
      <p>
        <a href={PATHS.member(props.member.id)}>{t('bridgePortal.certificate.back')}</a>
      </p>
    </Layout>
  );
}

export function RequestsPage(props: { lines: ContractLine[] }) {
  const { t } = usePage();
  return (
    <Layout title={t('bridgePortal.nav.requests')}>
      <h1>{t('bridgePortal.nav.requests')}</h1>
      <p>{t('bridgePortal.requests.lead')}</p>
      <ContractTable lines={props.lines} caption={t('bridgePortal.requests.caption')} />
    </Layout>
  );
}

export function ContractPage(props: {
  view: { contract: Contract; passport: Passport; side: 'owner' | 'consumer'; usage: Usage };
  values: Record<string, string>;
  errors: FormErrors;
}) {
  const { t } = usePage();
  const { contract, passport, side, usage } = props.view;
  const state = contract.status.state;
  const title = t('bridgePortal.contract.title', { service: contract.service });
  const endpoints = endpointsOf(passport.openapi);
  const reason = (name: string, label: string) => (
    <TextArea
      name={name}
      label={label}
      value={props.values[name]}
      error={props.errors[name]}
      maxLength={1000}
      rows={3}
    />
  );
  return (
    <Layout title={title} hasErrors={hasErrors(props.errors)}>
      <h1>{title}</h1>
      <ErrorSummary errors={props.errors} />
      <dl>
        <dt>{t('bridgePortal.contract.yourSide')}</dt>
        <dd>{t(SIDE_LABELS[side]!)}</dd>
        <dt>{t('bridgePortal.contract.state')}</dt>
        <dd>
          <StateTag contract={contract} />
        </dd>
        <dt>{t('bridgePortal.contract.grant')}</dt>
        <dd>
          <GrantText contract={contract} />
        </dd>
        <dt>{t('bridgePortal.contract.consumer')}</dt>
        <dd>
          <code>{contract.consumer}</code>
        </dd>
        <dt>{t('bridgePortal.passport.service')}</dt>
        <dd>
          <a href={PATHS.service(passport.id)}>{contract.service}</a>
        </dd>
        <dt>{t('bridgePortal.request.purpose')}</dt>
        <dd>{contract.purpose}</dd>
        <dt>{t('bridgePortal.request.legalBasis')}</dt>
        <dd>{contract.legalBasis}</dd>
        <dt>{t('bridgePortal.request.expectedVolume')}</dt>
        <dd>{contract.expectedVolume}</dd>
      </dl>
      <h2>{t('bridgePortal.usage.title')}</h2>
      <p>{t('bridgePortal.usage.lead')}</p>
      <dl>
        <dt>{t('bridgePortal.usage.requests')}</dt>
        <dd data-usage-requests>{usage.requests}</dd>
        <dt>{t('bridgePortal.usage.errors')}</dt>
        <dd data-usage-errors>{usage.errors}</dd>
        <dt>{t('bridgePortal.usage.lastAt')}</dt>
        <dd>{usage.lastAt ? minute(usage.lastAt) : '—'}</dd>
        <dt>{t('bridgePortal.usage.latency')}</dt>
        <dd data-usage-latency>
          {usage.latencyP50Ms === null
            ? '—'
            : t('bridgePortal.usage.latencyValue', {
                p50: usage.latencyP50Ms,
                p95: usage.latencyP95Ms ?? usage.latencyP50Ms,
              })}
        </dd>
        <dt>{t('bridgePortal.usage.quota')}</dt>
        <dd data-usage-quota>
          {t('bridgePortal.usage.quotaValue', { rate: passport.ratePerSecond })}
        </dd>
      </dl>
      <h2>{t('bridgePortal.contract.history')}</h2>
      <ol>
        {contract.history.map((entry, index) => (
          <li key={index}>
            {minute(entry.at)}: {t(ACTION_LABELS[entry.action] ?? entry.action)}
            {'reason' in entry && entry.reason ? ` — ${entry.reason}` : ''}
          </li>
        ))}
      </ol>
      {side === 'owner' && state === 'requested' && (
        <>
          <h2>{t('bridgePortal.decide.approveTitle')}</h2>
          <Form action={PATHS.decide(contract.id)}>
            <input type="hidden" name="action" value="approve" />
            <ChoiceField
              name="scope"
              legend={t('bridgePortal.decide.scope')}
              options={[
                { value: 'service', label: t('bridgePortal.grant.service') },
                { value: 'endpoints', label: t('bridgePortal.decide.scopeEndpoints') },
              ]}
              value={props.values['scope']}
              error={props.errors['scope']}
            />
            <fieldset>
              <legend>{t('bridgePortal.decide.endpoints')}</legend>
              <p id="endpoints-hint" class="hint">
                {t('bridgePortal.decide.endpointsHint')}
              </p>
              {endpoints.map((e, index) => (
                <label key={index}>
                  <input
                    type="checkbox"
                    name="endpoint"
                    value={`${e.method} ${e.path}`}
                    aria-describedby="endpoints-hint"
                  />{' '}
                  <code>
                    {e.method} {e.path}
                  </code>
                </label>
              ))}
            </fieldset>
            <Button>{t('bridgePortal.decide.approve')}</Button>
          </Form>
          <h2>{t('bridgePortal.decide.refuseTitle')}</h2>
          <Form action={PATHS.decide(contract.id)}>
            <input type="hidden" name="action" value="refuse" />
            {reason('refuseReason', t('bridgePortal.decide.reason'))}
            <Button variant="secondary">{t('bridgePortal.decide.refuse')}</Button>
          </Form>
        </>
      )}
      {side === 'owner' && state === 'approved' && (
        <>
          <h2>{t('bridgePortal.decide.suspendTitle')}</h2>
          <Form action={PATHS.decide(contract.id)}>
            <input type="hidden" name="action" value="suspend" />
            {reason('suspendReason', t('bridgePortal.decide.reason'))}
            <Button variant="secondary">{t('bridgePortal.decide.suspend')}</Button>
          </Form>
        </>
      )}
      {side === 'owner' && state === 'suspended' && (
        <>
          <h2>{t('bridgePortal.decide.resumeTitle')}</h2>
          <Form action={PATHS.decide(contract.id)}>
            <input type="hidden" name="action" value="resume" />
            <Button>{t('bridgePortal.decide.resume')}</Button>
          </Form>
        </>
      )}
      {['requested', 'approved', 'suspended'].includes(state) &&
        (side === 'consumer' || state !== 'requested') && (
          <>
            <h2>
              {side === 'owner'
                ? t('bridgePortal.decide.revokeTitle')
                : t('bridgePortal.decide.withdrawTitle')}
            </h2>
            <Form action={PATHS.decide(contract.id)}>
              <input type="hidden" name="action" value="revoke" />
              {reason('revokeReason', t('bridgePortal.decide.reason'))}
              <Button variant="secondary">
                {side === 'owner'
                  ? t('bridgePortal.decide.revoke')
                  : t('bridgePortal.decide.withdraw')}
              </Button>
            </Form>
          </>
        )}
    </Layout>
  );
}
