import { and, desc, eq, gte } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applications, lossReports } from '../../db/schema/applications.ts';

/** The table of lost and damaged passports' examinations (issue 16). */
export type LossReportRow = typeof lossReports.$inferSelect;

export async function findLossReport(
  db: Database,
  applicationId: string,
): Promise<LossReportRow | undefined> {
  const [row] = await db.select().from(lossReports).where(eq(lossReports.applicationId, applicationId));
  return row;
}

/** The report, written again until the decision is taken (an officer may correct it). */
export async function saveLossReport(
  db: Database,
  row: Pick<
    LossReportRow,
    | 'applicationId'
    | 'kind'
    | 'circumstances'
    | 'occurredOn'
    | 'place'
    | 'policeReportNumber'
    | 'forceMajeureClaimed'
    | 'recordedBy'
    | 'recordedAt'
  >,
): Promise<void> {
  const { applicationId: _id, ...rest } = row;
  await db
    .insert(lossReports)
    .values(row)
    .onConflictDoUpdate({ target: lossReports.applicationId, set: rest });
}

export async function saveDecision(
  db: Database,
  applicationId: string,
  decision: Partial<LossReportRow>,
): Promise<void> {
  await db.update(lossReports).set(decision).where(eq(lossReports.applicationId, applicationId));
}

export async function lockByFineCode(db: Database, code: string): Promise<LossReportRow | undefined> {
  const [row] = await db.select().from(lossReports).where(eq(lossReports.fineCode, code)).for('update');
  return row;
}

/** The latest deferral of a NIK still running on `today` (a repeated loss, issue 16), if any. */
export async function runningDeferral(db: Database, nik: string, today: string): Promise<string | null> {
  const [row] = await db
    .select({ until: lossReports.deferredUntil })
    .from(lossReports)
    .innerJoin(applications, eq(applications.id, lossReports.applicationId))
    .where(
      and(
        eq(applications.applicantNik, nik),
        eq(lossReports.decision, 'DEFER'),
        gte(lossReports.deferredUntil, today),
      ),
    )
    .orderBy(desc(lossReports.deferredUntil))
    .limit(1);
  return row?.until ?? null;
}
