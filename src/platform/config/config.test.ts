import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, variables } from './config.js';

describe('loadConfig', () => {
  it('gives safe development defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.databaseUrl).toBe('');
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.country).toBe('kz');
    expect(config.cookieSecure).toBe(false);
    expect(config.enabledApps).toEqual([]);
  });

  it('reads and converts the variables it documents', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://u@db:5432/ortaq',
      COUNTRY: 'kg',
      ENABLED_APPS: 'e-otinish, e-notary',
      COOKIE_SECURE: 'true',
    });
    expect(config).toMatchObject({
      port: 9000,
      databaseUrl: 'postgres://u@db:5432/ortaq',
      country: 'kg',
      enabledApps: ['e-otinish', 'e-notary'],
      cookieSecure: true,
    });
  });

  it('names every invalid variable with its value and what it is for', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', COUNTRY: 'fr', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT="abc"');
    expect(problems).toContain('COUNTRY="fr"');
    expect(problems).toContain('DATABASE_URL="mysql://x"');
    expect(problems).toContain('COOKIE_SECURE="maybe"');
    expect(problems).toContain(variables.PORT.doc);
  });

  it('bounds load with safe defaults and refuses a negative bound', () => {
    expect(loadConfig({})).toMatchObject({
      overloadMaxInFlight: 64,
      overloadMaxDbWaiting: 32,
      overloadLoopDelayMs: 0,
      overloadRetrySeconds: 2,
    });
    expect(loadConfig({ OVERLOAD_MAX_IN_FLIGHT: '0' }).overloadMaxInFlight).toBe(0);
    expect(() => loadConfig({ OVERLOAD_MAX_IN_FLIGHT: '-1' })).toThrow(
      /OVERLOAD_MAX_IN_FLIGHT="-1"/,
    );
    expect(() => loadConfig({ OVERLOAD_RETRY_SECONDS: '0' })).toThrow(/OVERLOAD_RETRY_SECONDS="0"/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000"/);
  });
});

describe('README configuration table', () => {
  const readme = fs.readFileSync(path.resolve('README.md'), 'utf8');
  const rows = new Map(
    [...readme.matchAll(/^\| `([A-Z_]+)` +\| ([^|]+) \| ([^|]+) \|$/gm)].map((match) => [
      match[1] as string,
      { default: match[2]!.trim(), doc: match[3]!.trim() },
    ]),
  );

  it.each(Object.entries(variables))('documents %s with its default and meaning', (name, v) => {
    const row = rows.get(name);
    expect(row, `README.md has no row for ${name}`).toBeDefined();
    expect(row!.default).toBe(v.default === '' ? '(empty)' : `\`${v.default}\``);
    expect(row!.doc).toBe(v.doc);
  });

  it('lists no variable the platform does not read', () => {
    expect([...rows.keys()].filter((name) => !(name in variables))).toEqual([]);
  });
});
