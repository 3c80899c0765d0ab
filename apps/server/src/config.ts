import { z } from 'zod';

/**
 * Every setting the server reads, described once. `main.ts` parses the environment with this at
 * start-up; nothing else reads `process.env`.
 */
const onOff = z.enum(['on', 'off']);

/** Values shipped in examples and docs; production must never run with them. */
export const knownDefaultSecrets = new Set(['change-me', 'changeme', 'secret', 'development', 'test']);
const MIN_SECRET_LENGTH = 32;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z
    .url()
    .optional()
    .describe('Base URL users reach the service at; defaults to http://HOST:PORT'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .describe('PostgreSQL; unset means embedded PGlite under DATA_DIR'),
  DATA_DIR: z.string().min(1).default('./data').describe('Embedded database and files'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  SIMULATION: onOff.optional().describe('Simulators under /sim; default on without DATABASE_URL'),
  SIMPONI_WEBHOOK_SECRET: z.string().min(1).optional().describe('HMAC secret of payment notifications'),
  RATE_LIMIT_SCALE: z.coerce.number().positive().default(1),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  HEADERS_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(15_000)
    .describe('A client that has not sent its headers by then is cut off (slow-drip connections)'),
  REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(120_000)
    .describe('The whole request, body included: a 5 MB scan over a slow phone connection fits'),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).default(10_000).describe('Open sockets per process'),
  RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(90)
    .describe('Days a closed application’s scans and biometric photo are kept (UU 27/2022)'),
  TRUST_PROXY: onOff.default('off').describe('Trust X-Forwarded-* from a reverse proxy'),
  SIM_RESIDENTS: z.coerce.number().int().min(500).max(100_000).default(1000),
  WEB_DIST_DIR: z.string().min(1).optional().describe('Built web app; defaults to apps/web/dist'),
  SECRET_KEY: z.string().min(1).optional().describe('Server key for HMACs (one-time codes, CSRF tokens)'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL')
    .optional()
    .describe('Mail server, e.g. smtp://user:pass@mail.example:587'),
  MAIL_FROM: z.string().min(3).default('M-Paspor <no-reply@m-paspor.localhost>'),
  SMS_GATEWAY_URL: z.url().optional().describe('HTTP SMS gateway; unset means no SMS outside simulation'),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  DUKCAPIL_URL: z.url().optional().describe('Civil-registry verification service'),
  SIMPONI_URL: z
    .url()
    .optional()
    .describe('PNBP billing service (SIMPONI); unset in simulation: the simulator'),
  SIMPONI_USER: z.string().min(1).optional(),
  SIMPONI_PASSWORD: z.string().min(1).optional(),
  SIMPONI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  DUKCAPIL_USER: z.string().min(1).optional(),
  DUKCAPIL_PASSWORD: z.string().min(1).optional(),
  DUKCAPIL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
    .optional()
    .describe('Shared rate-limit store; unset means the database'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  JOB_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(60_000)
    .default(1_000)
    .describe('How often workers look for due work (billing expiry)'),
  RECONCILE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(3_600_000)
    .default(60_000)
    .describe('How often billings near their deadline are checked with SIMPONI (lost notifications)'),
  OUTBOX_LEASE_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(3_600_000)
    .default(60_000)
    .describe('How long a worker holds a message it is delivering; another worker retries it after'),
  RELEASE_QUEUE_LEAD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15)
    .describe('How long before an office releases its quota its waiting room opens'),
  RELEASE_ADMISSION_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(120)
    .default(10)
    .describe('How long an admitted ticket may book a session of the release'),
  RELEASE_ADMIT_PER_SECOND: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(200)
    .describe('Most tickets admitted per second and release (never more than the seats left)'),
  RELEASE_WINDOW_MAX_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120)
    .describe('After this long past the release instant, booking is open to all again'),
  RELEASE_TICK_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(10_000)
    .default(500)
    .describe('How often waiting rooms draw, admit and close'),
  WAITLIST_OFFER_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30)
    .describe('How long a freed seat is held for the waitlist entry it is offered to'),
  WAITLIST_RELEASE_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(15)
    .describe('Seats still unsold this long after their release are offered to the waitlist too'),
  MAX_OTHER_ADULTS_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(0)
    .max(20)
    .default(2)
    .describe('Other adults (their consent given) one account may apply for within 30 days'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  BLOB_STORE: z.enum(['filesystem', 's3']).default('filesystem').describe('Where scans are kept'),
  BLOB_DIR: z.string().min(1).optional().describe('Filesystem blob store; defaults to DATA_DIR/blobs'),
  BLOB_ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=_-]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=_-]+)*$/,
      'must be id:base64key[,id:base64key…]',
    )
    .optional()
    .describe('AES-256 keys for scans at rest, newest first; old ones still decrypt'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: onOff.default('on'),
});

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  /** Where users reach the service (links in e-mails); unset means http://HOST:PORT. */
  readonly publicUrl: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly dbPoolMax: number;
  readonly simulation: boolean;
  readonly simponiWebhookSecret: string | undefined;
  readonly rateLimitScale: number;
  readonly bodyLimitBytes: number;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly shutdownTimeoutMs: number;
  /** Explicit server limits (issue 18): slow-drip headers, whole requests, open sockets. */
  readonly connections: { headersTimeoutMs: number; requestTimeoutMs: number; max: number };
  readonly retentionDays: number;
  readonly trustProxy: boolean;
  readonly simResidents: number;
  readonly webDistDir: string | undefined;
  readonly secretKey: string | undefined;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly smsGatewayUrl: string | undefined;
  readonly smsGatewayToken: string | undefined;
  readonly dukcapil: {
    readonly url: string | undefined;
    readonly user: string | undefined;
    readonly password: string | undefined;
    readonly timeoutMs: number;
  };
  readonly simponi: {
    readonly url: string | undefined;
    readonly user: string | undefined;
    readonly password: string | undefined;
    readonly timeoutMs: number;
  };
  readonly redisUrl: string | undefined;
  readonly outboxPollMs: number;
  readonly outboxLeaseMs: number;
  readonly jobIntervalMs: number;
  readonly reconcileIntervalMs: number;
  readonly uploadMaxBytes: number;
  readonly releases: {
    readonly leadMinutes: number;
    readonly admissionMinutes: number;
    readonly admitPerSecond: number;
    readonly windowMaxMinutes: number;
    readonly tickMs: number;
  };
  readonly waitlist: { readonly offerHoldMinutes: number; readonly releaseGraceMinutes: number };
  readonly maxOtherAdultsPerAccount: number;
  readonly blobs: {
    readonly store: 'filesystem' | 's3';
    readonly dir: string;
    readonly encryptionKeys: string | undefined;
    readonly s3: {
      readonly endpoint: string | undefined;
      readonly region: string;
      readonly bucket: string | undefined;
      readonly accessKeyId: string | undefined;
      readonly secretAccessKey: string | undefined;
      readonly forcePathStyle: boolean;
    };
  };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = envSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(issue, env)) };
  }
  const e = parsed.data;
  const config: Config = {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    dbPoolMax: e.DB_POOL_MAX,
    simulation: (e.SIMULATION ?? (e.DATABASE_URL ? 'off' : 'on')) === 'on',
    simponiWebhookSecret: e.SIMPONI_WEBHOOK_SECRET,
    rateLimitScale: e.RATE_LIMIT_SCALE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    retentionDays: e.RETENTION_DAYS,
    connections: {
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      max: e.MAX_CONNECTIONS,
    },
    trustProxy: e.TRUST_PROXY === 'on',
    simResidents: e.SIM_RESIDENTS,
    webDistDir: e.WEB_DIST_DIR,
    secretKey: e.SECRET_KEY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smsGatewayUrl: e.SMS_GATEWAY_URL,
    smsGatewayToken: e.SMS_GATEWAY_TOKEN,
    dukcapil: {
      url: e.DUKCAPIL_URL,
      user: e.DUKCAPIL_USER,
      password: e.DUKCAPIL_PASSWORD,
      timeoutMs: e.DUKCAPIL_TIMEOUT_MS,
    },
    simponi: {
      url: e.SIMPONI_URL,
      user: e.SIMPONI_USER,
      password: e.SIMPONI_PASSWORD,
      timeoutMs: e.SIMPONI_TIMEOUT_MS,
    },
    redisUrl: e.REDIS_URL,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    jobIntervalMs: e.JOB_INTERVAL_MS,
    reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    releases: {
      leadMinutes: e.RELEASE_QUEUE_LEAD_MINUTES,
      admissionMinutes: e.RELEASE_ADMISSION_MINUTES,
      admitPerSecond: e.RELEASE_ADMIT_PER_SECOND,
      windowMaxMinutes: e.RELEASE_WINDOW_MAX_MINUTES,
      tickMs: e.RELEASE_TICK_MS,
    },
    maxOtherAdultsPerAccount: e.MAX_OTHER_ADULTS_PER_ACCOUNT,
    waitlist: {
      offerHoldMinutes: e.WAITLIST_OFFER_MINUTES,
      releaseGraceMinutes: e.WAITLIST_RELEASE_GRACE_MINUTES,
    },
    blobs: {
      store: e.BLOB_STORE,
      dir: e.BLOB_DIR ?? `${e.DATA_DIR.replace(/\/$/, '')}/blobs`,
      encryptionKeys: e.BLOB_ENCRYPTION_KEYS,
      s3: {
        endpoint: e.S3_ENDPOINT,
        region: e.S3_REGION,
        bucket: e.S3_BUCKET,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        forcePathStyle: e.S3_FORCE_PATH_STYLE === 'on',
      },
    },
  };
  const problems = [
    ...(config.env === 'production' ? productionProblems(config) : []),
    ...partnerProblems(config),
    ...s3Problems(config),
    ...unusedSettingProblems(e),
  ];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

