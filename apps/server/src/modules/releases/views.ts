import type { ReleaseRecord, TicketState, TicketView } from '#shared/contracts/releases.ts';
import { signAdmission } from './admission.ts';
import type { QueueCounts, TicketRow, WindowRow } from './repository.ts';

/** A window's state as the crowd reads it, refreshed at most once a second per process. */
export interface LiveWindow {
  readonly window: WindowRow;
  readonly counts: QueueCounts;
  /** Free seats per pool in the release's sessions. */
  readonly seatsLeft: Readonly<Record<string, number>>;
}

export function seatsLeftFor(live: LiveWindow, pools: readonly string[]): number {
  return pools.reduce((sum, pool) => sum + Math.max(0, live.seatsLeft[pool] ?? 0), 0);
}

/** What a ticket's holder sees; the order of the checks is the order of what matters to them. */
export function ticketState(ticket: TicketRow, live: LiveWindow, now: Date): TicketState {
  if (ticket.bookedAt) return 'BOOKED';
  if (seatsLeftFor(live, ticket.pools) === 0 && live.window.drawnAt) return 'SOLD_OUT';
  if (ticket.admissionExpiresAt) return ticket.admissionExpiresAt > now ? 'ADMITTED' : 'EXPIRED';
  if (live.window.closedAt) return live.window.soldOutAt ? 'SOLD_OUT' : 'CLOSED';
  return ticket.position === null ? 'WAITING_FOR_DRAW' : 'QUEUED';
}

export function toTicketView(
  ticket: TicketRow,
  live: LiveWindow,
  now: Date,
  options: {
    readonly admissionKey: string;
    readonly admitPerSecond: number;
    readonly admissionMinutes: number;
  },
): TicketView {
  const { counts } = live;
  const state = ticketState(ticket, live, now);
  const queued = state === 'QUEUED' && ticket.position !== null;
  const ahead = queued ? Math.max(0, ticket.position! - (counts.nextPosition ?? ticket.position!)) : null;
  return {
    ...ticketFacts(ticket, live, state, ahead, options),
    estimatedWaitSeconds: ahead === null ? null : estimatedWait(ahead, live, ticket.pools, options),
  };
}

/**
 * Seconds until this place is admitted. Within the seats not yet promised, only the admission rate
 * holds it back. Beyond them, only an admission that lapses unused frees a place: that takes up to an admission's lifetime, so that is the honest answer (and the app,
 * polling at a third of it, stops hammering the server for a seat that is not there).
 */
export function estimatedWait(
  ahead: number,
  live: LiveWindow,
  pools: readonly string[],
  options: { readonly admitPerSecond: number; readonly admissionMinutes: number },
): number {
  const unpromised = seatsLeftFor(live, pools) - live.counts.outstanding;
  if (ahead >= unpromised) return options.admissionMinutes * 60;
  return Math.ceil(ahead / options.admitPerSecond);
}

function ticketFacts(
  ticket: TicketRow,
  live: LiveWindow,
  state: TicketState,
  ahead: number | null,
  options: { readonly admissionKey: string },
): Omit<TicketView, 'estimatedWaitSeconds'> {
  const { window } = live;
  return {
    id: ticket.id,
    officeCode: window.officeCode,
    applicationId: ticket.applicationId,
    releaseAt: window.releaseAt.toISOString(),
    queueOpensAt: window.opensAt.toISOString(),
    joinedAt: ticket.joinedAt.toISOString(),
    state,
    position: ticket.position,
    ahead,
    seatsLeft: seatsLeftFor(live, ticket.pools),
    admission:
      state === 'ADMITTED'
        ? {
            token: signAdmission(options.admissionKey, {
              ticketId: ticket.id,
              expiresAt: ticket.admissionExpiresAt!,
            }),
            expiresAt: ticket.admissionExpiresAt!.toISOString(),
          }
        : null,
    seedHash: window.seedHash,
  };
}

export function toReleaseRecord(window: WindowRow, counts: QueueCounts): ReleaseRecord {
  const soldOutAfter = window.soldOutAt
    ? (window.soldOutAt.getTime() - window.releaseAt.getTime()) / 1000
    : null;
  return {
    id: window.id,
    officeCode: window.officeCode,
    releaseAt: window.releaseAt.toISOString(),
    queueOpensAt: window.opensAt.toISOString(),
    seedHash: window.seedHash,
    seed: window.seed,
    drawnAt: window.drawnAt?.toISOString() ?? null,
    seatsReleased: window.seatsReleased,
    tickets: counts.tickets,
    drawnTickets: window.drawnTickets,
    admitted: counts.admitted,
    sold: counts.booked,
    soldOutAt: window.soldOutAt?.toISOString() ?? null,
    secondsToSellOut: soldOutAfter,
    closedAt: window.closedAt?.toISOString() ?? null,
  };
}
