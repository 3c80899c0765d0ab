import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../apps/server/src/config.ts';
import type { DatabaseHandle } from '../../apps/server/src/db/database.ts';
import { openPostgres } from '../../apps/server/src/db/postgres.ts';
import { prepareDatabase } from '../../apps/server/src/startup.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropDatabase,
  uniqueDatabaseName,
} from '../../apps/server/test/support/postgres.ts';
import {
  spawnServer,
  waitUntilReady,
  type ServerProcess,
} from '../../apps/server/test/support/server-process.ts';

/** A `--name` option that must be a whole number from 1 to `max`; anything else ends the run (exit 2). */
export function positiveInt(name: string, value: string | undefined, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} must be an integer from 1 to ${max} (got ${value})`);
    process.exit(2);
  }
  return n;
}

/** The bench's own database, prepared as a server would (migrations, reference data, simulation seed). */
export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  readonly dataDir: string;
  readonly handle: DatabaseHandle;
}

/**
 * Everything a benchmark makes on the machine — its database on PostgreSQL (`POSTGRES_URL`, the admin
 * connection), its data folder, the server processes it starts, anything else it registers — and
 * `run`, which removes all of it at the end: after success, after a failure, and on Ctrl-C.
 */
export function createBenchRun(prefix: string) {
  const adminUrl = process.env.POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const name = uniqueDatabaseName(`mpaspor_${prefix}`);
  const servers = new Set<ServerProcess>();
  const extra: (() => void)[] = [];
  let created = false;
  let dataDir: string | undefined;
  let handle: DatabaseHandle | undefined;

  async function stop(server: ServerProcess): Promise<number | null> {
    servers.delete(server);
    const code = await Promise.race([server.stop('SIGTERM'), sleep(15_000).then(() => null)]);
    server.kill();
    return code;
  }

  async function cleanUp(): Promise<void> {
    for (const undo of extra.splice(0)) undo();
    await Promise.all([...servers].map(stop));
    await handle?.close();
    handle = undefined;
    if (created) await dropDatabase(adminUrl, name);
    created = false;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  }

  return {
    adminUrl,
    async open(): Promise<BenchDatabase> {
      const url = await createDatabase(adminUrl, name);
      created = true;
      dataDir = await mkdtemp(join(tmpdir(), `mpaspor-${prefix}-`));
      const loaded = loadConfig({ SIMULATION: 'on', DATABASE_URL: url, DATA_DIR: dataDir });
      if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
      handle = openPostgres(url, 4);
      await prepareDatabase(handle, loaded.config);
      return { name, url, dataDir, handle };
    },
    /** A server process on the bench's database, ready; stopped at the end if the bench has not. */
    async start(env: Record<string, string>): Promise<ServerProcess> {
      const server = await spawnServer({ env });
      servers.add(server);
      await waitUntilReady(server);
      return server;
    },
    /** SIGTERM, then its exit code (null if it took over 15 s and had to be killed). */
    stop,
    /** Something else to undo at the end (a helper process). */
    onCleanUp: (undo: () => void) => extra.push(undo),
    /** Runs the bench, cleans up whatever happened, and exits with its code (130 on Ctrl-C). */
    async run(main: () => Promise<number>): Promise<never> {
      process.once('SIGINT', () => {
        console.error('\ninterrupted: cleaning up');
        void cleanUp().finally(() => process.exit(130));
      });
      const exitCode = await main().catch((error: unknown) => {
        console.error(error);
        return 1;
      });
      await cleanUp().catch((error: unknown) => console.error('clean-up failed:', error));
      process.exit(exitCode);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Busy and total jiffies of the whole machine (Linux /proc/stat; NaN elsewhere). */
export function machineCpu(): { busy: number; total: number } {
  try {
    const values = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const idle = values[3]! + values[4]!;
    const total = values.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

/** Cores kept busy between two readings of machineCpu. */
export function machineBusy(
  before: { busy: number; total: number },
  after: { busy: number; total: number },
): number {
  return ((after.busy - before.busy) / (after.total - before.total)) * availableParallelism();
}
