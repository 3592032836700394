import { describeStatus } from '../../../blocks/messaging/index.js';
import { signedDecisions } from '../../../blocks/services/index.js';
import {
  Button,
  ChoiceField,
  ErrorSummary,
  Form,
  type FormErrors,
  hasErrors,
  TextArea,
  TextField,
} from '../../../platform/views/components/index.js';
import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { ComplaintDraft } from '../domain/complaint.js';
import { POOR_RATING_AT_MOST } from '../domain/rating.js';
import { EXTENSION_STEPS } from '../definition/appeal-service.js';
import type { AppealView } from '../service/queries.js';

export interface AppealPageProps {
  view: AppealView;
  audience: 'applicant' | 'officer';
  /** For the applicant: the drafted complaint, when there is something to contest. */
  complaint?: ComplaintDraft | undefined;
  noHigherBody?: boolean;
  /** For the officer: what their roles allow in the body that holds it. */
  canAct?: { officer: boolean; head: boolean };
  errors: FormErrors;
}

/**
 * The appeal page: the status and every step from the one status feed (what the inbox and the
 * email said), the term in force, the answer with its legal grounds and appeal route; the
 * applicant's rating and complaint forms; the officer's step forms.
 */
export function AppealPage({
  view,
  audience,
  complaint,
  noHigherBody,
  canAct,
  errors,
}: AppealPageProps) {
  const { t, locale } = usePage();
  const number = view.state.couponNumber ?? view.application.row.reference;
  const base = `/e-otinish/appeals/${view.appeal.application_id}`;
  const status = view.latest ? describeStatus(view.latest, locale).subject : '';
  return (
    <Layout title={t('otinish.appeal.title', { number })} hasErrors={hasErrors(errors)}>
      <h1>{t('otinish.appeal.title', { number })}</h1>
      <ErrorSummary errors={errors} />
      <dl>
        <dt>{t('otinish.appeal.status')}</dt>
        <dd data-status={view.latest?.status}>{status}</dd>
        {view.state.term && !view.state.decidedAt && (
          <>
            <dt>{t('otinish.appeal.lastDay')}</dt>
            <dd>{view.state.term.lastDay}</dd>
          </>
        )}
        <dt>{t('otinish.appeal.extensions')}</dt>
        <dd>{view.state.extensions}</dd>
        {view.appeal.public_proposal && (
          <>
            <dt>{t('otinish.appeal.supporters', { count: view.supporters })}</dt>
            <dd>{view.appeal.topic}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="text-title">
        <h2 id="text-title">{t('otinish.appeal.text')}</h2>
        <p>
          <strong>{view.appeal.topic}</strong>
        </p>
        <p class="message-body">{String(view.application.row.form_values.text ?? '')}</p>
      </section>
      <h2>{t('otinish.appeal.steps')}</h2>
      <ol>
        {view.feed.map((event) => (
          <li key={event.id}>
            <strong>{describeStatus(event, locale).subject}</strong>
            <pre class="message-body">{describeStatus(event, locale).text}</pre>
          </li>
        ))}
      </ol>
      <SignedDecisions view={view} />
      {view.comments.length > 0 && (
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">{t('otinish.hearing.comments')}</h2>
          <ul>
            {view.comments.map((comment) => (
              <li key={comment.at.toISOString()}>{comment.text}</li>
            ))}
          </ul>
        </section>
      )}
      {audience === 'applicant' && view.state.hearingNoticeSentOn && !view.state.decidedAt && (
        <Form action={`${base}/comment`}>
          <h2>{t('otinish.hearing.commentTitle')}</h2>
          <TextArea
            name="comment"
            label={t('otinish.hearing.comment')}
            error={errors.comment}
            maxLength={10000}
          />
          <Button>{t('otinish.hearing.send')}</Button>
        </Form>
      )}
      {view.answer && (
        <section aria-labelledby="answer-title">
          <h2 id="answer-title">{t('otinish.appeal.answer')}</h2>
          <p>{view.answer.text}</p>
          <h3>{t('otinish.appeal.legalGrounds')}</h3>
          <p>{view.answer.legalGrounds}</p>
          <h3>{t('otinish.appeal.appealRoute')}</h3>
          <p>{view.answer.appealRoute}</p>
        </section>
      )}
      {audience === 'applicant' && view.state.decidedAt && view.state.rating === undefined && (
        <Form action={`${base}/rating`}>
          <h2>{t('otinish.rate.title')}</h2>
          <ChoiceField
            name="score"
            legend={t('otinish.rate.score')}
            options={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))}
            error={errors.score}
          />
          <Button>{t('otinish.rate.submit')}</Button>
        </Form>
      )}
      {view.state.rating !== undefined && (
        <p>
          {t('otinish.rate.given', { score: view.state.rating })}
          {view.state.rating <= POOR_RATING_AT_MOST ? ` ${t('otinish.rate.poor')}` : ''}
        </p>
      )}
      {audience === 'applicant' && noHigherBody && <p>{t('otinish.complaint.noHigherBody')}</p>}
      {audience === 'applicant' && complaint && (
        <section aria-labelledby="complaint-title">
          <h2 id="complaint-title">{t('otinish.complaint.title')}</h2>
          <p>
            {t('otinish.complaint.addressee')}: {complaint.addresseeBodyCode}
          </p>
          <p>{t(complaint.groundsText)}</p>
          <p>{t('otinish.complaint.window', { lastDay: complaint.window.lastDay })}</p>
          <Form action={`${base}/complaint`}>
            <TextField
              name="restorationReason"
              label={t('otinish.complaint.restorationReason')}
              hint={t('otinish.complaint.restorationHint')}
              autocomplete="off"
              maxLength={2000}
              {...(errors.restorationReason ? { error: errors.restorationReason } : {})}
            />
            <Button>{t('otinish.complaint.file')}</Button>
          </Form>
        </section>
      )}
      {audience === 'officer' && canAct && !view.application.status.final && (
        <OfficerForms base={base} canAct={canAct} errors={errors} />
      )}
    </Layout>
  );
}

