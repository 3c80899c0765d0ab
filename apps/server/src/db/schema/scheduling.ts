import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { offices } from './offices.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** National non-working days (module: scheduling): libur nasional and cuti bersama. */
export const holidays = pgTable('holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  status: text('status').notNull(),
  source: text('source').notNull(),
});

/** Each office's weekly session template (slots and capacity per pool) and its quota release rule. */
export const officeSchedules = pgTable('office_schedules', {
  officeCode: text('office_code')
    .primaryKey()
    .references(() => offices.code),
  template: jsonb('template').notNull(),
  releaseRule: jsonb('release_rule').notNull(),
  horizonDays: integer('horizon_days').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** Days an office is closed besides national holidays (office admins declare them). */
export const officeClosures = pgTable(
  'office_closures',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    date: date('date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.date] })],
);

/**
 * Bookable sessions, one row per office, day, hour slot and service pool. `booked` moves only by a
 * conditional UPDATE; the CHECK is the second guard that no session is ever oversold.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    service: text('service').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /** Local midnight after the session's day: past it, an unused booking is a no-show. */
    dayEndsAt: instant('day_ends_at').notNull(),
    releasedAt: instant('released_at').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    unique('sessions_slot_unique').on(t.officeCode, t.date, t.startTime, t.service),
    index('sessions_office_day_idx').on(t.officeCode, t.date),
    index('sessions_office_release_idx').on(t.officeCode, t.releasedAt),
    check('sessions_booked_within_capacity', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
    check('sessions_service_valid', sql`${t.service} in ('REGULAR', 'EXPRESS', 'PRIORITY')`),
  ],
);

/** The seat an application holds; released on expiry, cancellation or reschedule. */
export const bookings = pgTable(
  'bookings',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    reschedules: integer('reschedules').notNull().default(0),
    bookedAt: instant('booked_at').notNull(),
    releasedAt: instant('released_at'),
  },
  (t) => [index('bookings_session_idx').on(t.sessionId)],
);
