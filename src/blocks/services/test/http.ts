import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { totpCode } from '../../identity/service/totp.js';
import { TestBrowser } from '../../identity/test/browser.js';
import { PASSWORD } from '../../identity/test/fixtures.js';
import { SERVICE_IIN, type World } from './world.js';

/** A browser signed in as one of the world's people (officers give their TOTP code). */
export async function browserFor(
  app: FastifyInstance,
  world: World,
  who: keyof typeof SERVICE_IIN,
  now: () => Date,
  locale: 'kk' | 'ru' | 'en' = 'kk',
): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  await browser.get(`/language/${locale}?return=/`);
  await browser.signIn(SERVICE_IIN[who], PASSWORD);
  const secret = world.totp.get(world[who].accountId);
  if (secret) {
    await browser.get('/sign-in/code');
    await browser.postForm('/sign-in/code', { code: totpCode(secret, now()) });
  }
  await browser.get('/my/applications');
  return browser;
}

export type Part = string | { filename: string; content: Buffer; type?: string };

/** Posts a multipart form (a form with file inputs) with the CSRF token of the last page. */
export function postMultipart(browser: TestBrowser, url: string, fields: Record<string, Part>) {
  const boundary = `----ortaq${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  const all: Record<string, Part> = { _csrf: browser.csrfToken, ...fields };
  for (const [name, part] of Object.entries(all)) {
    if (typeof part === 'string') {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${part}\r\n`,
        ),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${part.filename}"\r\nContent-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        part.content,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return browser.request({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(chunks),
  });
}
