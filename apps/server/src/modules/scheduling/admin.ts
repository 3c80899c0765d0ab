import type { OfficeScheduleInput } from '#shared/contracts/officer.ts';
import type { Database } from '../../db/database.ts';
import { addDays, localDate, type OfficeZone } from './local-time.ts';
import * as repository from './repository.ts';
import { defaultSchedule, sessionsOn, type OfficeSchedule } from './schedule.ts';

/**
 * Office administration of the schedule (issue 8): read, preview and save an office's weekly template,
 * release rule and closures. Saving re-plans only what nobody holds: unreleased sessions without
 * bookings, and empty sessions on a newly closed day. Seats already sold stay sold.
 */
export const PREVIEW_DAYS = 21;

export interface ScheduleOffice {
  readonly code: string;
  readonly officeClass: string | null;
  readonly zone: OfficeZone;
}

export async function readSchedule(
  db: Database,
  office: ScheduleOffice,
  now: Date,
): Promise<OfficeScheduleInput> {
  const schedule =
    (await repository.findSchedule(db, office.code)) ?? defaultSchedule(office.code, office.officeClass);
  const closures = await repository.closuresFrom(db, office.code, localDate(now, office.zone));
  return {
    template: {
      weekdays: [...schedule.template.weekdays],
      slots: schedule.template.slots.map((s) => ({ start: s.start, end: s.end })),
      capacity: { ...schedule.template.capacity },
    },
    releaseRule: schedule.releaseRule,
    horizonDays: schedule.horizonDays,
    closures,
  };
}

export interface PreviewDay {
  readonly date: string;
  readonly sessions: { start: string; end: string; service: string; capacity: number; releasedAt: string }[];
}

/** The sessions the input would create over the next three weeks; nothing is written. */
export async function previewSchedule(
  db: Database,
  office: ScheduleOffice,
  input: OfficeScheduleInput,
  now: Date,
): Promise<PreviewDay[]> {
  const today = localDate(now, office.zone);
  const until = addDays(today, PREVIEW_DAYS);
  const closed = await closedWith(db, office.code, today, until, input.closures);
  const days: PreviewDay[] = [];
  for (let day = addDays(today, 1); day <= until; day = addDays(day, 1)) {
    const planned = sessionsOn(day, toSchedule(input), office.zone, closed);
    days.push({
      date: day,
      sessions: planned.map((p) => ({
        start: p.startTime,
        end: p.endTime,
        service: p.service,
        capacity: p.capacity,
        releasedAt: p.releasedAt.toISOString(),
      })),
    });
  }
  return days;
}

export async function saveSchedule(
  tx: Database,
  office: ScheduleOffice,
  input: OfficeScheduleInput,
  now: Date,
): Promise<void> {
  const today = localDate(now, office.zone);
  await repository.saveSchedule(tx, office.code, toSchedule(input), now);
  await repository.replaceClosuresFrom(tx, office.code, today, input.closures);
  await repository.dropUnusedSessions(
    tx,
    office.code,
    now,
    input.closures.map((c) => c.date),
  );
}

function toSchedule(input: OfficeScheduleInput): OfficeSchedule {
  return { template: input.template, releaseRule: input.releaseRule, horizonDays: input.horizonDays };
}

async function closedWith(
  db: Database,
  officeCode: string,
  from: string,
  to: string,
  closures: readonly { date: string }[],
): Promise<Set<string>> {
  // National days and the office's past closures stay; the input's closures replace the stored ones
  // from today on.
  const closed = await repository.nationalHolidays(db, addDays(from, -31), to);
  for (const c of await repository.closuresFrom(db, officeCode, addDays(from, -31)))
    if (c.date < from) closed.add(c.date);
  for (const c of closures) closed.add(c.date);
  return closed;
}
