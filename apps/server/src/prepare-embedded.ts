import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { DataDirectoryInUseError } from './db/data-dir-lock.ts';
import { openPglite } from './db/pglite.ts';
import { prepareDatabase } from './startup.ts';

/**
 * The first start of the embedded database, which `main` runs in a child process when DATA_DIR holds
 * no database yet: initdb, migrations, reference data and (in simulation) the demo accounts and the
 * synthetic residents' passports. That one-off work leaves a few hundred MB freed but still held by
 * the process that did it (V8 keeps freed heap pages pooled, glibc keeps its malloc arenas, and
 * PGlite's initdb runs a second PostgreSQL whose files it copies through a tarball in memory); done in
 * a child, it goes when the child exits, and the server opens the prepared database as on a restart.
 * Answers the exit code.
 */
export async function prepareEmbeddedDatabase(config: Config, logger: Logger): Promise<number> {
  let db;
  try {
    db = await openPglite(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataDirectoryInUseError)) throw error;
    console.error(error.message);
    return 1;
  }
  try {
    const prepared = await prepareDatabase(db, config);
    if (prepared.referenceDataLoaded.length > 0) {
      logger.info({ datasets: prepared.referenceDataLoaded }, 'reference data loaded');
    }
    return 0;
  } catch (error) {
    logger.fatal({ err: error }, 'database migration or seeding failed');
    return 1;
  } finally {
    await db.close();
  }
}