/** What production refuses, each naming the setting to fix. */
function productionProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.simulation) {
    problems.push('SIMULATION: must be "off" when NODE_ENV=production (simulators never run in production)');
  }
  if (!config.databaseUrl) {
    problems.push(
      'DATABASE_URL: required when NODE_ENV=production (the embedded database is for development)',
    );
  }
  for (const [name, value] of [
    ['SIMPONI_WEBHOOK_SECRET', config.simponiWebhookSecret],
    ['SECRET_KEY', config.secretKey],
  ] as const) {
    const problem = secretProblem(name, value);
    if (problem) problems.push(problem);
  }
  if (!config.blobs.encryptionKeys) {
    problems.push('BLOB_ENCRYPTION_KEYS: required when NODE_ENV=production (scans are encrypted at rest)');
  }
  return problems;
}

/**
 * Outside simulation the real partners must be reachable, or the first registration would fail deep in
 * a request (no code e-mailed, no NIK check, no billing code).
 */
function partnerProblems(config: Config): string[] {
  if (config.simulation && config.env !== 'production') return [];
  const when = config.env === 'production' ? 'NODE_ENV=production' : 'SIMULATION=off';
  return (
    [
      ['SMTP_URL', config.smtpUrl, 'e-mail carries the codes'],
      ['DUKCAPIL_URL', config.dukcapil.url, 'NIK checks'],
      ['SIMPONI_URL', config.simponi.url, 'billing codes'],
    ] as const
  )
    .filter(([, value]) => !value)
    .map(([name, , why]) => `${name}: required when ${when} (${why})`);
}

