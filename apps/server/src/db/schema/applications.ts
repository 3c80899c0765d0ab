import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Human application numbers (MP + year + serial) come from one sequence, unique nationwide. */
export const applicationNumberSequence = pgSequence('application_number_seq', { startWith: 1 });

/**
 * Statuses in which an application holds its NIK: submitted and not final. A DRAFT holds nothing
 * (issue 15, no squatting): anyone's draft under a NIK never blocks its holder; the first to submit
 * does. Keep in step with the shared table.
 */
const HOLDING = `('AWAITING_PAYMENT','PAID','CHECKED_IN','VERIFIED','INTERVIEWED','APPROVED','READY')`;

/** Passport applications (module: applications). The applicant's biodata is copied at creation. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status').notNull(),
    type: text('type').notNull(),
    replacementReason: text('replacement_reason'),
    service: text('service').notNull(),
    product: text('product').notNull(),
    applicantNik: text('applicant_nik').notNull(),
    applicantFullName: text('applicant_full_name').notNull(),
    applicantDateOfBirth: date('applicant_date_of_birth', { mode: 'string' }).notNull(),
    applicantPlaceOfBirth: text('applicant_place_of_birth').notNull(),
    applicantSex: text('applicant_sex').notNull(),
    applicantMarried: boolean('applicant_married').notNull(),
    /** Issue 16: from Dukcapil, not the form; caps the passport's validity at the 21st birthday. */
    applicantDualCitizenship: boolean('applicant_dual_citizenship').notNull().default(false),
    /** Facts that change the documents to bring (DOMAIN.md "Documents"). */
    circumstances: jsonb('circumstances').notNull(),
    previousPassport: jsonb('previous_passport'),
    travelPurpose: text('travel_purpose'),
    requiredDocuments: text('required_documents').array().notNull(),
    fee: jsonb('fee').notNull(),
    /** Set at the interview: 3 working days later (the same day for percepatan). */
    readyDate: date('ready_date', { mode: 'string' }),
    /** The passport issued for this application: number, dates and MRZ (also in the registry). */
    passport: jsonb('passport'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /** When its scans and biometric photo were deleted, the retention period over (issue 18). */
    filesPurgedAt: instant('files_purged_at'),
  },
  (t) => [
    index('applications_account_idx').on(t.accountId),
    // Closed applications whose files are still kept: the retention job's candidates, oldest first.
    index('applications_files_kept_idx')
      .on(t.updatedAt)
      .where(
        sql`${t.filesPurgedAt} is null and ${t.status} in ('COLLECTED', 'REJECTED', 'EXPIRED', 'CANCELLED', 'NO_SHOW')`,
      ),
    // Drafts left untouched for 30 days are cancelled (issue 15): found without reading the rest.
    index('applications_idle_drafts_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} = 'DRAFT'`),
    // One submitted application in progress per person, whichever account files it (DB-enforced).
    uniqueIndex('applications_active_nik_unique')
      .on(t.applicantNik)
      .where(sql.raw(`status in ${HOLDING}`)),
    // One draft per person and account: a second tap makes no second draft.
    uniqueIndex('applications_draft_nik_account_unique')
      .on(t.accountId, t.applicantNik)
      .where(sql`${t.status} = 'DRAFT'`),
    // Passports waiting for pick-up: reminders at day 7 and 25, cancellation after 30 (issue 16).
    index('applications_ready_idx')
      .on(t.readyDate)
      .where(sql`${t.status} = 'READY'`),
    check('applications_type_valid', sql`${t.type} in ('NEW', 'REPLACEMENT')`),
    check('applications_service_valid', sql`${t.service} in ('REGULAR', 'EXPRESS')`),
  ],
);

/** Every status an application passed through, written in the transaction that changed it. */
export const applicationHistory = pgTable(
  'application_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    at: instant('at').notNull(),
    actor: text('actor').notNull(),
    note: text('note'),
  },
  (t) => [index('application_history_application_idx').on(t.applicationId, t.id)],
);

/**
 * What the office recorded during the visit (module: applications, written by the officer steps).
 * Decisions are JSON so the record reads like the officer's form: who, when, what.
 */
