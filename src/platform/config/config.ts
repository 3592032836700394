import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Every environment variable the platform reads, with its documentation and a safe development
 * default. Nothing else in the tree reads `process.env` (a lint rule holds this); the README's
 * configuration table is checked against this list by a test.
 */
export const variables = {
  PORT: { doc: 'TCP port the HTTP server listens on.', default: '8080' },
  HOST: { doc: 'Interface the HTTP server binds to.', default: '127.0.0.1' },
  DATABASE_URL: {
    doc: 'PostgreSQL 15+ connection string. Empty: start the embedded PostgreSQL with its data under DATA_DIR.',
    default: '',
  },
  DATA_DIR: {
    doc: 'Directory for the embedded database, stored files and the deployment key.',
    default: './data',
  },
  EMBEDDED_DB_PORT: {
    doc: 'Port of the embedded PostgreSQL on 127.0.0.1 (used only when DATABASE_URL is empty).',
    default: '54329',
  },
  COUNTRY: { doc: 'Country profile of this deployment: kz, kg, uz or tj.', default: 'kz' },
  ENABLED_APPS: {
    doc: 'Comma-separated ids of the installed apps this deployment enables; empty enables all.',
    default: '',
  },
  LOG_LEVEL: {
    doc: 'pino log level: fatal, error, warn, info, debug, trace or silent.',
    default: 'info',
  },
  BODY_LIMIT_BYTES: { doc: 'Largest request body accepted, in bytes.', default: '1048576' },
  UPLOAD_LIMIT_BYTES: { doc: 'Largest uploaded file accepted, in bytes.', default: '10485760' },
  SESSION_IDLE_MINUTES: {
    doc: 'A session ends after this many minutes without a request.',
    default: '30',
  },
  SESSION_MAX_HOURS: {
    doc: 'A session ends this many hours after sign-in, whatever its use.',
    default: '12',
  },
  COOKIE_SECURE: {
    doc: 'Mark cookies Secure (true behind HTTPS, which every deployment should use).',
    default: 'false',
  },
  AUDIT_CHECKPOINT_SECONDS: {
    doc: 'How often the audit log is sealed with a signed checkpoint.',
    default: '60',
  },
  PUBLIC_BASE_URL: {
    doc: 'Public address of this deployment, without a trailing slash; QR codes and verification links on issued documents use it.',
    default: 'http://127.0.0.1:8080',
  },
  CALENDAR_TRANSFERS_FILE: {
    doc: 'JSON file of extra working days and days off (government transfers not yet in the release); empty: none. Checked at start-up.',
    default: '',
  },
  SMTP_URL: {
    doc: 'SMTP server for email notices, e.g. smtp://user:password@mail.internal:587. Empty: no email is sent; inboxes still work.',
    default: '',
  },
  MAIL_FROM: {
    doc: 'Sender address of email notices (the From header), e.g. Ortaq <noreply@example.kz>.',
    default: 'noreply@localhost',
  },
  MAIL_RETRY_LIMIT: {
    doc: 'How many more times an email is tried when the SMTP server fails temporarily.',
    default: '8',
  },
  MAIL_RETRY_DELAY_SECONDS: {
    doc: 'Wait before the first retry of an email; each further retry waits about twice as long.',
    default: '60',
  },
  OVERLOAD_MAX_IN_FLIGHT: {
    doc: 'Requests answered at once beyond which a new one gets 503 with Retry-After; 0: no bound.',
    default: '64',
  },
  OVERLOAD_MAX_DB_WAITING: {
    doc: 'Queries waiting for a database connection beyond which a request gets 503; 0: no bound.',
    default: '32',
  },
  OVERLOAD_LOOP_DELAY_MS: {
    doc: 'Mean event-loop delay in ms (sampled every 0.5 s) beyond which requests get 503; 0: off.',
    default: '0',
  },
  OVERLOAD_RETRY_SECONDS: {
    doc: 'The Retry-After, in seconds, of an answer refused because the server is overloaded.',
    default: '2',
  },
} as const;

export type VariableName = keyof typeof variables;

const LogLevel = Type.Union(
  ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) =>
    Type.Literal(level),
  ),
);

