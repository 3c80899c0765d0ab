import { and, countDistinct, eq, gte, isNotNull, ne } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { bookingRefusals, nikConsents } from '../../db/schema/applications.ts';

export type ConsentRow = typeof nikConsents.$inferSelect;

export async function findConsent(db: Database, applicationId: string): Promise<ConsentRow | undefined> {
  const [row] = await db.select().from(nikConsents).where(eq(nikConsents.applicationId, applicationId));
  return row;
}

/** A new code for the application (a re-sent code replaces the old one and its tries). */
export async function saveCode(
  db: Database,
  row: Omit<ConsentRow, 'attempts' | 'consentedAt'>,
): Promise<void> {
  await db
    .insert(nikConsents)
    .values({ ...row, attempts: 0, consentedAt: null })
    .onConflictDoUpdate({
      target: nikConsents.applicationId,
      set: {
        channel: row.channel,
        destination: row.destination,
        codeHash: row.codeHash,
        codeExpiresAt: row.codeExpiresAt,
        requestedAt: row.requestedAt,
        attempts: 0,
      },
    });
}

export async function countAttempt(db: Database, applicationId: string, attempts: number): Promise<void> {
  await db.update(nikConsents).set({ attempts }).where(eq(nikConsents.applicationId, applicationId));
}

export async function markConsented(db: Database, applicationId: string, at: Date): Promise<void> {
  await db.update(nikConsents).set({ consentedAt: at }).where(eq(nikConsents.applicationId, applicationId));
}

/** Other people's NIKs this account got consent for since an instant (the cap counts them). */
export async function consentedNiksSince(
  db: Database,
  accountId: string,
  since: Date,
  except: string,
): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(nikConsents.holderNik) })
    .from(nikConsents)
    .where(
      and(
        eq(nikConsents.accountId, accountId),
        isNotNull(nikConsents.consentedAt),
        gte(nikConsents.consentedAt, since),
        ne(nikConsents.holderNik, except),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function recordRefusal(
  db: Database,
  refusal: {
    at: Date;
    accountId: string;
    applicationId: string | null;
    applicantNik: string | null;
    reason: string;
  },
): Promise<void> {
  await db.insert(bookingRefusals).values(refusal);
}
