import { addDays, weekday } from './local-time.ts';

/**
 * Government working days: Monday to Friday, not a national holiday or collective leave, not a day
 * the office declared closed (apps/server/reference/README.md §3: Kanim are closed on both).
 */
export type ClosedDays = ReadonlySet<string>;

export function isWorkingDay(date: string, closed: ClosedDays): boolean {
  return weekday(date) <= 5 && !closed.has(date);
}

/** The date `count` working days after `date` (the passport's ready date is 3 working days on). */
export function addWorkingDays(date: string, count: number, closed: ClosedDays): string {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, closed)) left--;
  }
  return day;
}

/** The last working day of the month before the one `date` falls in. */
export function lastWorkingDayBefore(firstOfMonth: string, closed: ClosedDays): string {
  let day = addDays(firstOfMonth, -1);
  while (!isWorkingDay(day, closed)) day = addDays(day, -1);
  return day;
}
