import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketView } from '#shared/contracts/releases.ts';
import { ApiError } from '../api/client.ts';
import { ticketProgress } from '#shared/release-progress.ts';
import { readProgress, readTicket } from './api.ts';
import { pollDelayMs, retryDelayMs } from './logic.ts';
import type { ServerClock } from './useServerClock.ts';

/**
 * Follows a ticket: reads it again after `pollDelayMs` (sooner near the front, never more than every
 * 0.5 s), backs off when reads fail, stops at a final state, and reads at once when the phone wakes
 * the page up again. A 404 means the ticket is not there any more (another account, data reset).
 */
export function useTicket(officeCode: string, { now, sample }: Pick<ServerClock, 'now' | 'sample'>) {
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [ticket, setTicket] = useState<FollowedView | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** The ticket as the server last answered it. */
  const latest = useRef<TicketView | null>(null);

  useEffect(() => {
    if (!ticketId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let failures = 0;
    const schedule = (delay: number | null) => {
      clearTimeout(timer);
      if (delay !== null && !stopped) timer = setTimeout(() => void read(), delay);
    };
    const show = (view: FollowedView) => {
      failures = 0;
      setTicket(view);
      setError(null);
      schedule(pollDelayMs(view, now()));
    };
    const read = async () => {
      try {
        // Followed from the ticket as last read, never from an estimate shown since.
        const followed = await followProgress(
          officeCode,
          latest.current?.id === ticketId ? latest.current : null,
        );
        if (stopped) return;
        if (followed) return show(followed);
        const { body, clock } = await readTicket(officeCode, ticketId);
        if (stopped) return;
        sample(clock);
        latest.current = body;
        show(body);
      } catch (caught) {
        if (stopped) return;
        setError(caught);
        if (caught instanceof ApiError && (caught.status === 404 || caught.status === 401)) return;
        schedule(retryDelayMs(++failures));
      }
    };
    // A ticket just answered by join needs no second read at once.
    const known = latest.current?.id === ticketId ? latest.current : null;
    if (known) schedule(pollDelayMs(known, now()));
    else void read();
    const wake = () => {
      if (document.visibilityState === 'visible') void read();
    };
    document.addEventListener('visibilitychange', wake);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', wake);
    };
  }, [officeCode, ticketId, now, sample]);

  /** Starts following a ticket, from join's answer or from the id kept on the phone. */
  const follow = useCallback((id: string, known?: TicketView) => {
    if (known) {
      latest.current = known;
      setTicket(known);
    }
    setTicketId(id);
  }, []);
  return { ticketId, ticket, error, follow };
}

/** A ticket as shown: read, or followed through the progress (then perhaps with an estimated place). */
export type FollowedView = TicketView & { readonly approximate?: boolean };

/**
 * A waiting ticket as the release's public progress shows it, or null when the ticket itself must be
 * read (its turn came, it is near the front, the waiting room ended): the crowd's refreshes cost the
 * server one cached answer a second, not a read of every ticket.
 */
async function followProgress(officeCode: string, known: TicketView | null): Promise<FollowedView | null> {
  if (!known?.releaseId || (known.state !== 'WAITING_FOR_DRAW' && known.state !== 'QUEUED')) return null;
  const progress = await readProgress(officeCode, known.releaseId);
  const drawKey = progress.seed ? await drawKeyOf(progress.seed, known.id) : null;
  const followed = ticketProgress({ ...known, drawKey }, progress);
  return followed && { ...known, ...followed };
}

/** SHA-256(seed:ticket id) as lowercase hex: the ticket's key in the draw (server releases/draw.ts). */
async function drawKeyOf(seed: string, ticketId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${seed}:${ticketId}`));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
