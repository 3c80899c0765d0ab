import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PassportKind, StoredTravelDocumentStatus } from '#shared/contracts/travel-documents.ts';
import { queryRows, type Database } from '../../db/database.ts';
import { travelDocuments } from '../../db/schema/travel-documents.ts';

export interface TravelDocumentRow {
  readonly number: string;
  readonly holderNik: string;
  readonly holderName: string;
  readonly kind: PassportKind;
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly issuingOfficeCode: string;
  readonly status: StoredTravelDocumentStatus;
  readonly replacedBy: string | null;
}

export type NewTravelDocumentRow = Omit<TravelDocumentRow, 'replacedBy'> & { readonly createdAt: Date };

const columns = {
  number: travelDocuments.number,
  holderNik: travelDocuments.holderNik,
  holderName: travelDocuments.holderName,
  kind: travelDocuments.kind,
  issueDate: travelDocuments.issueDate,
  expiryDate: travelDocuments.expiryDate,
  issuingOfficeCode: travelDocuments.issuingOfficeCode,
  status: travelDocuments.status,
  replacedBy: travelDocuments.replacedBy,
};

/** The table's check constraints hold kind and status to these values. */
const asRow = (row: { kind: string; status: string } & Omit<TravelDocumentRow, 'kind' | 'status'>) =>
  row as TravelDocumentRow;

/** Newest issue first; the number breaks ties so the order is stable. */
export async function listByHolder(db: Database, nik: string): Promise<TravelDocumentRow[]> {
  const rows = await db
    .select(columns)
    .from(travelDocuments)
    .where(eq(travelDocuments.holderNik, nik))
    .orderBy(desc(travelDocuments.issueDate), desc(travelDocuments.number));
  return rows.map(asRow);
}

export async function findByNumber(db: Database, number: string): Promise<TravelDocumentRow | null> {
  const [row] = await db.select(columns).from(travelDocuments).where(eq(travelDocuments.number, number));
  return row ? asRow(row) : null;
}

export async function insertTravelDocument(db: Database, row: NewTravelDocumentRow): Promise<void> {
  await db.insert(travelDocuments).values(row);
}

/** Returns false when there is no such passport, or it was already replaced or cancelled. */
export async function markReplaced(db: Database, number: string, replacedBy: string): Promise<boolean> {
  const updated = await db
    .update(travelDocuments)
    // A passport reported lost or damaged keeps saying so (border alerts read it); it still links on.
    .set({
      status: sql`case when ${travelDocuments.status} = 'VALID' then 'REPLACED' else ${travelDocuments.status} end`,
      replacedBy,
    })
    .where(
      and(eq(travelDocuments.number, number), notInArray(travelDocuments.status, ['REPLACED', 'CANCELLED'])),
    )
    .returning({ number: travelDocuments.number });
  return updated.length > 0;
}

/** The next serial of the nationwide passport number sequence. */
export async function nextSerial(db: Database): Promise<number> {
  const [row] = await queryRows<{ n: string }>(db, sql`select nextval('passport_number_seq')::text as n`);
  return Number(row?.n);
}

/** A passport not collected in time: VALID becomes CANCELLED. Returns false when it was not VALID. */
/** A VALID passport reported lost or damaged (issue 16); false when it was not VALID. */
export async function blockValid(db: Database, number: string, status: 'LOST' | 'DAMAGED'): Promise<boolean> {
  const updated = await db
    .update(travelDocuments)
    .set({ status })
    .where(and(eq(travelDocuments.number, number), eq(travelDocuments.status, 'VALID')))
    .returning({ number: travelDocuments.number });
  return updated.length > 0;
}

export async function cancelValid(db: Database, number: string): Promise<boolean> {
  const updated = await db
    .update(travelDocuments)
    .set({ status: 'CANCELLED' })
    .where(and(eq(travelDocuments.number, number), eq(travelDocuments.status, 'VALID')))
    .returning({ number: travelDocuments.number });
  return updated.length > 0;
}

const BATCH = 1000;
const SEEDED = ['holderNik', 'holderName', 'kind', 'issueDate', 'expiryDate', 'issuingOfficeCode'] as const;
const excluded = (column: AnyPgColumn) => sql.raw(`excluded."${column.name}"`);
const current = (column: AnyPgColumn) => sql.raw(`"travel_documents"."${column.name}"`);

/**
 * Upserts the simulated registry. Only what describes the passport is overwritten: status, replacedBy
 * and createdAt stay, so a restart does not undo a replacement made in the demo. Rows that are already
 * equal are not written at all, which keeps repeated start-ups from churning the table.
 */
export async function upsertSeeded(db: Database, rows: readonly NewTravelDocumentRow[]): Promise<void> {
  const changed = sql.join(
    SEEDED.map(
      (key) => sql`${current(travelDocuments[key])} is distinct from ${excluded(travelDocuments[key])}`,
    ),
    sql` or `,
  );
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insert(travelDocuments)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoUpdate({
        target: travelDocuments.number,
        set: Object.fromEntries(SEEDED.map((key) => [key, excluded(travelDocuments[key])])),
        setWhere: changed,
      });
  }
}