/** A setting that only means something beside another one: given alone, the operator expects an effect. */
const dependentSettings = [
  ['SIMPONI_USER', 'SIMPONI_URL'],
  ['SIMPONI_PASSWORD', 'SIMPONI_URL'],
  ['DUKCAPIL_USER', 'DUKCAPIL_URL'],
  ['DUKCAPIL_PASSWORD', 'DUKCAPIL_URL'],
  ['SMS_GATEWAY_TOKEN', 'SMS_GATEWAY_URL'],
  ['SMS_GATEWAY_URL', 'SMS_GATEWAY_TOKEN'],
] as const;
const s3Settings = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

function unusedSettingProblems(e: z.infer<typeof envSchema>): string[] {
  const problems = dependentSettings
    .filter(([name, needs]) => e[name] !== undefined && e[needs] === undefined)
    .map(([name, needs]) => `${name}: set without ${needs}, so it has no effect; set both or neither`);
  if (e.BLOB_STORE !== 's3') {
    for (const name of s3Settings.filter((n) => e[n] !== undefined)) {
      problems.push(`${name}: set, but BLOB_STORE is not "s3": scans would stay on the filesystem`);
    }
  }
  return problems;
}

function s3Problems(config: Config): string[] {
  if (config.blobs.store !== 's3') return [];
  const { s3 } = config.blobs;
  return (
    [
      ['S3_BUCKET', s3.bucket],
      ['S3_ACCESS_KEY_ID', s3.accessKeyId],
      ['S3_SECRET_ACCESS_KEY', s3.secretAccessKey],
    ] as const
  )
    .filter(([, value]) => !value)
    .map(([name]) => `${name}: required when BLOB_STORE=s3`);
}

function secretProblem(name: string, value: string | undefined): string | null {
  if (!value) return `${name}: required when NODE_ENV=production`;
  if (knownDefaultSecrets.has(value.toLowerCase()) || value.length < MIN_SECRET_LENGTH) {
    return `${name}: a default or short value is refused in production (use ${MIN_SECRET_LENGTH}+ random characters)`;
  }
  return null;
}

/** Shells often export a variable as empty; treat that as unset so defaults apply. */
function withoutEmptyValues(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') result[key] = value.trim();
  }
  return result;
}

const secretNames = new Set([
  'SIMPONI_WEBHOOK_SECRET',
  'SECRET_KEY',
  'DATABASE_URL',
  'SMTP_URL',
  'SMS_GATEWAY_TOKEN',
  'DUKCAPIL_PASSWORD',
  'SIMPONI_PASSWORD',
  'REDIS_URL',
  'BLOB_ENCRYPTION_KEYS',
  'S3_SECRET_ACCESS_KEY',
]);

function describeIssue(issue: z.core.$ZodIssue, env: Readonly<Record<string, string | undefined>>): string {
  const name = String(issue.path[0] ?? '(environment)');
  const given = env[name];
  const shown = given === undefined || secretNames.has(name) ? '' : ` (got "${given}")`;
  return `${name}: ${issue.message}${shown}`;
}

export function formatConfigProblems(problems: readonly string[]): string {
  const heading = `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):`;
  return [heading, ...problems.map((p) => `  - ${p}`)].join('\n');
}
