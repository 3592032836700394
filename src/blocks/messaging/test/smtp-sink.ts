import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { freePort } from '../../../../test/support/free-port.js';

export interface ReceivedEmail {
  from: string;
  to: string[];
  raw: string;
}

/** What the sink answers to the next RCPT TO: accept, or refuse with an SMTP code. */
export type SinkAnswer = 'accept' | { code: number; message: string };

/**
 * A real SMTP server (the smtp-server package) on a free loopback port, for tests: it keeps
 * every message it accepts, and can be told to refuse recipients temporarily or for good.
 */
export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  /** Answers to use for the next recipients, in order; 'accept' once they run out. */
  readonly answers: SinkAnswer[] = [];
  #server: SMTPServer | undefined;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    this.#server = new SMTPServer({
      // Plain SMTP on loopback: no certificate to trust, no credentials to keep.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const answer = this.answers.shift() ?? 'accept';
        if (answer === 'accept') return callback();
        const error = Object.assign(new Error(answer.message), { responseCode: answer.code });
        return callback(error);
      },
      onData: (stream, session: SMTPServerSession, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.#server!.once('error', reject);
      this.#server!.listen(this.port, '127.0.0.1', () => resolve());
    });
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }
}
