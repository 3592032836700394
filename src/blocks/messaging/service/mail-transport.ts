import nodemailer from 'nodemailer';

/** One email as the transport sends it. */
export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery, so a receiver can drop a duplicate after a retry. */
  messageId: string;
  locale: string;
}

export interface SentEmail {
  /** The SMTP server's final answer, e.g. `250 OK: queued as …`. */
  response: string;
}

/** Why a send failed: `permanent` for a 5xx refusal that no retry will change. */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

export interface MailTransport {
  send(email: OutgoingEmail): Promise<SentEmail>;
  close(): void;
}

/**
 * SMTP through nodemailer to the configured server (SMTP_URL: smtp:// with STARTTLS when the
 * server offers it, smtps:// for implicit TLS, credentials in the URL). Timeouts are bounded so
 * a silent server fails the attempt, which is then retried.
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(email) {
      try {
        const info = await transporter.sendMail({
          from: email.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
          headers: {
            'Content-Language': email.locale,
            // RFC 3834: an automatic notice; auto-responders should not answer it.
            'Auto-Submitted': 'auto-generated',
          },
        });
        if (info.rejected.length > 0) {
          throw new MailSendError(`recipient refused: ${info.response}`, true);
        }
        return { response: info.response };
      } catch (error) {
        if (error instanceof MailSendError) throw error;
        const { responseCode, message } = error as { responseCode?: number; message?: string };
        throw new MailSendError(
          String(message ?? error),
          responseCode !== undefined && responseCode >= 500,
        );
      }
    },
    close: () => transporter.close(),
  };
}
