import { describe, expect, it } from 'vitest';
import { formatConfigProblems, loadConfig } from './config.ts';

const strongSecret = 'k3N9vQ2xW7pL4mR8tY1uZ6aB0cD5eF3gH';
const production = {
  NODE_ENV: 'production',
  SIMULATION: 'off',
  DATABASE_URL: 'postgres://mpaspor@db.internal:5432/mpaspor',
  SIMPONI_WEBHOOK_SECRET: strongSecret,
  SECRET_KEY: `${strongSecret}-key`,
  SMTP_URL: 'smtp://mailer:secret@mail.internal:587',
  DUKCAPIL_URL: 'https://dukcapil.internal/api',
  SIMPONI_URL: 'https://simponi.internal/api',
  BLOB_ENCRYPTION_KEYS: `k2:${Buffer.alloc(32, 2).toString('base64')},k1:${Buffer.alloc(32, 1).toString('base64')}`,
};

describe('loadConfig', () => {
  it('defaults to the embedded database with simulation on, listening on 127.0.0.1:3000', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    expect(result.ok && result.config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      simulation: true,
      rateLimitScale: 1,
    });
  });

  it('turns simulation off by default when DATABASE_URL is set, and on when asked', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/mpaspor';
    const { SMTP_URL, DUKCAPIL_URL, SIMPONI_URL } = production;
    const off = loadConfig({ DATABASE_URL: url, SMTP_URL, DUKCAPIL_URL, SIMPONI_URL });
    expect(off.ok && off.config.simulation).toBe(false);
    const on = loadConfig({ DATABASE_URL: url, SIMULATION: 'on' });
    expect(on.ok && on.config.simulation).toBe(true);
  });

  it('treats empty variables as unset', () => {
    const result = loadConfig({ PORT: '', DATABASE_URL: ' ' });
    expect(result.ok && result.config).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it('names every bad setting in one answer', () => {
    const result = loadConfig({
      PORT: 'eighty',
      SIMULATION: 'maybe',
      DATABASE_URL: 'mysql://x',
      RATE_LIMIT_SCALE: '-2',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const named = problems.map((p) => p.split(':')[0]);
    expect(named.sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'NODE_ENV',
      'PORT',
      'RATE_LIMIT_SCALE',
      'SIMULATION',
    ]);
    expect(problems.find((p) => p.startsWith('PORT'))).toContain('(got "eighty")');
  });

  it('never repeats a secret or a database URL in the message', () => {
    const result = loadConfig({ DATABASE_URL: 'mysql://user:hunter2@host/db' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('accepts a complete production configuration', () => {
    const result = loadConfig(production);
    expect(result.ok && result.config).toMatchObject({ env: 'production', simulation: false });
  });

  it('refuses simulation mode in production and says which setting', () => {
    const result = loadConfig({ ...production, SIMULATION: 'on' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([expect.stringMatching(/^SIMULATION: must be "off"/)]);
  });

  it('refuses production without DATABASE_URL, which would also mean simulation by default', () => {
    const { DATABASE_URL: _, SIMULATION: __, ...rest } = production;
    const result = loadConfig(rest);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'SIMULATION']);
  });

  it.each(['SIMPONI_WEBHOOK_SECRET', 'SECRET_KEY'])(
    'refuses a missing, default or short %s in production',
    (name) => {
      for (const secret of [undefined, 'change-me', 'short']) {
        const result = loadConfig({ ...production, [name]: secret });
        expect(result.ok).toBe(false);
        expect(!result.ok && result.problems).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
        expect(JSON.stringify(result)).not.toContain('change-me');
      }
    },
  );

  it('requires the real mail server, civil registry and billing system in production', () => {
    const { SMTP_URL: _, DUKCAPIL_URL: __, SIMPONI_URL: ___, ...rest } = production;
    const result = loadConfig(rest);
    expect(!result.ok && result.problems.map((p) => p.split(':')[0])).toEqual([
      'SMTP_URL',
      'DUKCAPIL_URL',
      'SIMPONI_URL',
    ]);
  });

  it('requires the real partners whenever simulation is off, in any environment, naming each at once', () => {
    const result = loadConfig({ SIMULATION: 'off' });
    expect(!result.ok && result.problems).toEqual([
      'SMTP_URL: required when SIMULATION=off (e-mail carries the codes)',
      'DUKCAPIL_URL: required when SIMULATION=off (NIK checks)',
      'SIMPONI_URL: required when SIMULATION=off (billing codes)',
    ]);
    const implied = loadConfig({ DATABASE_URL: production.DATABASE_URL, SMTP_URL: production.SMTP_URL });
    expect(!implied.ok && implied.problems.map((p) => p.split(':')[0])).toEqual([
      'DUKCAPIL_URL',
      'SIMPONI_URL',
    ]);
    expect(loadConfig({ DATABASE_URL: production.DATABASE_URL, SIMULATION: 'on' }).ok).toBe(true);
  });

  it('refuses a setting that has no effect without its partner setting', () => {
    const result = loadConfig({
      SIMPONI_USER: 'billing',
      SMS_GATEWAY_URL: 'https://sms.example/v1',
      S3_BUCKET: 'scans',
    });
    expect(!result.ok && result.problems).toEqual([
      'SIMPONI_USER: set without SIMPONI_URL, so it has no effect; set both or neither',
      'SMS_GATEWAY_URL: set without SMS_GATEWAY_TOKEN, so it has no effect; set both or neither',
      'S3_BUCKET: set, but BLOB_STORE is not "s3": scans would stay on the filesystem',
    ]);
  });

  it('requires the scan encryption keys in production, without echoing them', () => {
    const { BLOB_ENCRYPTION_KEYS: _, ...rest } = production;
    const result = loadConfig(rest);
    expect(!result.ok && result.problems).toEqual([expect.stringMatching(/^BLOB_ENCRYPTION_KEYS: required/)]);
    const malformed = loadConfig({ ...production, BLOB_ENCRYPTION_KEYS: 'no-colon-here' });
    expect(!malformed.ok && malformed.problems[0]).toMatch(/^BLOB_ENCRYPTION_KEYS: must be id:base64key/);
    expect(JSON.stringify(malformed)).not.toContain('no-colon-here');
  });

  it('requires the bucket and keys when scans go to S3, in any environment', () => {
    const result = loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'scans' });
    expect(!result.ok && result.problems).toEqual([
      'S3_ACCESS_KEY_ID: required when BLOB_STORE=s3',
      'S3_SECRET_ACCESS_KEY: required when BLOB_STORE=s3',
    ]);
    const complete = loadConfig({
      BLOB_STORE: 's3',
      S3_BUCKET: 'scans',
      S3_ACCESS_KEY_ID: 'a',
      S3_SECRET_ACCESS_KEY: 'b',
    });
    expect(complete.ok && complete.config.blobs).toMatchObject({
      store: 's3',
      s3: { bucket: 'scans', forcePathStyle: true },
    });
  });

  it('formats the problems as one readable message', () => {
    expect(formatConfigProblems(['PORT: bad', 'HOST: bad'])).toBe(
      'Invalid configuration (2 problems):\n  - PORT: bad\n  - HOST: bad',
    );
  });
});
