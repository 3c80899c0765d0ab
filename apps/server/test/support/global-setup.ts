import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/db/postgres.ts';
import { dumpPglite, openMemoryPglite } from '../../src/db/pglite.ts';
import { prepareDatabase } from '../../src/startup.ts';
import { testConfig } from './test-app.ts';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './postgres.ts';

export type TestDatabaseTemplate =
  | { readonly kind: 'pglite'; readonly dumpFile: string }
  | { readonly kind: 'postgres'; readonly serverUrl: string; readonly template: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: TestDatabaseTemplate;
  }
}

/**
 * Migrates and seeds one database per run (the slow part: initdb, reference data, demo officers);
 * each test file then starts from a copy of it.
 */
const templateConfig = { ...testConfig(), secretKey: undefined, simponiWebhookSecret: undefined };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const template = uniqueDatabaseName('mpaspor_tpl');
    const handle = openPostgres(await createDatabase(serverUrl, template), 2);
    try {
      await prepareDatabase(handle, templateConfig);
    } finally {
      await handle.close();
    }
    project.provide('databaseTemplate', { kind: 'postgres', serverUrl, template });
    return () => dropDatabase(serverUrl, template);
  }
  const handle = await openMemoryPglite();
  const dumpFile = join(tmpdir(), `mpaspor-template-${process.pid}.tar`);
  try {
    await prepareDatabase(handle, templateConfig);
    await writeFile(dumpFile, Buffer.from(await (await dumpPglite(handle)).arrayBuffer()));
  } finally {
    await handle.close();
  }
  project.provide('databaseTemplate', { kind: 'pglite', dumpFile });
  return () => rm(dumpFile, { force: true });
}