export const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  databaseUrl: Type.String({ pattern: '^(|postgres(ql)?://.+)$' }),
  dataDir: Type.String({ minLength: 1 }),
  embeddedDbPort: Type.Integer({ minimum: 1, maximum: 65535 }),
  country: Type.Union([
    Type.Literal('kz'),
    Type.Literal('kg'),
    Type.Literal('uz'),
    Type.Literal('tj'),
  ]),
  enabledApps: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9-]*$' })),
  logLevel: LogLevel,
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  uploadLimitBytes: Type.Integer({ minimum: 1024 }),
  sessionIdleMinutes: Type.Integer({ minimum: 1 }),
  sessionMaxHours: Type.Integer({ minimum: 1 }),
  cookieSecure: Type.Boolean(),
  auditCheckpointSeconds: Type.Integer({ minimum: 1 }),
  calendarTransfersFile: Type.String(),
  smtpUrl: Type.String({ pattern: '^(|smtps?://[^\\s]+)$' }),
  mailFrom: Type.String({ pattern: '^[^\\r\\n@]*@[^\\r\\n@]+$' }),
  mailRetryLimit: Type.Integer({ minimum: 0, maximum: 20 }),
  mailRetryDelaySeconds: Type.Integer({ minimum: 1, maximum: 86_400 }),
  publicBaseUrl: Type.String({ pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*[^\\s?#/])?$' }),
  overloadMaxInFlight: Type.Integer({ minimum: 0 }),
  overloadMaxDbWaiting: Type.Integer({ minimum: 0 }),
  overloadLoopDelayMs: Type.Integer({ minimum: 0 }),
  overloadRetrySeconds: Type.Integer({ minimum: 1, maximum: 3600 }),
});
export type Config = Static<typeof ConfigSchema>;

/** Which variable feeds which field, so an invalid value is reported by the name the operator set. */
const sourceOf: Record<keyof Config, VariableName> = {
  port: 'PORT',
  host: 'HOST',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'DATA_DIR',
  embeddedDbPort: 'EMBEDDED_DB_PORT',
  country: 'COUNTRY',
  enabledApps: 'ENABLED_APPS',
  logLevel: 'LOG_LEVEL',
  bodyLimitBytes: 'BODY_LIMIT_BYTES',
  uploadLimitBytes: 'UPLOAD_LIMIT_BYTES',
  sessionIdleMinutes: 'SESSION_IDLE_MINUTES',
  sessionMaxHours: 'SESSION_MAX_HOURS',
  cookieSecure: 'COOKIE_SECURE',
  auditCheckpointSeconds: 'AUDIT_CHECKPOINT_SECONDS',
  calendarTransfersFile: 'CALENDAR_TRANSFERS_FILE',
  smtpUrl: 'SMTP_URL',
  mailFrom: 'MAIL_FROM',
  mailRetryLimit: 'MAIL_RETRY_LIMIT',
  mailRetryDelaySeconds: 'MAIL_RETRY_DELAY_SECONDS',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  overloadMaxInFlight: 'OVERLOAD_MAX_IN_FLIGHT',
  overloadMaxDbWaiting: 'OVERLOAD_MAX_DB_WAITING',
  overloadLoopDelayMs: 'OVERLOAD_LOOP_DELAY_MS',
  overloadRetrySeconds: 'OVERLOAD_RETRY_SECONDS',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming every invalid variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw = (name: VariableName) => env[name] ?? variables[name].default;
  const candidate = {
    port: Number(raw('PORT')),
    host: raw('HOST'),
    databaseUrl: raw('DATABASE_URL'),
    dataDir: path.resolve(raw('DATA_DIR')),
    embeddedDbPort: Number(raw('EMBEDDED_DB_PORT')),
    country: raw('COUNTRY'),
    enabledApps: raw('ENABLED_APPS')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    logLevel: raw('LOG_LEVEL'),
    bodyLimitBytes: Number(raw('BODY_LIMIT_BYTES')),
    uploadLimitBytes: Number(raw('UPLOAD_LIMIT_BYTES')),
    sessionIdleMinutes: Number(raw('SESSION_IDLE_MINUTES')),
    sessionMaxHours: Number(raw('SESSION_MAX_HOURS')),
    cookieSecure: parseBoolean(raw('COOKIE_SECURE')),
    auditCheckpointSeconds: Number(raw('AUDIT_CHECKPOINT_SECONDS')),
    calendarTransfersFile:
      raw('CALENDAR_TRANSFERS_FILE') && path.resolve(raw('CALENDAR_TRANSFERS_FILE')),
    smtpUrl: raw('SMTP_URL').trim(),
    mailFrom: raw('MAIL_FROM').trim(),
    mailRetryLimit: Number(raw('MAIL_RETRY_LIMIT')),
    mailRetryDelaySeconds: Number(raw('MAIL_RETRY_DELAY_SECONDS')),
    publicBaseUrl: raw('PUBLIC_BASE_URL'),
    overloadMaxInFlight: Number(raw('OVERLOAD_MAX_IN_FLIGHT')),
    overloadMaxDbWaiting: Number(raw('OVERLOAD_MAX_DB_WAITING')),
    overloadLoopDelayMs: Number(raw('OVERLOAD_LOOP_DELAY_MS')),
    overloadRetrySeconds: Number(raw('OVERLOAD_RETRY_SECONDS')),
  };
  const problems = [...Value.Errors(ConfigSchema, candidate)].map((error) => {
    const field = error.path.split('/')[1] as keyof Config;
    const name = sourceOf[field];
    return `${name}=${JSON.stringify(env[name] ?? variables[name].default)}: ${error.message} (${variables[name].doc})`;
  });
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return candidate as Config;
}

function parseBoolean(value: string): boolean | string {
  if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no', ''].includes(value.toLowerCase())) return false;
  return value;
}
