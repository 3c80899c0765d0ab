import { eq } from 'drizzle-orm';
import type { VisitRules } from '#shared/contracts/officer.ts';
import type { Database } from '../../db/database.ts';
import { officeVisitRules } from '../../db/schema/officer.ts';

/** An office's rules for the visit; the defaults where the office has set none. */
export const defaultVisitRules: VisitRules = { fourEyes: true };

export async function visitRulesOf(db: Database, officeCode: string): Promise<VisitRules> {
  const [row] = await db
    .select({ fourEyes: officeVisitRules.fourEyes })
    .from(officeVisitRules)
    .where(eq(officeVisitRules.officeCode, officeCode));
  return row ?? defaultVisitRules;
}

export async function saveVisitRules(
  db: Database,
  officeCode: string,
  rules: VisitRules,
  by: { username: string; at: Date },
): Promise<void> {
  const values = { ...rules, updatedAt: by.at, updatedBy: by.username };
  await db
    .insert(officeVisitRules)
    .values({ officeCode, ...values })
    .onConflictDoUpdate({ target: officeVisitRules.officeCode, set: values });
}
