import { passportProducts } from '#shared/contracts/fees.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../db/database.ts';
import type { ReferenceDataLoader } from '../../platform/reference-data.ts';
import type { OfficeScheduleInput } from '#shared/contracts/officer.ts';
import { previewSchedule, readSchedule, saveSchedule } from './admin.ts';
import { readHolidays } from './holidays.ts';
import { addDays, daysBetween, isOfficeZone, localDate, zoneLabels, type OfficeZone } from './local-time.ts';
import * as repository from './repository.ts';
import { upsertHolidays } from './holidays-repository.ts';
import { defaultSchedule, sessionsOn, type ServicePool } from './schedule.ts';
import {
  productNotOffered,
  rangeProblem,
  rescheduleLimit,
  sessionUnavailable,
  tooLateToReschedule,
} from './problems.ts';
import { claimSeatsFor } from './booking.ts';
import { createAvailability } from './availability.ts';
import { releaseSeats } from './claims-repository.ts';
import { defaultWaitlistSettings, type WaitlistSettings } from './waitlist.ts';
import { createWaitlist } from './waitlist-service.ts';
import {
  claimLaneSeat,
  laneOfService,
  laneQuotas,
  laneSessionFor,
  poolOfService,
  type LaneQuota,
  type WalkInLane,
} from './walk-in.ts';
import { saveQuota } from './walk-in-repository.ts';

export const schedulingReferenceLoaders: readonly ReferenceDataLoader[] = [
  { dataset: 'holidays', load: (db) => upsertHolidays(db, readHolidays()) },
];

/** What scheduling needs to know of an office (from the offices module). */
export interface OfficeFacts {
  readonly code: string;
  readonly name: string;
  readonly timeZone: string;
  readonly officeClass: string | null;
  readonly lat: number;
  readonly lon: number;
}

export interface SchedulingDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** Inside a transaction, called with it (`db`): see OfficesService. */
  readonly offices: {
    findOffice(code: string, db?: Database): Promise<OfficeFacts | null>;
    capabilitiesOf(code: string, db?: Database): Promise<readonly string[] | null>;
    searchOffices(search: {
      near: { lat: number; lon: number };
      limit: number;
    }): Promise<readonly { code: string; distanceKm?: number; passportKinds: readonly string[] }[]>;
  };
  readonly waitlist?: WaitlistSettings | undefined;
}

/** Which seats an application may take: its service pools, and the passport kind the office must issue. */
export interface SeatRequest {
  readonly pools: readonly ServicePool[];
  readonly passportKind: string;
}

export interface SessionView {
  readonly id: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly service: ServicePool;
  readonly capacity: number;
  readonly available: number;
  readonly startsAt: string;
  readonly timeZone: string;
}

export interface Appointment {
  readonly officeCode: string;
  readonly officeName: string;
  readonly sessionId: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly timeZoneLabel: (typeof zoneLabels)[OfficeZone];
  readonly service: ServicePool;
  /** Made at the counter (issue 16): the walk-in lane whose quota it took; no online reschedule. */
  readonly walkInLane?: WalkInLane;
  readonly reschedulesLeft: number;
}

/** The seats an office released at one instant, per pool. */
export interface Release {
  readonly releaseAt: Date;
  readonly pools: Partial<Record<ServicePool, { capacity: number; booked: number }>>;
}

/** A booking about to be made: the session's office and the appointment it will be. */
export interface BookingPlan {
  readonly officeCode: string;
  /** The release the session belongs to (its office's waiting room may gate it). */
  readonly releasedAt: Date;
  readonly appointment: Appointment;
}

/** Reschedule once, at most (DOMAIN.md "Reschedule"). */
export const MAX_RESCHEDULES = 1;
const MAX_RANGE_DAYS = 62;

