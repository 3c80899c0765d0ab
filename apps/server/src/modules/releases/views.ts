import type { ReleaseProgress, ReleaseRecord, TicketState, TicketView } from '#shared/contracts/releases.ts';
import { estimatedWaitSeconds, seatsLeftIn } from '#shared/release-progress.ts';
import { signAdmission } from './admission.ts';
import type { QueueCounts, TicketRow, WindowRow } from './repository.ts';

/** A window's state as the crowd reads it, refreshed at most once a second per process. */
export interface LiveWindow {
  readonly window: WindowRow;
  readonly counts: QueueCounts;
  /** Free seats per pool in the release's sessions. */
  readonly seatsLeft: Readonly<Record<string, number>>;
  /** The draw key of the ticket at `counts.nextPosition` when the draw placed it; else null. */
  readonly nextDrawKey: string | null;
}

export function seatsLeftFor(live: LiveWindow, pools: readonly string[]): number {
  return seatsLeftIn(live.seatsLeft, pools);
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

export function estimatedWait(
  ahead: number,
  live: LiveWindow,
  pools: readonly string[],
  options: { readonly admitPerSecond: number; readonly admissionMinutes: number },
): number {
  return estimatedWaitSeconds(ahead, seatsLeftFor(live, pools) - live.counts.outstanding, options);
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
    releaseId: window.id,
    pools: [...ticket.pools],
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

export function toReleaseProgress(
  live: LiveWindow,
  rules: { readonly admitPerSecond: number; readonly admissionMinutes: number },
): ReleaseProgress {
  const { window, counts } = live;
  return {
    id: window.id,
    officeCode: window.officeCode,
    releaseAt: window.releaseAt.toISOString(),
    drawnAt: window.drawnAt?.toISOString() ?? null,
    closedAt: window.closedAt?.toISOString() ?? null,
    soldOutAt: window.soldOutAt?.toISOString() ?? null,
    nextPosition: counts.nextPosition,
    lastPosition: window.drawnAt ? window.lastPosition : null,
    seed: window.drawnAt ? window.seed : null,
    drawnTickets: window.drawnTickets,
    nextDrawKey: live.nextDrawKey,
    waiting: counts.waiting,
    outstanding: counts.outstanding,
    seatsLeft: { ...live.seatsLeft },
    admitPerSecond: rules.admitPerSecond,
    admissionMinutes: rules.admissionMinutes,
  };
}
