import type { WaitlistJoin, WaitlistView } from '#shared/contracts/waitlist.ts';
import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { whileRunning } from '../../platform/jobs.ts';
import { addDays, daysBetween, localDate, zoneLabels, type OfficeZone } from './local-time.ts';
import { productNotOffered, rangeProblem } from './problems.ts';
import * as repository from './repository.ts';
import type { ServicePool } from './schedule.ts';
import {
  offerable,
  offerableAfter,
  offerExpiresAt,
  releasedBeforeForWaitlist,
  WAITLIST_MAX_RANGE_DAYS,
  type WaitlistSettings,
} from './waitlist.ts';
import * as waitlist from './waitlist-repository.ts';

export interface WaitlistDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly settings: WaitlistSettings;
  officeOf(code: string, db?: Database): Promise<{ code: string; name: string; zone: OfficeZone }>;
  capabilitiesOf(code: string): Promise<readonly string[] | null>;
  /** Offices within `radiusKm` of this one (itself included) that issue the passport kind. */
  officesNear(code: string, radiusKm: number, passportKind: string): Promise<string[]>;
  /** Seats free now at an office in a pool between two days (the published listing). */
  freeSeats(officeCode: string, from: string, to: string, pool: ServicePool): Promise<number>;
  /** The listings' cache must drop what it showed: a seat moved. */
  changed(): void;
}

/** What the applications module sends to put a complete draft on the waitlist. */
export interface WaitlistRequest extends WaitlistJoin {
  readonly applicationId: string;
  readonly pools: readonly ServicePool[];
  readonly passportKind: string;
  /** A no-show in the past 6 months: served behind the others. */
  readonly behind: boolean;
}

/** An offer about to be announced: enough for the e-mail and SMS. */
export interface AnnouncedOffer {
  readonly applicationId: string;
  readonly offer: NonNullable<WaitlistView['offer']>;
}

