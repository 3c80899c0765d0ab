import type { LiveQueue } from '#shared/contracts/officer-releases.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import * as repository from './repository.ts';

/** Enough windows to hold every queue of an office still running (at most a couple overlap). */
const WINDOWS_READ = 5;

/**
 * The queues of an office running now, as its officers watch them (issue 14 item 4): read afresh on
 * every call, not through the crowd's one-second cache, since a handful of officers poll it.
 */
export async function liveQueuesOf(
  deps: {
    readonly db: Database;
    readonly clock: Clock;
    seatsLeft(window: repository.WindowRow): Promise<Record<string, number>>;
  },
  officeCode: string,
): Promise<LiveQueue[]> {
  const now = deps.clock.now();
  const windows = await repository.windowsOfOffice(deps.db, officeCode, WINDOWS_READ);
  const running = windows.filter((w) => !w.closedAt && w.opensAt <= now).reverse();
  return Promise.all(
    running.map(async (window) => {
      const counts = await repository.queueCounts(deps.db, window.id, now);
      const seats = Object.values(await deps.seatsLeft(window));
      return {
        releaseId: window.id,
        releaseAt: window.releaseAt.toISOString(),
        drawn: window.drawnAt !== null,
        tickets: counts.tickets,
        waiting: counts.waiting,
        admitted: counts.admitted,
        outstanding: counts.outstanding,
        booked: counts.booked,
        seatsLeft: seats.reduce((sum, n) => sum + Math.max(0, n), 0),
        nextPosition: counts.nextPosition,
        admittedLastMinute: counts.admittedLastMinute,
      };
    }),
  );
}
