import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapters } from '../apps/server/src/adapters.ts';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openMemoryPglite } from '../apps/server/src/db/pglite.ts';
import { SimulatedClock } from '../apps/server/src/platform/clock.ts';
import { OPENAPI_PATH } from '../apps/server/src/platform/openapi.ts';

/**
 * The live OpenAPI document, as `GET /api/v1/openapi.json` serves it, from the app built in-process
 * on a throwaway in-memory PGlite with simulation on (so the /sim operations are in it too).
 * Migrated but not seeded: the document comes from the routes, and no data is read.
 */
export async function liveOpenApiDocument(): Promise<Record<string, unknown>> {
  const blobDir = await mkdtemp(join(tmpdir(), 'mpaspor-openapi-'));
  const secret = () => randomBytes(32).toString('base64url');
  const loaded = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    SIMULATION: 'on',
    SECRET_KEY: secret(),
    SIMPONI_WEBHOOK_SECRET: secret(),
    BLOB_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const config = {
    ...loaded.config,
    webDistDir: join(blobDir, 'no-web-app'),
    blobs: { ...loaded.config.blobs, dir: blobDir },
  };
  const db = await openMemoryPglite();
  const clock = new SimulatedClock();
  const adapters = createAdapters(config, db.db, clock);
  try {
    // The app's jobs start when it is ready; on an empty database they would only fail quietly.
    await db.withStartupLock((locked) => db.migrate(locked));
    const app = await buildApp({ config, db, clock, adapters });
    try {
      const response = await app.inject({ url: OPENAPI_PATH });
      if (response.statusCode !== 200) throw new Error(`${OPENAPI_PATH} answered ${response.statusCode}`);
      return response.json<Record<string, unknown>>();
    } finally {
      await app.close();
    }
  } finally {
    await adapters.close();
    await db.close();
    await rm(blobDir, { recursive: true, force: true });
  }
}
