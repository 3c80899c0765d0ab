import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { applications } from './applications.ts';
import { offices } from './offices.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The waiting room of one quota release (module: releases): an office's sessions released at one
 * instant. The seed that orders everyone who joined before the instant is committed (its SHA-256)
 * when the window opens and published at the draw, so anyone can re-derive the order.
 */
export const releaseWindows = pgTable(
  'release_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    releaseAt: instant('release_at').notNull(),
    opensAt: instant('opens_at').notNull(),
    seedHash: text('seed_hash').notNull(),
    /** Null until the draw. */
    seed: text('seed'),
    drawnAt: instant('drawn_at'),
    /** Seats of the release's sessions at the draw. */
    seatsReleased: integer('seats_released'),
    /** Tickets that joined before the release instant (drawn at random). */
    drawnTickets: integer('drawn_tickets'),
    /** The last position handed out; later arrivals queue behind in arrival order. */
    lastPosition: integer('last_position').notNull().default(0),
    /** When tickets were last admitted (the admission rate is budgeted from it, across processes). */
    lastAdmissionAt: instant('last_admission_at'),
    soldOutAt: instant('sold_out_at'),
    /** Seats sold when the window ended. */
    sold: integer('sold'),
    closedAt: instant('closed_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [unique('release_windows_office_instant').on(t.officeCode, t.releaseAt)],
);

/** One place in a release's queue: one per account and one per NIK in each window. */
export const releaseTickets = pgTable(
  'release_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    windowId: uuid('window_id')
      .notNull()
      .references(() => releaseWindows.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    nik: text('nik').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    /** The session pools the application may book (REGULAR, PRIORITY, EXPRESS). */
    pools: text('pools').array().notNull(),
    joinedAt: instant('joined_at').notNull(),
    position: integer('position'),
    admittedAt: instant('admitted_at'),
    admissionExpiresAt: instant('admission_expires_at'),
    /** When the admitted application got its seat (the admission is spent). */
    bookedAt: instant('booked_at'),
  },
  (t) => [
    unique('release_tickets_account').on(t.windowId, t.accountId),
    unique('release_tickets_nik').on(t.windowId, t.nik),
    index('release_tickets_queue_idx').on(t.windowId, t.position),
    check('release_tickets_admission', sql`(${t.admittedAt} is null) = (${t.admissionExpiresAt} is null)`),
  ],
);
