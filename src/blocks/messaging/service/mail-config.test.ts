import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../platform/config/config.js';

/** The email settings in the platform configuration: safe defaults, bad values named. */
describe('email configuration', () => {
  it('is off by default, with a harmless sender and a retry policy', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: '',
      mailFrom: 'noreply@localhost',
      mailRetryLimit: 8,
      mailRetryDelaySeconds: 60,
    });
  });

  it('takes an SMTP or SMTPS server with credentials, and a named sender', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtps://ortaq:s%40cret@mail.gov.kz:465',
        MAIL_FROM: 'Ortaq <noreply@gov.kz>',
      }),
    ).toMatchObject({
      smtpUrl: 'smtps://ortaq:s%40cret@mail.gov.kz:465',
      mailFrom: 'Ortaq <noreply@gov.kz>',
    });
  });

  it.each([
    ['SMTP_URL', 'http://mail.gov.kz'],
    ['SMTP_URL', 'mail.gov.kz:25'],
    ['MAIL_FROM', 'nobody'],
    ['MAIL_FROM', 'a@b.kz\nBcc: c@d.kz'],
    ['MAIL_RETRY_LIMIT', '-1'],
    ['MAIL_RETRY_LIMIT', 'many'],
    ['MAIL_RETRY_DELAY_SECONDS', '0'],
  ])('refuses %s=%j, naming it', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toContain(
      `${name}=${JSON.stringify(value)}`,
    );
  });
});
