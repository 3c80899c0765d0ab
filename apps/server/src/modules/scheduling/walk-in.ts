import type { Database } from '../../db/database.ts';
import { addDays, localDate, localInstant, type OfficeZone } from './local-time.ts';
import * as walkIns from './walk-in-repository.ts';

/**
 * The counter's walk-in lanes (issue 16; DOMAIN.md "Legal frame": priority applicants may walk in
 * without the app, and walk-ins have their own daily quota). Each lane of a day is one session of the
 * office (service `WALK_IN_<lane>`) whose capacity is the lane's quota: a seat is taken by the same
 * conditional UPDATE as online, so a lane is never over its quota however many counters serve it.
 * These sessions are never listed, released or offered online (no pool of an applicant matches them).
 */
export const walkInLanes = ['PRIORITY', 'LOST_DAMAGED', 'APP_OUTAGE'] as const;
export type WalkInLane = (typeof walkInLanes)[number];

/**
 * Defaults when the office has not set its own: a share of a mid-size office's day (the real service
 * publishes no national figure; offices announce their own, typically tens per day). Data, not code:
 * the office administrator sets each lane (`PUT /officer/walk-in-quotas`).
 */
export const defaultWalkInQuota: Record<WalkInLane, number> = {
  PRIORITY: 20,
  LOST_DAMAGED: 10,
  APP_OUTAGE: 30,
};

/** Counter hours of a walk-in day (Kanim service hours, Monday–Friday 08.00–16.00 local time). */
export const WALK_IN_HOURS = { start: '08:00', end: '16:00' } as const;

export const walkInService = (lane: WalkInLane) => `WALK_IN_${lane}` as const;

/** The lane of a session's service, or null for an online pool. */
export function laneOfService(service: string): WalkInLane | null {
  const lane = service.startsWith('WALK_IN_') ? service.slice('WALK_IN_'.length) : null;
  return walkInLanes.find((l) => l === lane) ?? null;
}

/** How a walk-in seat reads to clients that know only the online pools. */
export function poolOfService(service: string): 'REGULAR' | 'EXPRESS' | 'PRIORITY' {
  const lane = laneOfService(service);
  if (lane === 'PRIORITY') return 'PRIORITY';
  if (lane) return 'REGULAR';
  return service as 'REGULAR' | 'EXPRESS' | 'PRIORITY';
}

export interface LaneQuota {
  readonly lane: WalkInLane;
  readonly daily: number;
  readonly used: number;
  readonly left: number;
}

export async function laneQuotas(db: Database, officeCode: string, date: string): Promise<LaneQuota[]> {
  const set = await walkIns.quotasOf(db, officeCode);
  const used = await walkIns.usedOn(db, officeCode, date);
  return walkInLanes.map((lane) => {
    const daily = set.get(lane) ?? defaultWalkInQuota[lane];
    const taken = used.get(walkInService(lane)) ?? 0;
    return { lane, daily, used: taken, left: Math.max(0, daily - taken) };
  });
}

/** Today's session of the lane, made on first use (idempotent; counters may race). */
export async function laneSessionFor(
  db: Database,
  office: { code: string; zone: OfficeZone },
  lane: WalkInLane,
  now: Date,
): Promise<string> {
  const date = localDate(now, office.zone);
  const daily = (await walkIns.quotasOf(db, office.code)).get(lane) ?? defaultWalkInQuota[lane];
  return walkIns.laneSession(db, {
    officeCode: office.code,
    date,
    startTime: WALK_IN_HOURS.start,
    endTime: WALK_IN_HOURS.end,
    service: walkInService(lane),
    startsAt: localInstant(date, WALK_IN_HOURS.start, office.zone),
    endsAt: localInstant(date, WALK_IN_HOURS.end, office.zone),
    dayEndsAt: localInstant(addDays(date, 1), '00:00', office.zone),
    releasedAt: localInstant(date, '00:00', office.zone),
    capacity: daily,
  });
}

/**
 * Takes a seat of a lane session for an application, in the caller's transaction: the capacity
 * follows the quota set now, and the seat is taken only while the lane has room. False when full.
 */
export async function claimLaneSeat(
  tx: Database,
  officeCode: string,
  lane: WalkInLane,
  sessionId: string,
  applicationId: string,
  now: Date,
): Promise<boolean> {
  const daily = (await walkIns.quotasOf(tx, officeCode)).get(lane) ?? defaultWalkInQuota[lane];
  if (!(await walkIns.takeLaneSeat(tx, sessionId, daily))) return false;
  await walkIns.insertBooking(tx, { applicationId, sessionId, bookedAt: now });
  return true;
}
