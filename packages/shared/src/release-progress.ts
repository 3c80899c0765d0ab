import type { ReleaseProgress, TicketView } from './contracts/releases.ts';

/**
 * A waiting ticket seen through its release's public progress (issue 14), the same way on the server,
 * in the app and in the benchmark's clients, so a crowd need not read each ticket every few seconds.
 */

export function seatsLeftIn(seatsLeft: Readonly<Record<string, number>>, pools: readonly string[]): number {
  return pools.reduce((sum, pool) => sum + Math.max(0, seatsLeft[pool] ?? 0), 0);
}

/**
 * Seconds until a place is admitted. Within the seats not yet promised, only the admission rate holds
 * it back. Beyond them, only an admission that lapses unused frees a place: that takes up to an
 * admission's lifetime, so that is the honest answer (and the app, polling at a third of it, stops
 * asking often for a seat that is not there).
 */
export function estimatedWaitSeconds(
  ahead: number,
  unpromisedSeats: number,
  rules: { readonly admitPerSecond: number; readonly admissionMinutes: number },
): number {
  if (ahead >= unpromisedSeats) return rules.admissionMinutes * 60;
  return Math.ceil(ahead / rules.admitPerSecond);
}

export type FollowedTicket = Pick<
  TicketView,
  'state' | 'position' | 'ahead' | 'estimatedWaitSeconds' | 'seatsLeft'
> & {
  /** The place and the people ahead are estimated from the draw keys, not read. */
  readonly approximate: boolean;
};

/** A ticket as the phone last knew it, with its draw key once the seed is out (SHA-256(seed:id), hex). */
export type KnownTicket = Pick<TicketView, 'state' | 'position' | 'pools' | 'joinedAt' | 'releaseAt'> & {
  readonly drawKey?: string | null;
};

/**
 * Only at the very front is the exact place worth a read. Reading it within seconds of admissions
 * made everyone in the release's first seconds of seats read their ticket at once (5,000 of 10,000 at
 * 1,000 admissions/s), and those reads held back the admitted people's own reads of their admission.
 */
const EXACT_WITHIN_PLACES = 50;

/**
 * What a ticket last read as waiting or queued shows now, from the progress alone; or null when only
 * the ticket itself can tell — its turn has come (admitted, perhaps already booked or lapsed), it is
 * near the front and its exact place is wanted, or the waiting room has ended — and it must be read.
 *
 * A ticket drawn at the instant learns whether its turn came without reading its place: admission goes
 * by place, places by draw key, so a key below `nextDrawKey` has had its turn. Keys are SHA-256 and so
 * spread evenly: the share of keys between the next one and its own, times the places after the next,
 * estimates the people ahead.
 */
export function ticketProgress(ticket: KnownTicket, progress: ReleaseProgress): FollowedTicket | null {
  if (ticket.state !== 'WAITING_FOR_DRAW' && ticket.state !== 'QUEUED') return null;
  const seatsLeft = seatsLeftIn(progress.seatsLeft, ticket.pools);
  if (progress.closedAt) return soldOutUnread(ticket, progress, seatsLeft);
  if (!progress.drawnAt) {
    return ticket.position === null
      ? { ...unplaced('WAITING_FOR_DRAW', seatsLeft), approximate: false }
      : null;
  }
  if (ticket.position !== null) {
    if (progress.nextPosition === null || ticket.position < progress.nextPosition) return null;
    if (seatsLeft === 0) return { ...unplaced('SOLD_OUT', seatsLeft), approximate: false };
    return queued(ticket.position, ticket.position - progress.nextPosition, seatsLeft, progress, false);
  }
  const next = progress.nextDrawKey;
  const drawn = ticket.joinedAt < progress.releaseAt && ticket.drawKey;
  if (!drawn || !next || progress.nextPosition === null || ticket.drawKey! <= next) return null;
  if (seatsLeft === 0) return { ...unplaced('SOLD_OUT', seatsLeft), approximate: true };
  const behind = (progress.drawnTickets ?? 0) - progress.nextPosition;
  const share = (fraction(ticket.drawKey!) - fraction(next)) / (1 - fraction(next));
  const ahead = Math.min(behind, Math.max(1, Math.round(share * behind)));
  if (ahead < EXACT_WITHIN_PLACES) return null;
  return queued(progress.nextPosition + ahead, ahead, seatsLeft, progress, true);
}

/**
 * The room ended. Sold out, a ticket whose turn never came is SOLD_OUT, and the crowd behind the last
 * seat need not all read their tickets at that one moment; any other ending is read (CLOSED, or an
 * admission that may have booked).
 */
function soldOutUnread(ticket: KnownTicket, progress: ReleaseProgress, seatsLeft: number) {
  if (!progress.soldOutAt || seatsLeft > 0 || progress.nextPosition === null) return null;
  const waiting =
    ticket.position !== null
      ? ticket.position >= progress.nextPosition
      : !!ticket.drawKey &&
        !!progress.nextDrawKey &&
        ticket.joinedAt < progress.releaseAt &&
        ticket.drawKey > progress.nextDrawKey;
  return waiting ? { ...unplaced('SOLD_OUT', seatsLeft), approximate: ticket.position === null } : null;
}

function unplaced(state: 'WAITING_FOR_DRAW' | 'SOLD_OUT', seatsLeft: number) {
  return { state, position: null, ahead: null, estimatedWaitSeconds: null, seatsLeft };
}

function queued(
  position: number,
  ahead: number,
  seatsLeft: number,
  progress: ReleaseProgress,
  approximate: boolean,
): FollowedTicket {
  const wait = estimatedWaitSeconds(ahead, seatsLeft - progress.outstanding, progress);
  return { state: 'QUEUED', position, ahead, estimatedWaitSeconds: wait, seatsLeft, approximate };
}

/** A hex key as a number in [0, 1) (its first 48 bits are plenty to estimate a place). */
function fraction(hexKey: string): number {
  return Number.parseInt(hexKey.slice(0, 12), 16) / 2 ** 48;
}
