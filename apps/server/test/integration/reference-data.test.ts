import { count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidays } from '../../src/db/schema/scheduling.ts';
import { districts, offices, provinces, regencies } from '../../src/db/schema/offices.ts';
import { officesReferenceLoaders } from '../../src/modules/offices/index.ts';
import { schedulingReferenceLoaders } from '../../src/modules/scheduling/index.ts';
import { seedReferenceData } from '../../src/platform/reference-data.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { openTestDatabase } from '../support/test-database.ts';

/** Reference data seeded at start-up (issue 3, item 6). */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const loaders = [...officesReferenceLoaders, ...schedulingReferenceLoaders];
const total = async (table: PgTable) => (await handle.db.select({ n: count() }).from(table))[0]?.n;

describe('reference data', () => {
  it('holds the 151 offices, every region code and the 2026–2027 holidays', async () => {
    expect(await total(offices)).toBe(151);
    expect(await total(provinces)).toBe(38);
    expect(await total(regencies)).toBe(514);
    expect(await total(districts)).toBe(7285);
    expect(await total(holidays)).toBe(43);
  });

  it('gives each office its time zone, all three Indonesian zones present', async () => {
    const zones = await handle.db
      .select({ zone: offices.timeZone, n: count() })
      .from(offices)
      .groupBy(offices.timeZone)
      .orderBy(offices.timeZone);
    expect(zones).toEqual([
      { zone: 'Asia/Jakarta', n: 100 },
      { zone: 'Asia/Jayapura', n: 10 },
      { zone: 'Asia/Makassar', n: 41 },
    ]);
    const [jayapura] = await handle.db.select().from(offices).where(eq(offices.code, 'JAYAPURA'));
    expect(jayapura?.timeZone).toBe('Asia/Jayapura');
  });

  it('loads nothing again when the files have not changed (idempotent start-up)', async () => {
    expect(await seedReferenceData(handle.db, loaders)).toEqual([]);
  });

  it('reloads a dataset whose stored version differs, without duplicating rows', async () => {
    await handle.db.execute(
      sql`update reference_data_versions set version = 'old' where dataset = 'offices'`,
    );
    await handle.db.execute(sql`update offices set name = 'renamed' where code = 'BANDUNG'`);
    expect(await seedReferenceData(handle.db, loaders)).toEqual(['offices']);
    expect(await total(offices)).toBe(151);
    const [bandung] = await handle.db.select().from(offices).where(eq(offices.code, 'BANDUNG'));
    expect(bandung?.name).toMatch(/^Kantor Imigrasi .*Bandung$/);
  });
});
