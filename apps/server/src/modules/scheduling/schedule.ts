import { addDays, localInstant, weekday, type OfficeZone } from './local-time.ts';
import { isWorkingDay, lastWorkingDayBefore, type ClosedDays } from './calendar.ts';

/**
 * An office's schedule as data (DOMAIN.md "Schedule and quota"): hourly slots on working days with a
 * capacity per service pool, and the rule that says when a day's quota is released. Both are office
 * configuration; the defaults below follow the published examples and are meant to be changed.
 */
export const servicePools = ['REGULAR', 'EXPRESS', 'PRIORITY'] as const;
export type ServicePool = (typeof servicePools)[number];

export interface WeeklyTemplate {
  /** ISO weekdays the office serves (1 = Monday). */
  readonly weekdays: readonly number[];
  readonly slots: readonly { readonly start: string; readonly end: string }[];
  /** Seats per slot and pool. */
  readonly capacity: Readonly<Record<ServicePool, number>>;
}

export type ReleaseRule =
  /** Every week on `weekday` at `time`, the whole following Monday–Sunday week opens. */
  | { readonly kind: 'WEEKLY'; readonly weekday: number; readonly time: string }
  /** On the last working day of each month at `time`, the whole next month opens. */
  | { readonly kind: 'MONTHLY'; readonly time: string }
  /** Each day at `time`, the day `daysAhead` later opens. */
  | { readonly kind: 'ROLLING'; readonly daysAhead: number; readonly time: string };

export interface OfficeSchedule {
  readonly template: WeeklyTemplate;
  readonly releaseRule: ReleaseRule;
  /** How far ahead sessions exist at all (released or not). */
  readonly horizonDays: number;
}

const hourly = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({
    start: `${String(from + i).padStart(2, '0')}:00`,
    end: `${String(from + i + 1).padStart(2, '0')}:00`,
  }));

/** Default capacity per slot by office class (larger offices serve more); see README. */
const capacityByClass: Record<string, WeeklyTemplate['capacity']> = {
  'I Khusus': { REGULAR: 30, EXPRESS: 5, PRIORITY: 5 },
  I: { REGULAR: 20, EXPRESS: 3, PRIORITY: 3 },
  II: { REGULAR: 12, EXPRESS: 2, PRIORITY: 2 },
};
const smallOffice = { REGULAR: 8, EXPRESS: 1, PRIORITY: 2 } as const;

/** Published figures: Batam serves 285 a day (200 regular, 35 express, 50 priority) over 7 slots. */
const overrides: Record<string, Partial<OfficeSchedule>> = {
  BATAM: {
    template: {
      weekdays: [1, 2, 3, 4, 5],
      slots: hourly(8, 15),
      capacity: { REGULAR: 29, EXPRESS: 5, PRIORITY: 7 },
    },
  },
  JAKARTA_SELATAN: { releaseRule: { kind: 'MONTHLY', time: '09:00' } },
};

export function defaultSchedule(officeCode: string, officeClass: string | null): OfficeSchedule {
  return {
    template: {
      weekdays: [1, 2, 3, 4, 5],
      slots: hourly(8, 15),
      capacity: capacityByClass[officeClass ?? ''] ?? smallOffice,
    },
    releaseRule: { kind: 'WEEKLY', weekday: 5, time: '14:00' },
    horizonDays: 42,
    ...overrides[officeCode],
  };
}

/** When the quota of `date` opens, as an instant, in the office's zone. */
export function releaseInstant(rule: ReleaseRule, date: string, zone: OfficeZone, closed: ClosedDays): Date {
  switch (rule.kind) {
    case 'WEEKLY': {
      const mondayOfWeek = addDays(date, 1 - weekday(date));
      const releaseDay = addDays(mondayOfWeek, rule.weekday - 8);
      return localInstant(releaseDay, rule.time, zone);
    }
    case 'MONTHLY':
      return localInstant(lastWorkingDayBefore(`${date.slice(0, 8)}01`, closed), rule.time, zone);
    case 'ROLLING':
      return localInstant(addDays(date, -rule.daysAhead), rule.time, zone);
  }
}

export interface PlannedSession {
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly service: ServicePool;
  readonly capacity: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly dayEndsAt: Date;
  readonly releasedAt: Date;
}

/** The sessions an office offers on one day: none on weekends, holidays and closures. */
export function sessionsOn(
  date: string,
  schedule: OfficeSchedule,
  zone: OfficeZone,
  closed: ClosedDays,
): PlannedSession[] {
  const { template } = schedule;
  if (!isWorkingDay(date, closed) || !template.weekdays.includes(weekday(date))) return [];
  const releasedAt = releaseInstant(schedule.releaseRule, date, zone, closed);
  const dayEndsAt = localInstant(addDays(date, 1), '00:00', zone);
  return template.slots.flatMap((slot) =>
    servicePools
      .filter((pool) => template.capacity[pool] > 0)
      .map((service) => ({
        date,
        startTime: slot.start,
        endTime: slot.end,
        service,
        capacity: template.capacity[service],
        startsAt: localInstant(date, slot.start, zone),
        endsAt: localInstant(date, slot.end, zone),
        dayEndsAt,
        releasedAt,
      })),
  );
}
