import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketView } from '#shared/contracts/releases.ts';
import { ApiError } from '../api/client.ts';
import { readTicket } from './api.ts';
import { pollDelayMs, retryDelayMs } from './logic.ts';
import type { ServerClock } from './useServerClock.ts';

/**
 * Follows a ticket: reads it again after `pollDelayMs` (sooner near the front, never more than every
 * 0.5 s), backs off when reads fail, stops at a final state, and reads at once when the phone wakes
 * the page up again. A 404 means the ticket is not there any more (another account, data reset).
 */
export function useTicket(officeCode: string, { now, sample }: Pick<ServerClock, 'now' | 'sample'>) {
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<unknown>(null);
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
    const read = async () => {
      try {
        const { body, clock } = await readTicket(officeCode, ticketId);
        if (stopped) return;
        sample(clock);
        failures = 0;
        latest.current = body;
        setTicket(body);
        setError(null);
        schedule(pollDelayMs(body, now()));
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
