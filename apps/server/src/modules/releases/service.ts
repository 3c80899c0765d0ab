import {
  releaseProgressSchema,
  type OfficeReleases,
  type ReleaseRecord,
  type TicketView,
} from '#shared/contracts/releases.ts';
import type { Database } from '../../db/database.ts';
import { publishJson, type PublishedJson } from '../../platform/conditional-get.ts';
import { DomainError } from '../../platform/errors.ts';
import { deriveKey } from '../../platform/secrets.ts';
import { readAdmission } from './admission.ts';
import type { ReleasesDeps } from './deps.ts';
import { drawKey } from './draw.ts';
import { admissionRequired, productNotOffered } from './problems.ts';
import { liveQueuesOf } from './office-view.ts';
import * as repository from './repository.ts';
import { createJoining } from './joining.ts';
import { toReleaseProgress, toReleaseRecord, toTicketView, type LiveWindow } from './views.ts';
import { createReleaseWorker } from './worker.ts';

const MINUTE = 60_000;
/** Availability may be a second stale (issue 14); a crowd polling its tickets reads this. */
const LIVE_MS = 1_000;
const RECORDS_SHOWN = 20;

export function createReleasesService(deps: ReleasesDeps) {
  const { db, clock, settings } = deps;
  const seedKey = deriveKey(deps.key, 'release-seed');
  const admissionKey = deriveKey(deps.key, 'release-admission');
  const live = new Map<string, { at: number; value: Promise<LiveWindow | null> }>();
  const published = new WeakMap<LiveWindow, PublishedJson>();
  const gates = new Map<string, { at: number; value: Promise<repository.WindowRow | undefined> }>();

  /**
   * A window with its counts and seats, shared by everyone polling in the same second: a crowd's
   * ticket read costs the ticket's own row and nothing else. A draw or the end of the window shows
   * within that second (the worker acts every RELEASE_TICK_MS anyway).
   */
  function liveWindow(windowId: string, outdated?: Promise<LiveWindow | null>): Promise<LiveWindow | null> {
    const cached = live.get(windowId);
    const usable = cached && (outdated ? cached.value !== outdated : performance.now() - cached.at < LIVE_MS);
    if (usable) return cached.value;
    const value = readLive(windowId).catch((error: unknown) => {
      if (live.get(windowId)?.value === value) live.delete(windowId);
      throw error;
    });
    if (live.size > 1_000) live.clear();
    live.set(windowId, { at: performance.now(), value });
    return value;
  }

  async function readLive(windowId: string): Promise<LiveWindow | null> {
    const window = await repository.findWindowById(db, windowId);
    if (!window) return null;
    const counts = await repository.queueCounts(db, window.id, clock.now());
    return {
      window,
      counts,
      seatsLeft: await seatsLeft(window),
      nextDrawKey: await nextDrawKey(window, counts),
    };
  }

  /** Lets a phone that knows the seed tell, from its own draw key, whether its turn has come. */
  async function nextDrawKey(window: repository.WindowRow, counts: repository.QueueCounts) {
    const next = counts.nextPosition;
    if (!window.seed || next === null || next > (window.drawnTickets ?? 0)) return null;
    const id = await repository.ticketAt(db, window.id, next);
    return id && drawKey(window.seed, id);
  }

  async function seatsLeft(window: repository.WindowRow): Promise<Record<string, number>> {
    const at = window.releaseAt;
    const [release] = await deps.scheduling.releases(window.officeCode, at, new Date(at.getTime() + 1));
    const left: Record<string, number> = {};
    for (const [pool, seats] of Object.entries(release?.pools ?? {}))
      left[pool] = seats.capacity - seats.booked;
    return left;
  }

  async function view(ticket: repository.TicketRow, current?: LiveWindow): Promise<TicketView> {
    return toTicketView(ticket, current ?? (await liveWindow(ticket.windowId))!, clock.now(), {
      admissionKey,
      admitPerSecond: settings.admitPerSecond,
      admissionMinutes: settings.admissionMinutes,
    });
  }

  /** The window gating a release now, if any: looked up once a second per release and process. */
  function gateOf(officeCode: string, releaseAt: Date): Promise<repository.WindowRow | undefined> {
    const key = `${officeCode}@${releaseAt.toISOString()}`;
    const cached = gates.get(key);
    if (cached && performance.now() - cached.at < LIVE_MS) return cached.value;
    const value = repository.findWindow(db, officeCode, releaseAt);
    if (gates.size > 1_000) gates.clear();
    gates.set(key, { at: performance.now(), value });
    return value;
  }

  const joining = createJoining({ ...deps, seedKey });
  const worker = createReleaseWorker({ ...deps, seedKey, seatsLeft, live: (id) => liveWindow(id) });

  return {
    /** Joins the office's open release queue with a complete draft; joining again answers the same ticket. */
    async join(accountId: string, officeCode: string, applicationId: string) {
      const entry = await deps.drafts().queueEntry(accountId, applicationId);
      const kinds = await deps.offices.capabilitiesOf(officeCode);
      if (!kinds) throw new DomainError({ code: 'NOT_FOUND' });
      if (!kinds.includes(entry.passportKind)) throw productNotOffered();
      const joined = await joining.join(
        await joining.openWindow(officeCode),
        accountId,
        applicationId,
        entry,
      );
      return { ticket: await view(joined.ticket), created: joined.created };
    },

    async ticket(accountId: string, officeCode: string, ticketId: string): Promise<TicketView> {
      const ticket = await repository.findTicket(db, ticketId);
      const kept = ticket ? liveWindow(ticket.windowId) : undefined;
      let current = await kept;
      // The ticket has its place but the window kept was read before the draw: read it again, once
      // for all who notice, so no one sees their place beside the queue as it was before the draw.
      if (ticket && current && ticket.position !== null && !current.window.drawnAt) {
        current = await liveWindow(ticket.windowId, kept);
      }
      if (!ticket || !current || ticket.accountId !== accountId || current.window.officeCode !== officeCode) {
        throw new DomainError({ code: 'NOT_FOUND' });
      }
      return view(ticket, current);
    },

    /**
     * What every ticket of the release has in common, as published text: encoded once per second and
     * process however many phones follow it (views.ts `toReleaseProgress`).
     */
    async progress(officeCode: string, releaseId: string): Promise<PublishedJson> {
      const current = await liveWindow(releaseId);
      if (!current || current.window.officeCode !== officeCode) throw new DomainError({ code: 'NOT_FOUND' });
      let text = published.get(current);
      if (!text) {
        text = publishJson(releaseProgressSchema, toReleaseProgress(current, settings));
        published.set(current, text);
      }
      return text;
    },

    /** The public record of an office's releases, and its next one whose queue has not ended. */
    async releasesOf(officeCode: string): Promise<OfficeReleases> {
      if (!(await deps.offices.capabilitiesOf(officeCode))) throw new DomainError({ code: 'NOT_FOUND' });
      const now = clock.now();
      const windows = await repository.windowsOfOffice(db, officeCode, RECORDS_SHOWN);
      const records = await Promise.all(windows.map((w) => record(w)));
      const from = new Date(now.getTime() - settings.windowMaxMinutes * MINUTE);
      const upcoming = (
        await deps.scheduling.releases(officeCode, from, new Date(now.getTime() + 62 * 24 * 60 * MINUTE))
      ).find((r) => !windows.some((w) => w.releaseAt.getTime() === r.releaseAt.getTime() && w.closedAt));
      const lead = settings.leadMinutes * MINUTE;
      return {
        next: upcoming
          ? {
              releaseAt: upcoming.releaseAt.toISOString(),
              queueOpensAt: new Date(upcoming.releaseAt.getTime() - lead).toISOString(),
              seats: Object.values(upcoming.pools).reduce((sum, p) => sum + p.capacity, 0),
            }
          : null,
        releases: records,
      };
    },

    /** One release's record with its drawn order, to re-check against the published seed. */
    async draw(officeCode: string, releaseId: string) {
      const window = await repository.findWindowById(db, releaseId);
      if (!window || window.officeCode !== officeCode) throw new DomainError({ code: 'NOT_FOUND' });
      const order = window.drawnAt ? await repository.drawnTickets(db, window.id) : [];
      return {
        release: await record(window),
        order: order.map((t) => ({ ticketId: t.ticketId, position: t.position! })),
      };
    },

    /**
     * Submit's gate: while a release's queue runs, its sessions are booked only with an admission of
     * that queue, for that application, not expired and not spent. Answers the ticket to mark as spent
     * with the seat, or null when no queue gates the session.
     */
    async admit(request: {
      officeCode: string;
      releasedAt: Date;
      accountId: string;
      applicationId: string;
      admission: string | undefined;
    }): Promise<string | null> {
      const now = clock.now();
      const window = await gateOf(request.officeCode, request.releasedAt);
      if (!window || window.closedAt || window.opensAt > now) return null;
      const admission = request.admission ? readAdmission(admissionKey, request.admission) : null;
      const ticket = admission && (await repository.findTicket(db, admission.ticketId));
      if (
        !ticket ||
        ticket.windowId !== window.id ||
        ticket.accountId !== request.accountId ||
        ticket.applicationId !== request.applicationId ||
        ticket.bookedAt
      ) {
        throw admissionRequired('MISSING');
      }
      if (!ticket.admissionExpiresAt || ticket.admissionExpiresAt <= now) throw admissionRequired('EXPIRED');
      return ticket.id;
    },

    /** Admissions spent by seats taken in the caller's transaction. */
    markBooked: (tx: Database, ticketIds: readonly string[]) =>
      repository.markBooked(tx, ticketIds, clock.now()),

    /** Draws, admits and closes the open windows; every process runs it, the database keeps them apart. */
    tick: (signal?: AbortSignal) => worker.tick(signal),
    /** The last figures the worker saw, for metrics. */
    gauges: () => worker.gauges(),
    /** The office's queues running now, read afresh, for its officers. */
    liveQueues: (officeCode: string) => liveQueuesOf({ db, clock, seatsLeft }, officeCode),
  };

  async function record(window: repository.WindowRow): Promise<ReleaseRecord> {
    return toReleaseRecord(window, await repository.queueCounts(db, window.id, clock.now()));
  }
}

export type ReleasesService = ReturnType<typeof createReleasesService>;
