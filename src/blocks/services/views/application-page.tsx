import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import {
  Button,
  ErrorSummary,
  fieldId,
  Form,
  hasErrors,
  type FormErrors,
} from '../../../platform/views/components/index.js';
import { ASSIGN, CHECK, CLOCK_EXPIRED } from '../domain/application-status.js';
import { SUBMIT, type Transition } from '../domain/definition.js';
import { signedDecisions } from '../domain/signed-decisions.js';
import type { ApplicationView } from '../service/queries.js';
import { ClockText } from './clock-text.js';
import { stateName } from './my-applications-page.js';
import { pick } from './service-form.js';

export interface ApplicationPageProps {
  view: ApplicationView;
  /** `officer` shows the answers, checks, assignment and the officer's actions. */
  audience: 'applicant' | 'officer';
  /** Transitions this viewer may perform now. */
  transitions: Transition[];
  /** For the assign form (officers): officers of the agency holding the application. */
  officers?: { accountId: string; name: string }[];
  errors?: FormErrors;
  /** Just submitted: thank the applicant and give the number. */
  justSubmitted?: boolean;
}

/** One application: its step, deadlines, history and, for whoever may act, the next actions. */
export function ApplicationPage({
  view,
  audience,
  transitions,
  officers = [],
  errors = {},
  justSubmitted,
}: ApplicationPageProps) {
  const { t, locale } = usePage();
  const { definition, row, status } = view;
  const base =
    audience === 'applicant' ? `/my/applications/${row.id}` : `/officer/applications/${row.id}`;
  const name = (accountId: string | null) =>
    accountId ? (view.names.get(accountId) ?? '—') : t('services.actor.system');
  const transitionName = (action: string) => {
    if (action === SUBMIT) return t('services.step.submit');
    if (action === CLOCK_EXPIRED) return t('services.step.clockExpired');
    const transition = definition.transitions.find((tr) => tr.id === action);
    return transition ? pick(transition.names, locale) : action;
  };
  const signed = new Map(signedDecisions(view.actions).map((d) => [d.seq, d.verificationCode]));
  const history = view.actions.filter(
    (a) => audience === 'officer' || (a.action !== ASSIGN && a.action !== CHECK),
  );
  return (
    <Layout
      title={t('services.application.title', { reference: row.reference })}
      hasErrors={hasErrors(errors)}
    >
      <h1>{t('services.application.title', { reference: row.reference })}</h1>
      <ErrorSummary errors={errors} />
      {justSubmitted && (
        <div class="notice" role="status">
          {t('services.application.submitted', { reference: row.reference })}
        </div>
      )}
      <dl>
        <dt>{t('services.table.service')}</dt>
        <dd>{pick(definition.names, locale)}</dd>
        <dt>{t('services.table.state')}</dt>
        <dd>{stateName(definition, status.state, locale)}</dd>
        <dt>{t('services.table.agency')}</dt>
        <dd>{status.agencyCode}</dd>
        {audience === 'officer' && (
          <>
            <dt>{t('services.queue.assignee')}</dt>
            <dd>
              {status.assigneeAccountId
                ? name(status.assigneeAccountId)
                : t('services.queue.unassigned')}
            </dd>
          </>
        )}
      </dl>

      <h2>{t('services.application.deadlines')}</h2>
      <ul>
        {view.clocks.map((clock) => (
          <li key={clock.id}>
            {pick(definition.clocks!.find((c) => c.id === clock.id)!.names, locale)}:{' '}
            <ClockText clock={clock} />
          </li>
        ))}
      </ul>

      <h2>{t('services.application.steps')}</h2>
      <ol>
        {history.map((action) => (
          <li key={action.seq}>
            <time dateTime={action.at.toISOString()}>
              {action.at.toISOString().slice(0, 16).replace('T', ' ')} UTC
            </time>{' '}
            {action.action === ASSIGN
              ? t('services.step.assigned', {
                  name: name(String(action.payload.assigneeAccountId ?? '')),
                })
              : action.action === CHECK
                ? t(action.payload.passed ? 'services.check.passed' : 'services.check.failed', {
                    check: String(action.payload.check),
                  })
                : transitionName(action.action)}
            {action.action !== CHECK && <> — {name(action.actorAccountId)}</>}
            {action.reason && (
              <>
                {' '}
                <q>{action.reason}</q>
              </>
            )}
            {signed.has(action.seq) && (
              <>
                {' '}
                <a href={`/verify/${signed.get(action.seq)}`}>
                  {t('services.step.signedDecision')}
                </a>
              </>
            )}
          </li>
        ))}
      </ol>

      {audience === 'officer' && (
        <>
          <h2>{t('services.application.answers')}</h2>
          <dl>
            {definition.fields
              .filter((f) => f.name in row.form_values)
              .map((f) => (
                <>
                  <dt key={`${f.name}-label`}>{pick(f.label, locale)}</dt>
                  <dd key={`${f.name}-value`}>
                    {answerText(row.form_values[f.name], f, locale, t)}
                  </dd>
                </>
              ))}
          </dl>
          {!status.final && (
            <Form action={`${base}/assign`}>
              <div class="field">
                <label for={fieldId('assignee')}>{t('services.officer.assignLabel')}</label>
                <select id={fieldId('assignee')} name="assignee">
                  {officers.map((o) => (
                    <option
                      key={o.accountId}
                      value={o.accountId}
                      selected={o.accountId === status.assigneeAccountId}
                    >
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
              <Button variant="secondary">{t('services.officer.assign')}</Button>
            </Form>
          )}
        </>
      )}

      {transitions.length > 0 && (
        <>
          <h2>{t('services.application.actions')}</h2>
          {transitions.map((transition) => (
            <Form key={transition.id} action={`${base}/transitions/${transition.id}`}>
              <h3>{pick(transition.names, locale)}</h3>
              {(transition.requiresReason || audience === 'applicant') && (
                <div class={errors.reason ? 'field field--error' : 'field'}>
                  <label for={fieldId(`reason-${transition.id}`)}>
                    {t(
                      transition.requiresReason
                        ? 'services.officer.reason'
                        : 'services.officer.note',
                    )}
                  </label>
                  <textarea
                    id={fieldId(`reason-${transition.id}`)}
                    name="reason"
                    rows={3}
                    maxLength={4000}
                  />
                </div>
              )}
              {transition.forwards && (
                <div class="field">
                  <label for={fieldId(`agency-${transition.id}`)}>
                    {t('services.officer.agency')}
                  </label>
                  <p id={`${fieldId(`agency-${transition.id}`)}-hint`} class="field__hint">
                    {t('services.officer.agencyHint')}
                  </p>
                  <input
                    id={fieldId(`agency-${transition.id}`)}
                    name="agencyCode"
                    type="text"
                    autocomplete="off"
                    aria-describedby={`${fieldId(`agency-${transition.id}`)}-hint`}
                  />
                </div>
              )}
              <Button variant={transition.to === status.state ? 'secondary' : 'primary'}>
                {pick(transition.names, locale)}
              </Button>
            </Form>
          ))}
        </>
      )}
    </Layout>
  );
}

function answerText(
  value: unknown,
  field: ApplicationView['definition']['fields'][number],
  locale: 'kk' | 'ru' | 'en',
  t: (id: string) => string,
): string {
  if (field.type === 'yes-no') return t(value === true ? 'services.form.yes' : 'services.form.no');
  if (field.type === 'choice')
    return field.options.find((o) => o.value === value)?.label[locale] ?? String(value);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
