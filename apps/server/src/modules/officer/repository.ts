import { inArray } from 'drizzle-orm';
import type { OfficerRole } from '#shared/roles.ts';
import type { Database } from '../../db/database.ts';
import { officers } from '../../db/schema/officer.ts';

export interface NewOfficerRow {
  readonly username: string;
  readonly fullName: string;
  readonly passwordHash: string;
  readonly officeCode: string | null;
  readonly roles: readonly OfficerRole[];
}

export async function findExistingUsernames(
  db: Database,
  usernames: readonly string[],
): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .select({ username: officers.username })
    .from(officers)
    .where(inArray(officers.username, [...usernames]));
  return new Set(rows.map((r) => r.username));
}

/** Inserts officers whose username is free; an existing officer is left exactly as it is. */
export async function insertOfficers(db: Database, rows: readonly NewOfficerRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(officers)
    .values(rows.map((r) => ({ ...r, roles: [...r.roles] })))
    .onConflictDoNothing({ target: officers.username })
    .returning({ id: officers.id });
  return inserted.length;
}
