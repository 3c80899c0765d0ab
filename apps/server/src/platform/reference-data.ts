import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { referenceDataVersions } from '../db/schema/platform.ts';
import { parseCsv } from './csv.ts';

/** Versioned reference data shipped with the server (apps/server/reference, see its README). */
export const REFERENCE_DIR = fileURLToPath(new URL('../../reference/', import.meta.url));

const manifestSchema = z.object({
  datasets: z.record(
    z.string(),
    z.object({ version: z.string().min(1), files: z.array(z.string()).min(1), source: z.string() }),
  ),
});

export interface ReferenceDataset {
  readonly name: string;
  readonly version: string;
  readonly files: readonly string[];
}

export function readManifest(): ReferenceDataset[] {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(`${REFERENCE_DIR}manifest.json`, 'utf8')));
  return Object.entries(manifest.datasets).map(([name, d]) => ({ name, version: d.version, files: d.files }));
}

const csvCache = new Map<string, Record<string, string>[]>();

/** Rows of a reference CSV file (relative to the reference folder); read once per process. */
export function readReferenceCsv(file: string): Record<string, string>[] {
  let rows = csvCache.get(file);
  if (!rows) {
    rows = parseCsv(readFileSync(`${REFERENCE_DIR}${file}`, 'utf8'));
    csvCache.set(file, rows);
  }
  return rows;
}

/** A module's loader for one dataset: upserts its rows; runs inside a transaction. */
export interface ReferenceDataLoader {
  readonly dataset: string;
  load(db: Database): Promise<void>;
}

function datasetHash(dataset: ReferenceDataset): string {
  const hash = createHash('sha256');
  for (const file of dataset.files) hash.update(file).update(readFileSync(`${REFERENCE_DIR}${file}`));
  return hash.digest('hex');
}

/**
 * Loads every dataset whose version or content differs from what the database holds, in manifest
 * order (regions before offices). Idempotent: a second run with the same files changes nothing.
 */
export async function seedReferenceData(
  db: Database,
  loaders: readonly ReferenceDataLoader[],
): Promise<string[]> {
  const loaded: string[] = [];
  for (const dataset of readManifest()) {
    const loader = loaders.find((l) => l.dataset === dataset.name);
    if (!loader) throw new Error(`No loader for reference dataset "${dataset.name}"`);
    const sha256 = datasetHash(dataset);
    const [current] = await db
      .select()
      .from(referenceDataVersions)
      .where(eq(referenceDataVersions.dataset, dataset.name));
    if (current?.version === dataset.version && current.sha256 === sha256) continue;
    await db.transaction(async (tx) => {
      await loader.load(tx);
      await tx
        .insert(referenceDataVersions)
        .values({ dataset: dataset.name, version: dataset.version, sha256 })
        .onConflictDoUpdate({
          target: referenceDataVersions.dataset,
          set: { version: dataset.version, sha256, loadedAt: sql`now()` },
        });
    });
    loaded.push(dataset.name);
  }
  return loaded;
}
