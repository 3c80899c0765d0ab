import type { OfficeReleases, TicketState } from '#shared/contracts/releases.ts';

/**
 * The waiting room's decisions, kept pure so they are tested without a browser: whether an office's
 * release gates booking now, how often a ticket is read, and what a ticket's state says.
 */

export type ReleasePhase =
  /** No release ahead, or one under way without a queue: the slot list, open to all. */
  | { kind: 'none' }
  /** A release is scheduled but its queue is not open yet: the slot list, with a note. */
  | { kind: 'upcoming'; releaseAt: string; queueOpensAt: string; seats: number }
  /** The queue is open, or the release's window runs: the waiting room comes first. */
  | { kind: 'queue'; releaseAt: string; queueOpensAt: string; seats: number };

export function releasePhase(releases: OfficeReleases, nowMs: number): ReleasePhase {
  const { next } = releases;
  if (!next) return { kind: 'none' };
  const releaseAt = Date.parse(next.releaseAt);
  if (nowMs < Date.parse(next.queueOpensAt)) return { kind: 'upcoming', ...next };
  if (nowMs < releaseAt) return { kind: 'queue', ...next };
  // Past the instant only a window that exists and has not closed gates the release's sessions; a
  // release that came with nobody queued is open to all (the server creates no window after the fact).
  const window = releases.releases.find((r) => Date.parse(r.releaseAt) === releaseAt);
  return window && !window.closedAt ? { kind: 'queue', ...next } : { kind: 'none' };
}

/** The states after which the ticket never changes again: polling stops. */
export function isFinal(state: TicketState): boolean {
  return state === 'BOOKED' || state === 'SOLD_OUT' || state === 'CLOSED' || state === 'EXPIRED';
}

const MIN_MS = 500;
const MAX_MS = 5_000;

/**
 * Milliseconds until the ticket is read again, or null to stop. A third of the estimated wait, held
 * between 0.5 s and 5 s: often near the front, rarely at the back. Before the draw, the time left to
 * the release instant under the same bounds, so the place shows soon after it. Up to 20 % jitter keeps
 * thousands of phones that opened together from asking together at every step.
 */
export function pollDelayMs(
  ticket: { state: TicketState; estimatedWaitSeconds: number | null; releaseAt: string },
  nowMs: number,
  random: () => number = Math.random,
): number | null {
  if (isFinal(ticket.state)) return null;
  const base =
    ticket.state === 'WAITING_FOR_DRAW'
      ? Date.parse(ticket.releaseAt) - nowMs
      : ticket.estimatedWaitSeconds === null
        ? MAX_MS
        : (ticket.estimatedWaitSeconds * 1000) / 3;
  const bounded = Math.min(MAX_MS, Math.max(MIN_MS, base));
  return Math.round(bounded * (1 + 0.2 * random()));
}

/** After failed reads (network, server busy): 1 s, 2 s, 4 s … up to 30 s, with the same jitter. */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (1 + 0.2 * random()));
}

export type TicketMessageKey = `release.state.${TicketState}`;

/** The plain-language sentence for a state (texts in i18n/applicant-release-messages.ts). */
export function ticketMessageKey(state: TicketState): TicketMessageKey {
  return `release.state.${state}`;
}

/** A place or a count of people ahead as shown: a dash until known, `± n` when estimated from the draw keys. */
export function figureText(n: number | null, approximate = false): string {
  if (n === null) return '—';
  return approximate ? `± ${n}` : String(n);
}

/** An estimated wait as words: seconds under a minute, else whole minutes rounded up. */
export function waitText(seconds: number): {
  key: 'release.wait.seconds' | 'release.wait.minutes';
  n: number;
} {
  if (seconds < 60) return { key: 'release.wait.seconds', n: Math.max(1, Math.ceil(seconds)) };
  return { key: 'release.wait.minutes', n: Math.ceil(seconds / 60) };
}

/** What the server's clock may read minus the phone's, as an interval narrowed by every answer. */
export interface ClockOffset {
  lo: number;
  hi: number;
}

/**
 * The `Date` header is whole seconds, stamped while the server handled the request: the server's
 * time lay in [date, date + 1 s) at some device instant in [sent, received]. Each answer bounds the
 * offset; intersecting them narrows it to well under a second within a few polls. Disjoint bounds mean
 * the phone's clock was set meanwhile: start again from the new answer.
 */
export function narrowOffset(
  previous: ClockOffset | null,
  sample: { date: string | null; sentAt: number; receivedAt: number },
): ClockOffset | null {
  const date = sample.date ? Date.parse(sample.date) : NaN;
  if (Number.isNaN(date)) return previous;
  const next = { lo: date - sample.receivedAt, hi: date + 1_000 - sample.sentAt };
  if (!previous) return next;
  const lo = Math.max(previous.lo, next.lo);
  const hi = Math.min(previous.hi, next.hi);
  return lo <= hi ? { lo, hi } : next;
}

export const offsetMs = (offset: ClockOffset | null) => (offset ? (offset.lo + offset.hi) / 2 : 0);

export type BookingStep = 'loading' | 'slots' | 'waiting' | 'admitted' | 'ended' | 'booked';

/**
 * What the office screen shows. A ticket's state decides first; without one, the release's phase (or a
 * submit refused with ADMISSION_REQUIRED, `gated`) puts the waiting room before the slot list.
 */
export function bookingStep(input: {
  phase: ReleasePhase['kind'] | null;
  ticket: TicketState | null;
  /** A kept ticket is being read: wait for it rather than flash the slot list. */
  ticketPending: boolean;
  gated: boolean;
  /** After SOLD_OUT or EXPIRED the user asked for the other dates. */
  otherDates: boolean;
}): BookingStep {
  switch (input.ticket) {
    case 'ADMITTED':
      return 'admitted';
    case 'BOOKED':
      return 'booked';
    case 'CLOSED':
      return 'slots';
    case 'SOLD_OUT':
    case 'EXPIRED':
      return input.otherDates ? 'slots' : 'ended';
    case 'WAITING_FOR_DRAW':
    case 'QUEUED':
      return 'waiting';
    case null:
      if (input.ticketPending) return 'loading';
      if (input.gated || input.phase === 'queue') return 'waiting';
      return input.phase === null ? 'loading' : 'slots';
  }
}
