import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createAdapters, type Adapters } from '../../src/adapters.ts';
import { buildApp } from '../../src/app.ts';
import type { RateLimitStore } from '../../src/platform/rate-limit.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { FixedClock, SimulatedClock, type Clock } from '../../src/platform/clock.ts';
import { openTestDatabase } from './test-database.ts';

/** The shared secret of payment notifications in tests (the simulator signs with it). */
export const TEST_SIMPONI_SECRET = 'test-simponi-webhook-secret-not-for-production';

/** A start instant for tests: a Wednesday, 10:00 WIB. */
export const TEST_START = '2026-11-25T03:00:00.000Z';

export function testConfig(overrides: Partial<Config> = {}): Config {
  const result = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SIMULATION: 'on',
    SECRET_KEY: 'test-secret-key-not-for-production-use',
    BLOB_ENCRYPTION_KEYS: `test1:${Buffer.alloc(32, 7).toString('base64')}`,
    SIMPONI_WEBHOOK_SECRET: TEST_SIMPONI_SECRET,
    OUTBOX_POLL_MS: '50',
    JOB_INTERVAL_MS: '100',
    RECONCILE_INTERVAL_MS: '200',
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return { ...result.config, webDistDir: '/nonexistent', ...overrides };
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly config: Config;
  readonly db: DatabaseHandle;
  readonly clock: Clock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly config?: Partial<Config>;
  readonly db?: DatabaseHandle;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Replaces some of the adapters the configuration would choose (e.g. a failing Dukcapil). */
  readonly adapters?: Partial<Adapters>;
  readonly rateLimitStore?: RateLimitStore;
  /** Adds test-only routes (a slow one, a failing one) before the app is ready. */
  readonly extend?: (app: FastifyInstance) => void;
}

/** The real app on a fresh test database (or the one given), with a simulated clock that stands still. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const blobDir = await mkdtemp(join(tmpdir(), 'mpaspor-blobs-'));
  const base = testConfig(options.config);
  const config: Config = { ...base, blobs: { ...base.blobs, dir: blobDir, ...options.config?.blobs } };
  const db = options.db ?? (await openTestDatabase());
  const clock =
    options.clock ??
    (config.simulation ? new SimulatedClock(0, new FixedClock(TEST_START)) : new FixedClock(TEST_START));
  const adapters = { ...createAdapters(config, db.db, clock), ...options.adapters };
  const app = await buildApp({
    config,
    db,
    clock,
    adapters,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.rateLimitStore ? { rateLimitStore: options.rateLimitStore } : {}),
  });
  options.extend?.(app);
  await app.ready();
  return {
    app,
    config,
    db,
    clock,
    async close() {
      await app.close();
      await adapters.close();
      if (!options.db) await db.close();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}
