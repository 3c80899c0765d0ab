import type { OfficeScheduleInput } from '#shared/contracts/officer.ts';

/** Pure edits of an office schedule draft; the server validates the whole on preview and save. */
export type Schedule = OfficeScheduleInput;
export type ReleaseRule = Schedule['releaseRule'];
export type Slot = Schedule['template']['slots'][number];
export const pools = ['REGULAR', 'EXPRESS', 'PRIORITY'] as const;
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const releaseKinds = ['WEEKLY', 'MONTHLY', 'ROLLING'] as const;

export function toggleWeekday(days: readonly number[], day: number, on: boolean): number[] {
  const rest = days.filter((d) => d !== day);
  return (on ? [...rest, day] : rest).sort((a, b) => a - b);
}

const pad = (n: number) => String(n).padStart(2, '0');
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (total: number) => `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`;

/** The next hour after the last slot (08:00–09:00 for an empty day), as long as the day has room. */
export function nextSlot(slots: readonly Slot[]): Slot | null {
  const last = slots.at(-1);
  const start = last ? minutes(last.end) : 8 * 60;
  if (start + 60 > 24 * 60 - 1) return null;
  return { start: clock(start), end: clock(start + 60) };
}

export function sortSlots(slots: readonly Slot[]): Slot[] {
  return [...slots].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

/** A rule of another kind, keeping the release time the admin already chose. */
export function releaseRuleOf(kind: ReleaseRule['kind'], previous: ReleaseRule): ReleaseRule {
  const time = previous.time;
  switch (kind) {
    case 'WEEKLY':
      return { kind, weekday: previous.kind === 'WEEKLY' ? previous.weekday : 1, time };
    case 'MONTHLY':
      return { kind, time };
    case 'ROLLING':
      return { kind, daysAhead: previous.kind === 'ROLLING' ? previous.daysAhead : 14, time };
  }
}

export function addClosure(
  closures: Schedule['closures'],
  date: string,
  reason: string,
): Schedule['closures'] {
  const rest = closures.filter((c) => c.date !== date);
  return [...rest, { date, reason: reason.trim() }].sort((a, b) => a.date.localeCompare(b.date));
}
