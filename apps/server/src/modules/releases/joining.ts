import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../../db/errors.ts';
import type { ReleasesDeps } from './deps.ts';
import { releaseSeed, seedCommitment } from './draw.ts';
import { nikTaken, notOpen } from './problems.ts';
import * as repository from './repository.ts';

const MINUTE = 60_000;

/** What joining needs of an application: whose NIK it is and which seat pools it may book. */
export interface QueueEntry {
  readonly nik: string;
  readonly pools: readonly string[];
}

/** Opening a release's waiting room on first need, and joining it (service.ts `join`). */
export function createJoining(deps: ReleasesDeps & { readonly seedKey: string }) {
  const { db, clock, settings, seedKey } = deps;

  /** The window of the office's release whose queue is open now, created on first need. */
  async function openWindow(officeCode: string): Promise<repository.WindowRow> {
    const now = clock.now();
    const lead = settings.leadMinutes * MINUTE;
    const from = new Date(now.getTime() - settings.windowMaxMinutes * MINUTE);
    const releases = await deps.scheduling.releases(officeCode, from, new Date(now.getTime() + lead + 1));
    for (const { releaseAt } of releases) {
      // A release already under way without a queue stays open to all: a late joiner must not gate it.
      const window =
        (await repository.findWindow(db, officeCode, releaseAt)) ??
        (releaseAt > now
          ? await createWindow(officeCode, releaseAt, new Date(releaseAt.getTime() - lead))
          : null);
      if (window && !window.closedAt) return window;
    }
    const [next] = await deps.scheduling.releases(
      officeCode,
      now,
      new Date(now.getTime() + 62 * 24 * 60 * MINUTE),
    );
    throw notOpen(next ? new Date(next.releaseAt.getTime() - lead) : null);
  }

  function createWindow(officeCode: string, releaseAt: Date, opensAt: Date) {
    const id = randomUUID();
    const seedHash = seedCommitment(releaseSeed(seedKey, id));
    return repository.ensureWindow(db, {
      id,
      officeCode,
      releaseAt,
      opensAt,
      seedHash,
      createdAt: clock.now(),
    });
  }

  /** One join in one transaction; null when the window was drawn while this join waited to share it. */
  function joinWindow(
    window: repository.WindowRow,
    accountId: string,
    applicationId: string,
    entry: QueueEntry,
    lock: 'share' | 'update',
  ) {
    return db.transaction(async (tx) => {
      const locked = (await repository.lockWindow(tx, window.id, lock))!;
      if (lock === 'share' && locked.drawnAt) return null;
      const held = await repository.ticketsOf(tx, window.id, { accountId, nik: entry.nik });
      const mine = held.find((t) => t.accountId === accountId);
      if (mine) return { ticket: mine, created: false };
      if (held.length > 0) throw nikTaken();
      const position = locked.drawnAt ? await repository.nextPosition(tx, window.id) : null;
      const ticket = await repository.insertTicket(tx, {
        windowId: window.id,
        accountId,
        nik: entry.nik,
        applicationId,
        pools: [...entry.pools],
        joinedAt: clock.now(),
        position,
      });
      return { ticket, created: true };
    });
  }

  return {
    openWindow,
    /**
     * Before the draw joins share the window's lock (the draw alone takes it whole); after it, each
     * takes the next place in turn. Two joins of one account or NIK at once: the second, its insert
     * refused, goes again in turn and meets the first one's ticket.
     */
    async join(window: repository.WindowRow, accountId: string, applicationId: string, entry: QueueEntry) {
      const first = await joinWindow(
        window,
        accountId,
        applicationId,
        entry,
        window.drawnAt ? 'update' : 'share',
      ).catch((error: unknown) => {
        if (isUniqueViolation(error)) return null;
        throw error;
      });
      return first ?? (await joinWindow(window, accountId, applicationId, entry, 'update'))!;
    },
  };
}