export function createSchedulingService(deps: SchedulingDeps) {
  const { db, clock } = deps;
  /** Offices whose sessions exist up to a date, per process, so listings do not re-insert on every call. */
  const generatedUntil = new Map<string, string>();
  /** The schedule version the cache was built from: an office admin's save invalidates it everywhere. */
  const generatedFrom = new Map<string, string>();

  async function officeOf(code: string, handle: Database = db): Promise<OfficeFacts & { zone: OfficeZone }> {
    const office = await deps.offices.findOffice(code, handle);
    if (!office || !isOfficeZone(office.timeZone)) throw new DomainError({ code: 'NOT_FOUND' });
    return { ...office, zone: office.timeZone };
  }

  /** Materialises the sessions of the office's horizon (idempotent; many instances may race safely). */
  async function ensureSessions(office: OfficeFacts & { zone: OfficeZone }, today: string): Promise<string> {
    let schedule = await repository.findSchedule(db, office.code);
    if (!schedule) {
      await repository.insertScheduleIfMissing(
        db,
        office.code,
        defaultSchedule(office.code, office.officeClass),
        clock.now(),
      );
      schedule = (await repository.findSchedule(db, office.code))!;
    }
    const until = addDays(today, schedule.horizonDays);
    if (generatedFrom.get(office.code) !== schedule.version) generatedUntil.delete(office.code);
    generatedFrom.set(office.code, schedule.version);
    if ((generatedUntil.get(office.code) ?? '') >= until) return until;
    const start = addDays(generatedUntil.get(office.code) ?? today, 0);
    const closed = await repository.closedDays(db, office.code, addDays(start, -31), until);
    const planned = [];
    for (let day = start; day <= until; day = addDays(day, 1))
      planned.push(...sessionsOn(day, schedule, office.zone, closed));
    await repository.insertSessions(db, office.code, planned);
    generatedUntil.set(office.code, until);
    return until;
  }

  async function appointmentFor(
    booking: repository.BookingRow,
    session: repository.SessionRow,
    handle: Database = db,
  ): Promise<Appointment> {
    const office = await officeOf(session.officeCode, handle);
    return {
      officeCode: office.code,
      officeName: office.name,
      sessionId: session.id,
      date: session.date,
      start: session.startTime,
      end: session.endTime,
      timeZone: office.zone,
      timeZoneLabel: zoneLabels[office.zone],
      service: poolOfService(session.service),
      ...(laneOfService(session.service) ? { walkInLane: laneOfService(session.service)! } : {}),
      reschedulesLeft: laneOfService(session.service)
        ? 0
        : Math.max(0, MAX_RESCHEDULES - booking.reschedules),
    };
  }

  /** Takes the seat for an application, or says exactly why not. */
  async function takeSeat(tx: Database, sessionId: string, seat: SeatRequest) {
    const now = clock.now();
    const session = await repository.findSession(tx, sessionId);
    if (!session || !seat.pools.includes(session.service as ServicePool))
      throw sessionUnavailable('NOT_BOOKABLE');
    const kinds = await deps.offices.capabilitiesOf(session.officeCode, tx);
    if (!kinds?.includes(seat.passportKind)) throw productNotOffered(seat.passportKind, kinds ?? []);
    const taken = await repository.takeSeat(tx, sessionId, now);
    if (taken) return taken;
    if (session.releasedAt > now || session.startsAt <= now) throw sessionUnavailable('NOT_BOOKABLE');
    throw sessionUnavailable('FULL');
  }

  // listSessions as published, from a per-process cache at most a second old (availability.ts); every
  // change below marks it stale.
  const availability = createAvailability({
    clock,
    list: (code, query) => service.listSessions(code, query),
  });

  const waitlist = createWaitlist({
    db,
    clock,
    settings: deps.waitlist ?? defaultWaitlistSettings,
    officeOf,
    capabilitiesOf: (code) => deps.offices.capabilitiesOf(code),
    async officesNear(code, radiusKm, passportKind) {
      const home = await officeOf(code);
      const near = await deps.offices.searchOffices({ near: { lat: home.lat, lon: home.lon }, limit: 200 });
      const within = near.filter(
        (o) => (o.distanceKm ?? 0) <= radiusKm && o.passportKinds.includes(passportKind),
      );
      return [code, ...within.map((o) => o.code).filter((c) => c !== code)];
    },
    async freeSeats(officeCode, from, to, pool) {
      const listed = await service.listSessions(officeCode, { from, to, service: pool });
      return listed.reduce((sum, s) => sum + s.available, 0);
    },
    changed: () => availability.changed(),
  });

  const service = {
    async seedDefaultSchedules(tx: Database, offices: readonly OfficeFacts[]) {
      for (const office of offices) {
        await repository.insertScheduleIfMissing(
          tx,
          office.code,
          defaultSchedule(office.code, office.officeClass),
          clock.now(),
        );
      }
    },

    /** Released sessions still ahead, with seats left (API.md `GET /offices/{code}/sessions`). */
    async listSessions(
      code: string,
      query: {
        from?: string | undefined;
        to?: string | undefined;
        service: ServicePool;
        product?: string | undefined;
      },
    ): Promise<SessionView[]> {
      const office = await officeOf(code);
      if (query.product) {
        const kind = passportProducts.find((p) => p.code === query.product)?.kind;
        const kinds = (await deps.offices.capabilitiesOf(code)) ?? [];
        if (kind && !kinds.includes(kind)) throw productNotOffered(kind, kinds);
      }
      const now = clock.now();
      const today = localDate(now, office.zone);
      const from = query.from && query.from > today ? query.from : today;
      const to = query.to ?? addDays(from, 30);
      if (daysBetween(from, to) > MAX_RANGE_DAYS || to < from) throw rangeProblem(MAX_RANGE_DAYS);
      const until = await ensureSessions(office, today);
      const rows = await repository.listSessions(db, {
        officeCode: office.code,
        from,
        to: to < until ? to : until,
        service: query.service,
        releasedBy: now,
        startsAfter: now,
      });
      return rows.map((s) => ({
        id: s.id,
        date: s.date,
        start: s.startTime,
        end: s.endTime,
        service: s.service as ServicePool,
        capacity: s.capacity,
        available: s.capacity - s.booked,
        startsAt: s.startsAt.toISOString(),
        timeZone: office.zone,
      }));
    },

    /**
     * Everything a booking needs to know, read without a lock: that the session could be booked now
     * (so a full session is refused before SIMPONI is asked for a code) and the appointment it makes.
     */
    async planBooking(
      sessionId: string,
      seat: SeatRequest,
      options: { readonly held?: boolean } = {},
    ): Promise<BookingPlan> {
      const now = clock.now();
      const session = await repository.findSession(db, sessionId);
      if (!session || !seat.pools.includes(session.service as ServicePool))
        throw sessionUnavailable('NOT_BOOKABLE');
      const kinds = await deps.offices.capabilitiesOf(session.officeCode);
      if (!kinds?.includes(seat.passportKind)) throw productNotOffered(seat.passportKind, kinds ?? []);
      if (session.releasedAt > now || session.startsAt <= now) throw sessionUnavailable('NOT_BOOKABLE');
      // A seat held for this application (a waitlist offer) is already counted in `booked`.
      if (!options.held && session.booked >= session.capacity) throw sessionUnavailable('FULL');
      const booking = { applicationId: '', sessionId, reschedules: 0, bookedAt: now, releasedAt: null };
      return {
        officeCode: session.officeCode,
        releasedAt: session.releasedAt,
        appointment: await appointmentFor(booking, session),
      };
    },

    /**
     * Takes seats of one session for applications in the caller's transaction, first come first
     * served among them, in one statement; the session's row stays locked until that transaction
     * ends, so callers do this last. Answers who got a seat and why the others did not.
     */
    async claim(tx: Database, sessionId: string, applicationIds: readonly string[]) {
      availability.changed();
      const claims = await claimSeatsFor(tx, clock.now(), sessionId, applicationIds);
      // Booked directly: off the waitlist, and a seat held for them there goes to the next entry.
      await waitlist.leave(tx, claims.seated);
      return claims;
    },

    /**
     * An office's quota releases with an instant in [from, to): the seats of each pool released then
     * and how many are booked. Sessions are materialised first, as for a listing.
     */
    async releases(code: string, from: Date, to: Date): Promise<Release[]> {
      const office = await officeOf(code);
      await ensureSessions(office, localDate(clock.now(), office.zone));
      const byInstant = new Map<number, Release>();
      for (const row of await releaseSeats(db, office.code, from, to)) {
        const at = row.releaseAt.getTime();
        const release = byInstant.get(at) ?? { releaseAt: row.releaseAt, pools: {} };
        release.pools[row.service as ServicePool] = { capacity: row.capacity, booked: row.booked };
        byInstant.set(at, release);
      }
      return [...byInstant.values()];
    },

    /**
     * Seats per pool of one release instant, read in the caller's transaction and without
     * materialising sessions (the waiting room's admissions count them under their lock).
     */
    async seatsReleasedAt(handle: Database, code: string, releaseAt: Date): Promise<Release['pools']> {
      const pools: Release['pools'] = {};
      for (const row of await releaseSeats(handle, code, releaseAt, new Date(releaseAt.getTime() + 1))) {
        pools[row.service as ServicePool] = { capacity: row.capacity, booked: row.booked };
      }
      return pools;
    },

    /**
     * Gives the seat back (expiry, cancellation) to the next waitlist entry that suits it, or to the
     * calendar; takes the application off the waitlist. A second call does nothing.
     */
    async release(tx: Database, applicationId: string): Promise<void> {
      await waitlist.leave(tx, [applicationId]);
      const released = await repository.releaseBooking(tx, applicationId, clock.now());
      if (released) await waitlist.seatFreed(tx, released.sessionId);
    },

    /**
     * Moves the booking to another session: once, and no later than the day before the booked date in
     * the office's zone (H-1). The new seat is taken and the old one given back in the same transaction.
     */
    /**
     * `special`: the office's own reschedule (issue 16: system fault, officer error, force majeure):
     * beyond the applicant's one, also on the day itself, but only within the same office, so the
     * billing stays with the office of the visit.
     */
    async reschedule(
      tx: Database,
      applicationId: string,
      sessionId: string,
      seat: SeatRequest,
      special = false,
    ) {
      const booking = await repository.findBooking(tx, applicationId);
      if (!booking || booking.releasedAt) throw sessionUnavailable('NOT_BOOKABLE');
      if (!special && booking.reschedules >= MAX_RESCHEDULES) throw rescheduleLimit();
      const current = (await repository.findSession(tx, booking.sessionId))!;
      const office = await officeOf(current.officeCode, tx);
      if (!special && localDate(clock.now(), office.zone) >= current.date)
        throw tooLateToReschedule(current.date);
      if (sessionId === current.id) throw sessionUnavailable('NOT_BOOKABLE');
      if (special && (await repository.findSession(tx, sessionId))?.officeCode !== current.officeCode)
        throw otherOfficeSession();
      await repository.lockSessions(tx, [current.id, sessionId]);
      const next = await takeSeat(tx, sessionId, seat);
      await repository.moveBooking(tx, applicationId, sessionId, !special);
      await waitlist.seatFreed(tx, current.id);
      availability.changed();
      const reschedules = booking.reschedules + (special ? 0 : 1);
      return appointmentFor({ ...booking, sessionId, reschedules }, next, tx);
    },

    /** `handle` is the caller's transaction when called inside one. */
    async appointmentsOf(
      applicationIds: readonly string[],
      handle: Database = db,
    ): Promise<Map<string, Appointment>> {
      const result = new Map<string, Appointment>();
      for (const { booking, session } of await repository.findBookingsWithSessions(handle, applicationIds)) {
        // Released before its day ended (cancelled, expired): no appointment any more. Closed at the
        // day's end (the visit happened or was missed): still the appointment the applicant had.
        if (booking.releasedAt && booking.releasedAt < session.dayEndsAt) continue;
        result.set(booking.applicationId, await appointmentFor(booking, session, handle));
      }
      return result;
    },

    closeBookingsPastTheirDay: (tx: Database, limit: number) =>
      repository.closeBookingsPastTheirDay(tx, clock.now(), limit),

    /** The office admin's view of the schedule: template, release rule, closures from today. */
    async officeSchedule(code: string): Promise<OfficeScheduleInput> {
      return readSchedule(db, await officeOf(code), clock.now());
    },
    async previewSchedule(code: string, input: OfficeScheduleInput) {
      return previewSchedule(db, await officeOf(code), input, clock.now());
    },
    /** Saves inside the caller's transaction (the officer module audits it in the same one). */
    async saveSchedule(tx: Database, code: string, input: OfficeScheduleInput): Promise<void> {
      await saveSchedule(tx, await officeOf(code, tx), input, clock.now());
      generatedUntil.delete(code);
      availability.changed();
    },

    /** Non-working days (national and the office's) in a range, for working-day counts. */
    closedDays: (officeCode: string, from: string, to: string, handle: Database = db) =>
      repository.closedDays(handle, officeCode, from, to),

    /** The office each application booked at, also when its seat was given back (expired, cancelled). */
    async bookedOffices(applicationIds: readonly string[]): Promise<Map<string, string>> {
      const rows = await repository.bookedOffices(db, applicationIds);
      return new Map(rows.map((r) => [r.applicationId, r.officeCode]));
    },

    /** The counter's walk-in lanes of an office (issue 16): quota, taken and left per lane today. */
    walkIn: {
      async quotas(officeCode: string): Promise<LaneQuota[]> {
        const office = await officeOf(officeCode);
        return laneQuotas(db, office.code, localDate(clock.now(), office.zone));
      },
      /** Inside the caller's transaction (the officer module audits it in the same one). */
      async setQuota(tx: Database, officeCode: string, lane: WalkInLane, daily: number) {
        await saveQuota(tx, (await officeOf(officeCode, tx)).code, lane, daily, clock.now());
      },
      /** Today's lane session and the appointment it makes, before any seat is taken. */
      async plan(officeCode: string, lane: WalkInLane): Promise<Appointment> {
        const office = await officeOf(officeCode);
        const sessionId = await laneSessionFor(db, office, lane, clock.now());
        const session = (await repository.findSession(db, sessionId))!;
        return appointmentFor({ reschedules: 0 } as repository.BookingRow, session);
      },
      /** A seat of the planned lane session, in the caller's transaction; false when the lane is full. */
      claimSeat: (tx: Database, appointment: Appointment, applicationId: string) =>
        claimLaneSeat(
          tx,
          appointment.officeCode,
          appointment.walkInLane!,
          appointment.sessionId,
          applicationId,
          clock.now(),
        ),
    },

    /** The day's bookings of an office (the officer's queue), with their session times. */
    bookingsOn: (officeCode: string, date: string, handle: Database = db) =>
      repository.bookingsOn(handle, officeCode, date),
  };
  return { ...service, availability, waitlist };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;

function otherOfficeSession(): DomainError {
  return new DomainError({
    code: 'SESSION_NOT_BOOKABLE',
    detail: {
      id: 'Penjadwalan ulang khusus hanya ke sesi di kantor yang sama (billing tetap pada kantor kunjungan).',
      en: 'A special reschedule moves only to a session of the same office (the billing stays with the office of the visit).',
    },
    errors: [{ path: 'sessionId', message: { id: 'Sesi kantor lain.', en: 'Another office’s session.' } }],
  });
}
