import { seatsLeftIn } from '#shared/release-progress.ts';
import { whileRunning } from '../../platform/jobs.ts';
import type { ReleasesDeps } from './deps.ts';
import { releaseSeed } from './draw.ts';
import * as repository from './repository.ts';
import type { LiveWindow } from './views.ts';

const MINUTE = 60_000;

export interface WindowGauges {
  readonly officeCode: string;
  readonly releaseAt: Date;
  readonly waiting: number;
  readonly admitted: number;
  readonly outstanding: number;
  readonly seatsLeft: number;
}

/**
 * The waiting rooms' clockwork, run by every server process every RELEASE_TICK_MS: at the release
 * instant the draw; then admissions at the configured rate, never more outstanding than seats left;
 * and the end of the window — sold out, nobody left to admit, or too long past the instant — after
 * which booking is open to all. The window's row lock (draw) and an advisory lock (admissions) keep
 * processes from doing the same work twice.
 */
export function createReleaseWorker(
  deps: ReleasesDeps & {
    readonly seedKey: string;
    seatsLeft(window: repository.WindowRow): Promise<Record<string, number>>;
    /** The window as the crowd reads it, counted at most once a second per process (service.ts). */
    live(windowId: string): Promise<LiveWindow | null>;
  },
) {
  const { db, clock, settings } = deps;
  let last: readonly WindowGauges[] = [];

  async function draw(window: repository.WindowRow): Promise<void> {
    const seats = Object.values(await deps.seatsLeft(window)).reduce((sum, n) => sum + n, 0);
    await db.transaction(async (tx) => {
      const locked = await repository.lockWindow(tx, window.id);
      if (!locked || locked.drawnAt) return;
      const seed = releaseSeed(deps.seedKey, window.id);
      const { tickets, drawn } = await repository.drawPositions(tx, window.id, seed, window.releaseAt);
      await repository.updateWindow(tx, window.id, {
        seed,
        drawnAt: clock.now(),
        seatsReleased: seats,
        drawnTickets: drawn,
        lastPosition: tickets,
      });
    });
  }

  async function admitOrClose(window: repository.WindowRow): Promise<WindowGauges> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const gauges = { officeCode: window.officeCode, releaseAt: window.releaseAt };
      const seatsLeftNow = async () => {
        const pools = await deps.scheduling.seatsReleasedAt(tx, window.officeCode, window.releaseAt);
        return Object.values(pools).reduce((sum, p) => sum + Math.max(0, p.capacity - p.booked), 0);
      };
      // Another process admits this round; the figures for metrics are the crowd's, a second old.
      if (!(await repository.tryAdmissionLock(tx, window.id))) return gaugesOf(window);
      // Under the lock no one else admits. Admissions outstanding are read before the seats left: a
      // booking between the two reads lowers both, so the difference can only come out too small
      // (read the other way round, it came out too large and admitted people to seats already gone).
      const current = (await repository.findWindowById(tx, window.id))!;
      let counts = await repository.queueCounts(tx, window.id, now);
      const left = await seatsLeftNow();
      if (current.closedAt) return { ...gauges, ...counts, seatsLeft: left };
      const expired = now.getTime() >= window.releaseAt.getTime() + settings.windowMaxMinutes * MINUTE;
      const drained = counts.waiting === 0 && counts.outstanding === 0;
      if (left === 0 || expired || drained) {
        await repository.updateWindow(tx, window.id, {
          closedAt: now,
          sold: counts.booked,
          ...(left === 0 ? { soldOutAt: current.soldOutAt ?? now } : {}),
        });
        return { ...gauges, ...counts, seatsLeft: left };
      }
      // The rate is budgeted from the last admission, whichever process made it.
      const since = current.lastAdmissionAt
        ? now.getTime() - current.lastAdmissionAt.getTime()
        : settings.tickMs;
      const budget = Math.ceil((settings.admitPerSecond * Math.min(Math.max(0, since), 1_000)) / 1_000);
      const admit = Math.min(budget, left - counts.outstanding, counts.waiting);
      if (admit > 0) {
        const expiresAt = new Date(now.getTime() + settings.admissionMinutes * MINUTE);
        const admitted = await repository.admitNext(tx, window.id, admit, now, expiresAt);
        await repository.updateWindow(tx, window.id, { lastAdmissionAt: now });
        // Counted once a tick: counting every ticket again is the costliest statement the worker runs.
        counts = {
          ...counts,
          waiting: counts.waiting - admitted,
          admitted: counts.admitted + admitted,
          outstanding: counts.outstanding + admitted,
        };
      }
      return { ...gauges, ...counts, seatsLeft: left };
    });
  }

  async function gaugesOf(window: repository.WindowRow): Promise<WindowGauges> {
    const live = await deps.live(window.id);
    const seatsLeft = live ? seatsLeftIn(live.seatsLeft, Object.keys(live.seatsLeft)) : 0;
    return {
      officeCode: window.officeCode,
      releaseAt: window.releaseAt,
      waiting: live?.counts.waiting ?? 0,
      admitted: live?.counts.admitted ?? 0,
      outstanding: live?.counts.outstanding ?? 0,
      seatsLeft,
    };
  }

  return {
    async tick(signal?: AbortSignal): Promise<void> {
      const now = clock.now();
      const gauges: WindowGauges[] = [];
      for (const window of whileRunning(await repository.activeWindows(db, now), signal)) {
        if (window.releaseAt > now) {
          gauges.push(await gaugesOf(window));
          continue;
        }
        if (!window.drawnAt) await draw(window);
        const current = (await repository.findWindowById(db, window.id))!;
        if (current.drawnAt && !current.closedAt) gauges.push(await admitOrClose(current));
      }
      // A tick cut short by the app closing saw only some windows: keep the last whole picture.
      if (!signal?.aborted) last = gauges;
    },
    gauges: () => last,
  };
}