export function createWaitlist(deps: WaitlistDeps) {
  const { db, clock, settings } = deps;

  /** Holds a seat in hand for the next entry that suits it; false when nobody waits for it. */
  async function offerToNext(tx: Database, sessionId: string): Promise<boolean> {
    const next = await waitlist.nextEntryFor(tx, sessionId);
    if (!next) return false;
    const now = clock.now();
    await waitlist.insertOffer(tx, {
      entryId: next.id,
      applicationId: next.applicationId,
      sessionId,
      offeredAt: now,
      expiresAt: offerExpiresAt(now, settings),
    });
    await waitlist.setEntryStatus(tx, next.id, 'OFFERED', now);
    return true;
  }

  /** Gives a seat that is in hand (counted in `booked`) to the next entry, or back to the calendar. */
  async function seatFreed(tx: Database, sessionId: string): Promise<void> {
    const session = await repository.findSession(tx, sessionId);
    if (session && offerable(session.startsAt, clock.now(), settings) && (await offerToNext(tx, sessionId)))
      return;
    await repository.giveBackSeat(tx, sessionId);
    deps.changed();
  }

  /** Closes an open offer and passes its seat on; nothing when someone closed it first. */
  async function passOn(
    tx: Database,
    offer: waitlist.OfferRow,
    outcome: 'DECLINED' | 'LAPSED' | 'WITHDRAWN',
  ) {
    const now = clock.now();
    if (!(await waitlist.closeOffer(tx, offer.id, outcome, now))) return false;
    if (outcome !== 'WITHDRAWN') await waitlist.setEntryStatus(tx, offer.entryId, outcome, now);
    await seatFreed(tx, offer.sessionId);
    return true;
  }

  async function offerView(
    offer: waitlist.OfferRow,
    handle: Database = db,
  ): Promise<AnnouncedOffer['offer']> {
    const session = (await repository.findSession(handle, offer.sessionId))!;
    const office = await deps.officeOf(session.officeCode, handle);
    return {
      id: offer.id,
      officeCode: office.code,
      officeName: office.name,
      sessionId: session.id,
      date: session.date,
      start: session.startTime,
      end: session.endTime,
      timeZone: office.zone,
      timeZoneLabel: zoneLabels[office.zone],
      service: session.service as ServicePool,
      expiresAt: offer.expiresAt.toISOString(),
    };
  }

  /** The application's latest entry, its place and its open offer; null if it never joined. */
  async function view(applicationId: string): Promise<WaitlistView | null> {
    const entry = await waitlist.latestEntryOf(db, applicationId);
    if (!entry) return null;
    const open = entry.status === 'OFFERED' ? await waitlist.openOfferOf(db, applicationId) : undefined;
    const offer = open && open.expiresAt > clock.now() ? await offerView(open) : null;
    return {
      id: entry.id,
      status: entry.status as WaitlistView['status'],
      officeCode: entry.officeCode,
      officeCodes: entry.officeCodes,
      radiusKm: entry.radiusKm,
      from: entry.dateFrom,
      to: entry.dateTo,
      joinedAt: entry.joinedAt.toISOString(),
      position: entry.status === 'WAITING' ? (await waitlist.entriesAhead(db, entry)) + 1 : null,
      behind: entry.behind,
      offer,
    };
  }

  async function assertNoFreeSeat(request: WaitlistRequest, officeCodes: readonly string[]) {
    for (const code of officeCodes)
      for (const pool of request.pools)
        if ((await deps.freeSeats(code, request.from, request.to, pool)) > 0)
          throw new DomainError({
            code: 'WAITLIST_SEATS_AVAILABLE',
            detail: {
              id: 'Masih ada kursi kosong pada rentang tanggal itu. Pilih jadwal langsung di kalender.',
              en: 'There are still free seats in that date range. Pick a session in the calendar.',
            },
          });
  }

  return {
    seatFreed,

    /** Puts a complete draft on the waitlist; refused while seats are free in its range. */
    async join(request: WaitlistRequest): Promise<WaitlistView> {
      const office = await deps.officeOf(request.officeCode);
      const kinds = (await deps.capabilitiesOf(office.code)) ?? [];
      if (!kinds.includes(request.passportKind)) throw productNotOffered(request.passportKind, kinds);
      const today = localDate(clock.now(), office.zone);
      if (
        request.to < request.from ||
        request.to < today ||
        daysBetween(request.from, request.to) > WAITLIST_MAX_RANGE_DAYS ||
        request.from > addDays(today, 365)
      )
        throw rangeProblem(WAITLIST_MAX_RANGE_DAYS);
      const officeCodes =
        request.radiusKm > 0
          ? await deps.officesNear(office.code, request.radiusKm, request.passportKind)
          : [office.code];
      await assertNoFreeSeat(request, officeCodes);
      const active = await waitlist.latestEntryOf(db, request.applicationId);
      if (active && (active.status === 'WAITING' || active.status === 'OFFERED')) throw alreadyJoined();
      try {
        await waitlist.insertEntry(db, {
          applicationId: request.applicationId,
          officeCode: office.code,
          radiusKm: request.radiusKm,
          officeCodes,
          dateFrom: request.from < today ? today : request.from,
          dateTo: request.to,
          pools: [...request.pools],
          behind: request.behind,
          joinedAt: clock.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error, 'waitlist_entries_active_unique')) throw alreadyJoined();
        throw error;
      }
      return (await view(request.applicationId))!;
    },

    view,

    /** Off the waitlist (booked, cancelled, left); a held seat passes to the next entry. */
    async leave(tx: Database, applicationIds: readonly string[]): Promise<void> {
      const offered = await waitlist.leaveWaitlist(tx, applicationIds, clock.now());
      for (const offer of await waitlist.openOffersOfEntries(tx, offered))
        await passOn(tx, offer, 'WITHDRAWN');
    },

    async decline(applicationId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const offer = await waitlist.openOfferOf(tx, applicationId, true);
        if (!offer || !(await passOn(tx, offer, 'DECLINED'))) throw noOpenOffer();
      });
    },

    /** The open offer's session, for the accepting submit's plan; NO_OPEN_OFFER when there is none. */
    async openOffer(applicationId: string): Promise<AnnouncedOffer['offer']> {
      const offer = await waitlist.openOfferOf(db, applicationId);
      if (!offer || offer.expiresAt <= clock.now()) throw noOpenOffer();
      return offerView(offer);
    },

    /**
     * Turns the open offer into the application's booking (the seat is already counted); in the
     * accepting submit's transaction. False when the hold ran out or the offer was passed on.
     */
    async acceptOffer(tx: Database, applicationId: string): Promise<boolean> {
      const now = clock.now();
      const offer = await waitlist.acceptOpenOffer(tx, applicationId, now);
      if (!offer) return false;
      await repository.insertBooking(tx, { applicationId, sessionId: offer.sessionId, bookedAt: now });
      await waitlist.setEntryStatus(tx, offer.entryId, 'BOOKED', now);
      return true;
    },

    /** Job: offers whose hold ran out pass to the next entry. */
    async lapseOffers(limit = 100): Promise<number> {
      return db.transaction(async (tx) => {
        let lapsed = 0;
        for (const offer of await waitlist.lapsedOffers(tx, clock.now(), limit))
          if (await passOn(tx, offer, 'LAPSED')) lapsed++;
        return lapsed;
      });
    },

    /**
     * Job: seats still unsold after their release's turn (and sessions an office added) go to the
     * waitlist. Each seat is taken with the conditional UPDATE, then offered or given back at once.
     */
    async offerOpenSeats(signal?: AbortSignal, limit = 50): Promise<number> {
      const now = clock.now();
      const candidates = await waitlist.sessionsWithSeatsForWaitlist(db, {
        releasedBefore: releasedBeforeForWaitlist(now, settings),
        startsAfter: offerableAfter(now, settings),
        limit,
      });
      let offered = 0;
      for (const sessionId of whileRunning(candidates, signal)) {
        offered += await db.transaction(async (tx) => {
          let made = 0;
          while (await repository.takeSeat(tx, sessionId, clock.now())) {
            if (!(await offerToNext(tx, sessionId))) {
              await repository.giveBackSeat(tx, sessionId);
              break;
            }
            made++;
          }
          return made;
        });
      }
      if (offered > 0) deps.changed();
      return offered;
    },

    /** Offers not told yet, marked told in the caller's transaction (the caller queues the messages). */
    async offersToAnnounce(tx: Database, limit: number): Promise<AnnouncedOffer[]> {
      const offers = await waitlist.takeUnannounced(tx, clock.now(), limit);
      const open = offers.filter((o) => o.status === 'OPEN');
      return Promise.all(
        open.map(async (o) => ({ applicationId: o.applicationId, offer: await offerView(o, tx) })),
      );
    },
  };
}

export type Waitlist = ReturnType<typeof createWaitlist>;

function alreadyJoined() {
  return new DomainError({
    code: 'WAITLIST_ALREADY_JOINED',
    detail: {
      id: 'Permohonan ini sudah di daftar tunggu. Keluar dulu untuk mengubah kantor atau tanggal.',
      en: 'This application is already on the waitlist. Leave it first to change the office or dates.',
    },
  });
}

function noOpenOffer() {
  return new DomainError({
    code: 'NO_OPEN_OFFER',
    detail: {
      id: 'Tawaran kursi ini sudah tidak berlaku (waktunya habis atau sudah dijawab).',
      en: 'This seat offer is no longer open (it ran out or was already answered).',
    },
  });
}
