import { sql } from 'drizzle-orm';
import { check, date, index, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { offices } from './offices.ts';

/**
 * The registry of Indonesian passports (module: travel-documents). EXPIRED is not stored: a VALID
 * passport past its expiry date reads as EXPIRED.
 */
export const travelDocuments = pgTable(
  'travel_documents',
  {
    number: text('number').primaryKey(),
    holderNik: text('holder_nik').notNull(),
    holderName: text('holder_name').notNull(),
    kind: text('kind').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    expiryDate: date('expiry_date', { mode: 'string' }).notNull(),
    issuingOfficeCode: text('issuing_office_code')
      .notNull()
      .references(() => offices.code),
    status: text('status').notNull(),
    replacedBy: text('replaced_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('travel_documents_holder_idx').on(t.holderNik),
    check('travel_documents_kind_valid', sql`${t.kind} in ('NON_ELECTRONIC', 'ELECTRONIC', 'POLYCARBONATE')`),
    check(
      'travel_documents_status_valid',
      sql`${t.status} in ('VALID', 'LOST', 'DAMAGED', 'CANCELLED', 'REPLACED')`,
    ),
  ],
);

/** Serial of the passports M-Paspor issues: one nationwide sequence, so numbers never repeat. */
export const passportNumberSequence = pgSequence('passport_number_seq', { startWith: 1 });
