import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { createOfficerService } from './modules/officer/index.ts';
import {
  createOfficesService,
  officesReferenceLoaders,
  seedOfficeCapabilities,
} from './modules/offices/index.ts';
import { schedulingReferenceLoaders } from './modules/scheduling/index.ts';
import { prepareSimulation, simResidents, type DemoOfficer } from './modules/sim/index.ts';
import { seedSimulatedTravelDocuments } from './modules/travel-documents/index.ts';
import { seedReferenceData } from './platform/reference-data.ts';
import { resolveSecret } from './platform/secrets.ts';

export interface PreparedDatabase {
  /** Reference datasets (re)loaded by this start; empty when the database was current. */
  readonly referenceDataLoaded: readonly string[];
  readonly demoOfficers: readonly DemoOfficer[];
  /** SECRET_KEY, or outside production the one generated for this database on first start. */
  readonly secretKey: string;
  /** BLOB_ENCRYPTION_KEYS, or outside production a key generated for this database on first start. */
  readonly blobEncryptionKeys: string;
  /** SIMPONI_WEBHOOK_SECRET, or outside production one generated per database (the simulator signs with it). */
  readonly simponiWebhookSecret: string;
}

/**
 * Migrations, reference data and (in simulation) demo accounts, under one cluster-wide lock, so
 * instances that start together take turns and the later ones find everything done.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  config: Pick<Config, 'simulation' | 'secretKey' | 'simResidents' | 'blobs' | 'simponiWebhookSecret'>,
): Promise<PreparedDatabase> {
  return handle.withStartupLock(async (db) => {
    await handle.migrate(db);
    const referenceDataLoaded = await seedReferenceData(db, [
      ...officesReferenceLoaders,
      ...schedulingReferenceLoaders,
    ]);
    // Every start, not only when reference data reloads: a new office gets its default capabilities.
    await seedOfficeCapabilities(db);
    const secretKey = await resolveSecret(db, 'secret_key', config.secretKey);
    const blobEncryptionKeys =
      config.blobs.encryptionKeys ?? `k1:${await resolveSecret(db, 'blob_encryption_key_k1', undefined)}`;
    const simponiWebhookSecret = await resolveSecret(
      db,
      'simponi_webhook_secret',
      config.simponiWebhookSecret,
    );
    const secrets = { secretKey, blobEncryptionKeys, simponiWebhookSecret };
    if (!config.simulation) return { referenceDataLoaded, demoOfficers: [], ...secrets };
    // Passports of the synthetic residents, so replacements can be tried (rows refer to offices).
    await seedSimulatedTravelDocuments(db, simResidents(config.simResidents), new Date());
    const { officers } = await prepareSimulation({
      db,
      offices: createOfficesService({ db }),
      officer: createOfficerService({ db }),
    });
    return { referenceDataLoaded, demoOfficers: officers, ...secrets };
  });
}
