import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { simSettings } from '../../db/schema/sim.ts';

export async function readSetting<T>(db: Database, key: string): Promise<T | undefined> {
  const [row] = await db
    .select({ value: simSettings.value })
    .from(simSettings)
    .where(eq(simSettings.key, key));
  return row?.value as T | undefined;
}

/** Writes a value only if the key is still absent; returns the value that is stored afterwards. */
export async function insertSettingIfAbsent<T>(db: Database, key: string, value: T): Promise<T> {
  await db.insert(simSettings).values({ key, value }).onConflictDoNothing({ target: simSettings.key });
  return (await readSetting<T>(db, key)) as T;
}

/** Adds to a numeric setting atomically (two instances advancing the clock at once both count). */
export async function addToNumberSetting(db: Database, key: string, delta: number): Promise<number> {
  const [row] = await db
    .insert(simSettings)
    .values({ key, value: delta })
    .onConflictDoUpdate({
      target: simSettings.key,
      set: { value: sql`to_jsonb((${simSettings.value})::text::numeric + ${delta})`, updatedAt: sql`now()` },
    })
    .returning({ value: simSettings.value });
  return Number(row?.value);
}
