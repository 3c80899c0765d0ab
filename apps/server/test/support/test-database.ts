import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { openMemoryPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './postgres.ts';

/**
 * A fresh, migrated and seeded database for one test file: a copy of the run's template, on PGlite
 * or on PostgreSQL (DATABASE_URL). Closing it drops it.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('databaseTemplate');
  if (template.kind === 'pglite') {
    return openMemoryPglite(new Blob([await readFile(template.dumpFile)]));
  }
  const name = uniqueDatabaseName('mpaspor_test');
  const handle = openPostgres(await createDatabase(template.serverUrl, name, template.template), 5);
  return {
    ...handle,
    async close() {
      await handle.close();
      await dropDatabase(template.serverUrl, name);
    },
  };
}
