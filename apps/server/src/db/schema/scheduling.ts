import { sql } from 'drizzle-orm';
import {
  boolean,
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
  uniqueIndex,
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
    // WALK_IN_*: a day's walk-in lane at the counter (issue 16), never listed or released online.
    check(
      'sessions_service_valid',
      sql`${t.service} in ('REGULAR', 'EXPRESS', 'PRIORITY', 'WALK_IN_PRIORITY', 'WALK_IN_LOST_DAMAGED', 'WALK_IN_APP_OUTAGE')`,
    ),
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

/**
 * An application waiting for a freed seat (issue 15): at these offices, between two days, in these
 * pools. Served in order of arrival, entries with a recent no-show behind the others.
 */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    radiusKm: integer('radius_km').notNull(),
    officeCodes: text('office_codes').array().notNull(),
    dateFrom: date('date_from', { mode: 'string' }).notNull(),
    dateTo: date('date_to', { mode: 'string' }).notNull(),
    pools: text('pools').array().notNull(),
    behind: boolean('behind').notNull(),
    joinedAt: instant('joined_at').notNull(),
    status: text('status').notNull(),
    closedAt: instant('closed_at'),
  },
  (t) => [
    uniqueIndex('waitlist_entries_active_unique')
      .on(t.applicationId)
      .where(sql`${t.status} in ('WAITING', 'OFFERED')`),
    index('waitlist_entries_queue_idx')
      .on(t.behind, t.joinedAt)
      .where(sql`${t.status} = 'WAITING'`),
    check(
      'waitlist_entries_status_valid',
      sql`${t.status} in ('WAITING', 'OFFERED', 'BOOKED', 'DECLINED', 'LAPSED', 'LEFT')`,
    ),
  ],
);

/**
 * A freed seat held for one waitlist entry until `expires_at`. While OPEN it is counted in its
 * session's `booked`, so nobody else can take it: a session's booked seats are its open bookings plus
 * its open offers, and one seat is never offered twice.
 */
export const waitlistOffers = pgTable(
  'waitlist_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => waitlistEntries.id),
    applicationId: uuid('application_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    offeredAt: instant('offered_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    status: text('status').notNull(),
    closedAt: instant('closed_at'),
    announcedAt: instant('announced_at'),
  },
  (t) => [
    uniqueIndex('waitlist_offers_open_unique')
      .on(t.entryId)
      .where(sql`${t.status} = 'OPEN'`),
    index('waitlist_offers_open_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'OPEN'`),
    index('waitlist_offers_unannounced_idx')
      .on(t.offeredAt)
      .where(sql`${t.announcedAt} is null`),
    index('waitlist_offers_application_idx').on(t.applicationId),
    check(
      'waitlist_offers_status_valid',
      sql`${t.status} in ('OPEN', 'ACCEPTED', 'DECLINED', 'LAPSED', 'WITHDRAWN')`,
    ),
  ],
);

/**
 * An office's daily walk-in quota per lane (issue 16), set by its administrator; a lane without a row
 * takes the default of scheduling/walk-in.ts.
 */
export const walkInQuotas = pgTable(
  'walk_in_quotas',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    lane: text('lane').notNull(),
    daily: integer('daily').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeCode, t.lane] }),
    check('walk_in_quotas_lane_valid', sql`${t.lane} in ('PRIORITY', 'LOST_DAMAGED', 'APP_OUTAGE')`),
    check('walk_in_quotas_daily_valid', sql`${t.daily} >= 0 and ${t.daily} <= 10000`),
  ],
);
