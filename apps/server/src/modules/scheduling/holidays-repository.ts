import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { holidays } from '../../db/schema/scheduling.ts';
import type { Holiday } from './holidays.ts';

export async function upsertHolidays(db: Database, rows: readonly Holiday[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(holidays)
    .values([...rows])
    .onConflictDoUpdate({
      target: holidays.date,
      set: {
        kind: sql`excluded.kind`,
        nameId: sql`excluded.name_id`,
        nameEn: sql`excluded.name_en`,
        status: sql`excluded.status`,
        source: sql`excluded.source`,
      },
    });
}
