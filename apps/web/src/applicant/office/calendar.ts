import type { Session } from '../api/types.ts';

export type DayState = 'available' | 'full';

/** Days with released sessions, each free (a seat left somewhere) or full, in date order. */
export function calendarDays(sessions: readonly Session[]): { date: string; state: DayState }[] {
  const byDate = new Map<string, DayState>();
  for (const session of sessions) {
    if (session.available > 0) byDate.set(session.date, 'available');
    else if (!byDate.has(session.date)) byDate.set(session.date, 'full');
  }
  return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, state]) => ({ date, state }));
}
