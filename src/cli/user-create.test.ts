import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { loadConfig, type Config } from '../platform/config/config.js';
import { CommandError } from './run-command.js';
import { EXIT_BAD_INPUT, userCreateCommand, type UserCreateOptions } from './user-create.js';

describe('ortaq user create', () => {
  let database: TestDatabase;
  let config: Config;
  beforeAll(async () => {
    database = await createTestDatabase();
    config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url });
  });
  afterAll(() => database.drop());

  const run = async (options: Partial<UserCreateOptions>, stdin = 'a long enough password\n') => {
    const lines: string[] = [];
    const code = await userCreateCommand(
      config,
      {
        nationalId: '881120300047',
        name: 'Жұмабеков Асқар',
        role: 'admin',
        passwordStdin: true,
        ...options,
      },
      { readStdin: async () => stdin, out: (line) => lines.push(line) },
    );
    return { code, lines };
  };
  const accounts = () => database.db.selectFrom('identity_account').select('id').execute();

  it('refuses bad input with exit 64 and writes nothing', async () => {
    const cases: [Partial<UserCreateOptions>, string, RegExp][] = [
      [{ nationalId: '881120300048' }, 'a long enough password', /IDENTITY_ID_BAD_CHECK_DIGIT/],
      [{ nationalId: '88112030004' }, 'a long enough password', /IDENTITY_ID_WRONG_LENGTH/],
      [{}, 'short\n', /IDENTITY_PASSWORD_TOO_SHORT/],
      [
        { role: 'officer', agency: 'nowhere' },
        'a long enough password',
        /IDENTITY_AGENCY_NOT_FOUND/,
      ],
      [{ role: 'officer' }, 'a long enough password', /IDENTITY_AGENCY_REQUIRED/],
      [{ role: 'superuser' }, 'a long enough password', /--role must be one of/],
      [{ passwordStdin: false }, 'a long enough password', /--password-stdin/],
      [{ name: 'Askar' }, 'a long enough password', /--name/],
    ];
    for (const [options, stdin, message] of cases) {
      const attempt = run(options, stdin);
      await expect(attempt).rejects.toBeInstanceOf(CommandError);
      await expect(attempt).rejects.toMatchObject({
        exitCode: EXIT_BAD_INPUT,
        message: expect.stringMatching(message),
      });
    }
    expect(await accounts()).toHaveLength(0);
    expect(await database.db.selectFrom('identity_person').select('id').execute()).toHaveLength(0);
  });

  it('creates an administrator and prints the TOTP URI once', async () => {
    const { code, lines } = await run({ username: 'root' });
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^created account [0-9a-f-]{36} \(admin\)$/);
    expect(lines[2]).toMatch(/^otpauth:\/\/totp\/Ortaq:root\?.*secret=[A-Z2-7]{32}/);
    expect(lines.join('\n')).not.toContain('881120300047');
    const account = await database.db
      .selectFrom('identity_account')
      .select(['password_hash', 'totp_secret'])
      .executeTakeFirstOrThrow();
    expect(account.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(lines[2]).toContain(account.totp_secret);
  });

  it('refuses a second account for the same person', async () => {
    await expect(run({ role: 'citizen' })).rejects.toThrow(/IDENTITY_ACCOUNT_EXISTS/);
    expect(await accounts()).toHaveLength(1);
  });

  it('creates a citizen without a TOTP secret', async () => {
    const { lines } = await run({
      nationalId: '850725400024',
      name: 'Садықова Әйгерім Нұрланқызы',
      role: 'citizen',
    });
    expect(lines).toHaveLength(1);
  });
});