export const applicationVisits = pgTable('application_visits', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  officeCode: text('office_code').notNull(),
  checkedInAt: instant('checked_in_at').notNull(),
  checkedInBy: text('checked_in_by').notNull(),
  verification: jsonb('verification'),
  documentsDueBy: date('documents_due_by', { mode: 'string' }),
  photo: jsonb('photo'),
  fingerprintsAt: instant('fingerprints_at'),
  interview: jsonb('interview'),
  adjudication: jsonb('adjudication'),
  handedOverAt: instant('handed_over_at'),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * The NIK holder's consent to an application filed for them from another account (issue 15): a code
 * sent to the holder's own verified contact, confirmed by the requester. Without it, no submit.
 */
export const nikConsents = pgTable(
  'nik_consents',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    accountId: uuid('account_id').notNull(),
    holderNik: text('holder_nik').notNull(),
    channel: text('channel').notNull(),
    destination: text('destination').notNull(),
    codeHash: text('code_hash').notNull(),
    codeExpiresAt: instant('code_expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    requestedAt: instant('requested_at').notNull(),
    consentedAt: instant('consented_at'),
  },
  (t) => [index('nik_consents_account_idx').on(t.accountId, t.consentedAt)],
);

/** Bookings refused to stop brokers (no consent, over a cap): kept for audit, counted in metrics. */
export const bookingRefusals = pgTable(
  'booking_refusals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull(),
    accountId: uuid('account_id').notNull(),
    applicationId: uuid('application_id'),
    applicantNik: text('applicant_nik'),
    reason: text('reason').notNull(),
  },
  (t) => [index('booking_refusals_account_idx').on(t.accountId, t.at)],
);

/**
 * An application made at the office counter for the person in front of the officer (issue 16): the
 * lane whose daily quota it takes, the priority group, and the officer's reason, as audited.
 */
export const walkIns = pgTable(
  'walk_ins',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    officeCode: text('office_code').notNull(),
    lane: text('lane').notNull(),
    priorityGroup: text('priority_group'),
    reason: text('reason').notNull(),
    officerUsername: text('officer_username').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('walk_ins_office_idx').on(t.officeCode, t.createdAt),
    check('walk_ins_lane_valid', sql`${t.lane} in ('PRIORITY', 'LOST_DAMAGED', 'APP_OUTAGE')`),
  ],
);

/**
 * Reminders sent for an application (issue 16), one row each: the row is claimed in the transaction
 * that writes the message into the outbox, so a reminder goes out once however many instances run the
 * job and however often. `occasion` tells reminders of one kind apart: the booked session for the
 * visit's eve (a rescheduled visit gets its own), the day count for pick-up reminders.
 */
export const applicationReminders = pgTable(
  'application_reminders',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occasion: text('occasion').notNull(),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.kind, t.occasion] }),
    check('application_reminders_kind_valid', sql`${t.kind} in ('VISIT_EVE', 'PICK_UP')`),
  ],
);

/**
 * A lost or damaged passport's examination (issue 16): the report (BAP) an officer records at the
 * visit, the head of office's decision (issue, defer for a repeated loss, or refuse), and the fine
 * (biaya beban) billed only after a decision to issue, unless the officer confirmed force majeure.
 */
export const lossReports = pgTable(
  'loss_reports',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    circumstances: text('circumstances').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }),
    place: text('place'),
    policeReportNumber: text('police_report_number'),
    forceMajeureClaimed: boolean('force_majeure_claimed').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: instant('recorded_at').notNull(),
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    forceMajeureConfirmed: boolean('force_majeure_confirmed'),
    deferredUntil: date('deferred_until', { mode: 'string' }),
    decidedBy: text('decided_by'),
    decidedAt: instant('decided_at'),
    fineCode: text('fine_code').unique(),
    fineAmount: integer('fine_amount'),
    fineExpiresAt: instant('fine_expires_at'),
    finePaidAt: instant('fine_paid_at'),
    fineNtpn: text('fine_ntpn'),
  },
  (t) => [
    check('loss_reports_kind_valid', sql`${t.kind} in ('LOST', 'DAMAGED')`),
    check(
      'loss_reports_decision_valid',
      sql`${t.decision} is null or ${t.decision} in ('ISSUE', 'DEFER', 'REFUSE')`,
    ),
  ],
);

/**
 * A rejection the applicant contests once (issue 16): their reason and a new document, decided by an
 * adjudicator of the office other than the officer who rejected. OVERTURN reopens the application at
 * the step it was rejected from.
 */
export const rejectionContests = pgTable(
  'rejection_contests',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    rejectedFrom: text('rejected_from').notNull(),
    rejectedBy: text('rejected_by').notNull(),
    filedAt: instant('filed_at').notNull(),
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by'),
    decidedAt: instant('decided_at'),
  },
  (t) => [
    check(
      'rejection_contests_from_valid',
      sql`${t.rejectedFrom} in ('CHECKED_IN', 'VERIFIED', 'INTERVIEWED')`,
    ),
    check(
      'rejection_contests_decision_valid',
      sql`${t.decision} is null or ${t.decision} in ('UPHOLD', 'OVERTURN')`,
    ),
  ],
);
