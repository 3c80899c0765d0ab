import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { formatConfigProblems, loadConfig, type Config } from './config.ts';
import { DataDirectoryInUseError } from './db/data-dir-lock.ts';
import type { DatabaseHandle } from './db/database.ts';
import { openPglite, pgliteDatabaseExists } from './db/pglite.ts';
import { PILOT_OFFICE_CODES, type DemoOfficer } from './modules/sim/index.ts';
import { SimulatedClock, systemClock } from './platform/clock.ts';
import { createLogger } from './platform/logging.ts';
import { releaseFreedMemory, releaseMemoryWhenIdle } from './platform/memory.ts';
import { DOCS_PATH } from './platform/openapi.ts';
import { prepareEmbeddedDatabase } from './prepare-embedded.ts';
import { prepareDatabase, type PreparedDatabase } from './startup.ts';
import { describeDatabaseError, describeListenError } from './startup-errors.ts';
import { createAdapters } from './adapters.ts';
import {
  createDatabaseRateLimitStore,
  createFallbackRateLimitStore,
  createRedisRateLimitStore,
} from './platform/rate-limit.ts';

/** The argument of the child process that prepares a new embedded database (prepareInChildProcess). */
const PREPARE_ONLY = '--prepare-embedded-database';

/** The only place that reads the environment, opens the port and owns the process. */
async function main(): Promise<void> {
  const result = loadConfig(process.env);
  if (!result.ok) fail(formatConfigProblems(result.problems));
  const config = result.config;
  const logger = createLogger(config.logLevel);
  if (process.argv.includes(PREPARE_ONLY)) process.exit(await prepareEmbeddedDatabase(config, logger));

  const db = await openDatabase(config);
  let prepared: PreparedDatabase;
  try {
    prepared = await prepareDatabase(db, config);
    if (prepared.referenceDataLoaded.length > 0) {
      logger.info({ datasets: prepared.referenceDataLoaded }, 'reference data loaded');
    }
  } catch (error) {
    await db.close().catch(() => {});
    const setting = describeDatabaseError(error, config.databaseUrl);
    if (setting) fail(`Cannot start:\n  - ${setting}`);
    logger.fatal({ err: error }, 'database migration or seeding failed');
    process.exit(1);
  }

  const clock = config.simulation ? new SimulatedClock() : systemClock;
  const adapters = createAdapters(config, db.db, clock);
  // ioredis and pg (below) are loaded only when configured: MBs resident that the default set-up never uses.
  // Fail fast when Redis is away (issue 18): no offline queue, one retry, short timeouts; the store
  // below then counts in the database until Redis answers again.
  const redis = config.redisUrl
    ? new (await import('ioredis')).Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectTimeout: 1_000,
        commandTimeout: 500,
      })
    : null;
  redis?.on('error', () => undefined);
  const rateLimitStore = redis
    ? createFallbackRateLimitStore(createRedisRateLimitStore(redis), createDatabaseRateLimitStore(db.db), {
        retryAfterMs: 5_000,
        onFallback: (error) =>
          logger.warn({ err: error }, 'Redis unreachable: rate limits counted in the database'),
      })
    : undefined;
  const app = await buildApp({
    config: {
      ...config,
      secretKey: prepared.secretKey,
      simponiWebhookSecret: prepared.simponiWebhookSecret,
      blobs: { ...config.blobs, encryptionKeys: prepared.blobEncryptionKeys },
    },
    db,
    clock,
    adapters,
    logger,
    ...(rateLimitStore ? { rateLimitStore } : {}),
  });
  installShutdown(
    async () => {
      await app.close();
      await adapters.close();
      redis?.disconnect();
    },
    db,
    config,
    logger,
  );
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const setting = describeListenError(error, config.host, config.port);
    if (!setting) throw error;
    await app.close();
    await db.close();
    fail(`Cannot start:\n  - ${setting}`);
  }
  printBanner(config, app.server.address(), prepared.demoOfficers, db.kind);
  // Start-up's garbage goes back to the system now, a busy spell's once it is over (platform/memory.ts).
  releaseFreedMemory();
  releaseMemoryWhenIdle();
}

async function openDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const { openPostgres } = await import('./db/postgres.ts');
    return openPostgres(config.databaseUrl, config.dbPoolMax);
  }
  try {
    mkdirSync(config.dataDir, { recursive: true });
    if (!pgliteDatabaseExists(config.dataDir)) await prepareInChildProcess();
    return await openPglite(config.dataDir);
  } catch (error) {
    if (error instanceof DataDirectoryInUseError) fail(error.message);
    throw error;
  }
}

/**
 * A new embedded database is created, migrated and seeded by a child process running this file, which
 * takes the few hundred MB that one-off work leaves behind with it when it exits
 * (prepare-embedded.ts); this process then opens it as on a restart. Signals reach the child.
 */
async function prepareInChildProcess(): Promise<void> {
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--inspect'));
  const child = spawn(process.execPath, [...execArgv, fileURLToPath(import.meta.url), PREPARE_ONLY], {
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGTERM', forward).on('SIGINT', forward);
  const [code] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  process.off('SIGTERM', forward).off('SIGINT', forward);
  if (code !== 0) process.exit(code ?? 1);
}

/** SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database, exit 0. */
function installShutdown(
  closeApp: () => Promise<void>,
  db: DatabaseHandle,
  config: Config,
  logger: Logger,
): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await closeApp();
      await db.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  // `on`, not `once`: a terminal's Ctrl-C reaches us twice (directly and forwarded by npm), and a
  // second signal must not cut the graceful shutdown short.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

function printBanner(
  config: Config,
  address: ReturnType<Server['address']>,
  officers: readonly DemoOfficer[],
  database: DatabaseHandle['kind'],
): void {
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl ?? `http://${config.host}:${port}`;
  const lines = [
    '',
    `M-Paspor is running (${database === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}${config.simulation ? ', simulation on' : ''})`,
    `  Applicant app    ${base}/`,
    `  Officer console  ${base}/console`,
    `  API docs         ${base}${DOCS_PATH}`,
  ];
  if (config.simulation) {
    const shown = officers.filter(
      (o) => o.officeCode === null || (PILOT_OFFICE_CODES as readonly string[]).includes(o.officeCode),
    );
    lines.push(`  Simulators       ${base}/sim/officers, ${base}/sim/dukcapil/residents, ${base}/sim/clock`);
    lines.push('', `Demo officer logins (all ${officers.length}: ${base}/sim/officers):`);
    for (const o of shown) lines.push(`  ${o.username.padEnd(32)} ${o.password}   ${o.roles.join(', ')}`);
  }
  console.log(lines.join('\n') + '\n');
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

await main();
