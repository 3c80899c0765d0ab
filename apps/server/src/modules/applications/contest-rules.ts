import type { ApplicationStatus } from '#shared/statuses.ts';

/**
 * Contesting a rejection (keberatan, issue 16) as administrative law has it: UU 30/2014 tentang
 * Administrasi Pemerintahan, Pasal 77 ayat (1) — an objection is filed within 21 working days of the
 * decision; ayat (4) — the authority settles it within 10 working days. Once per application here: the
 * next remedy is the appeal to the superior (Pasal 78), outside this system.
 */
export const contestRule = {
  fileWithinWorkingDays: 21,
  decideWithinWorkingDays: 10,
  source: 'UU 30/2014 tentang Administrasi Pemerintahan, Pasal 77 ayat (1) dan (4)',
} as const;

/** The statuses a rejection can come from, and so the ones an overturned contest reopens. */
export const reopenableStatuses = ['CHECKED_IN', 'VERIFIED', 'INTERVIEWED'] as const;
export type ReopenableStatus = (typeof reopenableStatuses)[number];

export interface HistoryEntry {
  readonly status: string;
  readonly at: Date;
  readonly actor: string;
}

export interface Rejection {
  readonly from: ReopenableStatus;
  /** `OFFICER:<username>` or `SYSTEM` (missing documents not brought in time). */
  readonly by: string;
  readonly at: Date;
}

/** The rejection in an application's history (oldest first): the step it left and who decided it. */
export function rejectionIn(history: readonly HistoryEntry[]): Rejection | null {
  const index = history.findLastIndex((h) => h.status === 'REJECTED');
  if (index < 1) return null;
  const rejected = history[index]!;
  const before = history
    .slice(0, index)
    .reverse()
    .find((h) => h.status !== 'REJECTED');
  const from = before?.status as ApplicationStatus | undefined;
  if (!from || !(reopenableStatuses as readonly string[]).includes(from)) return null;
  return { from: from as ReopenableStatus, by: rejected.actor, at: rejected.at };
}

/** Four eyes: the officer who rejected never decides the objection to their own decision. */
export function mayDecideContest(username: string, rejectedBy: string): boolean {
  return rejectedBy !== `OFFICER:${username}`;
}