function OfficerForms({
  base,
  canAct,
  errors,
}: {
  base: string;
  canAct: { officer: boolean; head: boolean };
  errors: FormErrors;
}) {
  const { t } = usePage();
  return (
    <>
      {canAct.officer && (
        <>
          <Form action={`${base}/answer`}>
            <h2>{t('otinish.officer.answer')}</h2>
            <TextArea
              name="text"
              label={t('otinish.officer.answerText')}
              error={errors.text}
              maxLength={10000}
            />
            <TextArea
              name="legalGrounds"
              label={t('otinish.appeal.legalGrounds')}
              error={errors.legalGrounds}
              maxLength={4000}
            />
            <TextArea
              name="appealRoute"
              label={t('otinish.appeal.appealRoute')}
              error={errors.appealRoute}
              maxLength={4000}
            />
            <ChoiceField
              name="adverse"
              legend={t('otinish.officer.adverse')}
              options={[
                { value: 'no', label: t('otinish.file.no') },
                { value: 'yes', label: t('otinish.file.yes') },
              ]}
              value="no"
            />
            <Button>{t('otinish.officer.answer')}</Button>
          </Form>
          <Form action={`${base}/hearing`}>
            <h2>{t('otinish.officer.hearing')}</h2>
            <TextArea
              name="reasons"
              label={t('otinish.officer.reason')}
              error={errors.reasons}
              maxLength={4000}
            />
            <Button variant="secondary">{t('otinish.officer.hearing')}</Button>
          </Form>
          <Form action={`${base}/forward`}>
            <h2>{t('otinish.officer.forward')}</h2>
            <TextField
              name="toBodyCode"
              label={t('otinish.officer.toBody')}
              autocomplete="off"
              maxLength={63}
              {...(errors.toBodyCode ? { error: errors.toBodyCode } : {})}
            />
            <TextArea
              name="reason"
              label={t('otinish.officer.reason')}
              error={errors.reason}
              maxLength={4000}
            />
            <Button variant="secondary">{t('otinish.officer.forward')}</Button>
          </Form>
        </>
      )}
      {canAct.head && (
        <Form action={`${base}/extension`}>
          <h2>{t('otinish.officer.extend')}</h2>
          <ChoiceField
            name="days"
            legend={t('otinish.officer.days')}
            options={EXTENSION_STEPS.map((d) => ({ value: String(d), label: String(d) }))}
            error={errors.days}
          />
          <TextArea
            name="extensionReasons"
            label={t('otinish.officer.reason')}
            error={errors.extensionReasons}
            maxLength={4000}
          />
          <Button variant="secondary">{t('otinish.officer.extend')}</Button>
        </Form>
      )}
    </>
  );
}

/** The officers' signed decisions on the appeal, each with its public verification link. */
function SignedDecisions({ view }: { view: AppealView }) {
  const { t, locale } = usePage();
  const decisions = signedDecisions(view.application.actions);
  if (decisions.length === 0) return null;
  const nameOf = (id: string) =>
    view.application.definition.transitions.find((tr) => tr.id === id)?.names[locale] ?? id;
  return (
    <section aria-labelledby="signed-title">
      <h2 id="signed-title">{t('otinish.appeal.signedDecisions')}</h2>
      <ul>
        {decisions.map((decision) => (
          <li key={decision.seq}>
            <time dateTime={decision.at.toISOString()}>
              {decision.at.toISOString().slice(0, 10)}
            </time>{' '}
            {nameOf(decision.action)}:{' '}
            <a href={`/verify/${decision.verificationCode}`}>
              {t('otinish.appeal.verifyDecision')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
