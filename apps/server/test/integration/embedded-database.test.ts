import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows, type Database, type DatabaseHandle } from '../../src/db/database.ts';
import { openMemoryPglite, PGLITE_OPTIONS, pgliteHandle } from '../../src/db/pglite.ts';
import * as schema from '../../src/db/schema/index.ts';
import { prepareDatabase } from '../../src/startup.ts';
import { testConfig } from '../support/test-app.ts';

/**
 * How the embedded PGlite is opened: the settings that keep the idle server small (bench/web/memory.ts
 * measures the memory itself), and the client drizzle is handed, which must answer exactly as a plain one.
 */
const template = inject('databaseTemplate');

describe('the embedded database', () => {
  let client: PGlite;
  let handle: DatabaseHandle;
  /** Drizzle on the very same instance, given it directly, as drizzle's documentation shows. */
  let plain: Database;

  beforeAll(async () => {
    if (template.kind === 'pglite') {
      const loadDataDir = new Blob([await readFile(template.dumpFile)]);
      client = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir });
      handle = pgliteHandle(client, () => {});
    } else {
      // The suite runs on PostgreSQL: prepare an embedded database here, as a first start would.
      handle = await openMemoryPglite();
      await prepareDatabase(handle, testConfig());
      client = (handle.db as unknown as { $client: PGlite }).$client;
    }
    plain = drizzle({ client, schema }) as unknown as Database;
  });
  afterAll(() => handle?.close());

  it('when it runs, then its buffer pool is 16 MB, not the 128 MB initdb writes into its settings', async () => {
    const [row] = await queryRows<{ shared_buffers: string }>(handle.db, sql`show shared_buffers`);
    expect(row!.shared_buffers).toBe('16MB');
  });

  const everyKind = sql`
    select '2026-11-25T03:00:00.123Z'::timestamptz as instant, '2026-11-25 10:00'::timestamp as local,
           '2026-11-25'::date as day, '1 day 02:30:00'::interval as span, 12.50::numeric as amount,
           array[1.5, 2.25]::numeric[] as amounts, array['2026-11-25T03:00:00Z'::timestamptz] as instants,
           array['2026-11-25T03:00'::timestamp] as locals, array['2026-11-25'::date] as days,
           array['1 hour'::interval] as spans, array['a', 'b'] as texts, '{"a": [1]}'::jsonb as doc,
           9007199254740993::int8 as big, 7::int4 as small, true as flag, null::text as nothing`;

  it('when drizzle runs raw SQL through it, then every type comes back as from a plain PGlite', async () => {
    const before = await queryRows(plain, everyKind);
    const ours = await queryRows(handle.db, everyKind);
    expect(ours).toEqual(before);
    expect(await queryRows(plain, everyKind)).toEqual(before);
    expect(await handle.db.transaction((tx) => queryRows(tx, everyKind))).toEqual(before);
  });

  it('when drizzle selects typed columns through it, inside a transaction or not, then the rows are the same', async () => {
    const read = (db: Database) =>
      db.select().from(schema.officers).orderBy(schema.officers.username).limit(5);
    const holidays = (db: Database) => db.select().from(schema.holidays).orderBy(schema.holidays.date);
    const expected = { officers: await read(plain), holidays: await holidays(plain) };
    expect(expected.officers.length).toBeGreaterThan(0);
    expect(expected.officers[0]!.createdAt).toBeInstanceOf(Date);
    expect({ officers: await read(handle.db), holidays: await holidays(handle.db) }).toEqual(expected);
    expect(
      await handle.db.transaction(async (tx) => ({ officers: await read(tx), holidays: await holidays(tx) })),
    ).toEqual(expected);
  });
});
