import type { QueueEntry } from '#shared/contracts/officer.ts';

export interface SessionGroup {
  start: string;
  end: string;
  entries: QueueEntry[];
}

/** The day's queue by arrival session, earliest first; within a session by application number. */
export function groupBySession(entries: readonly QueueEntry[], search = ''): SessionGroup[] {
  const needle = search.trim().toUpperCase();
  const shown = needle ? entries.filter((e) => e.number.toUpperCase().includes(needle)) : entries;
  const sorted = [...shown].sort(
    (a, b) =>
      a.sessionStart.localeCompare(b.sessionStart) ||
      a.sessionEnd.localeCompare(b.sessionEnd) ||
      a.number.localeCompare(b.number),
  );
  const groups: SessionGroup[] = [];
  for (const entry of sorted) {
    const last = groups.at(-1);
    if (last && last.start === entry.sessionStart && last.end === entry.sessionEnd) last.entries.push(entry);
    else groups.push({ start: entry.sessionStart, end: entry.sessionEnd, entries: [entry] });
  }
  return groups;
}
