import { z } from 'zod';
import { sessionSchema } from '#shared/contracts/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import { publishJson, type PublishedJson } from '../../platform/conditional-get.ts';
import type { ServicePool } from './schedule.ts';
import type { SessionView } from './service.ts';

/**
 * The seats left, as a crowd refreshing them at a release instant sees them: each listing is read and
 * encoded once per `ttlMs` per process and per query, then answered from memory (issue 14: 1,272
 * listings/s read from the database every time). A listing may so be up to `ttlMs` old; a submit
 * always checks the seat itself, so a stale "1 seat left" costs a 409 SESSION_FULL, never an oversold
 * seat. Requests that miss together share one read (no stampede on the database at the instant the
 * entry expires). Failures (unknown office, bad range) are not kept. A seat taken or given back, or a
 * schedule saved, in this process drops every listing read before it (`changed`), so whoever just
 * booked, cancelled or moved sees it on their next listing; other processes' changes show within
 * `ttlMs`.
 */
export interface SessionQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly service: ServicePool;
  readonly product?: string | undefined;
}

export interface AvailabilityOptions {
  readonly clock: Clock;
  readonly list: (code: string, query: SessionQuery) => Promise<SessionView[]>;
  readonly ttlMs?: number;
  /** Bytes of JSON kept at most: keys are the caller's to choose (any from/to), memory is not. */
  readonly maxBytes?: number;
}

interface Entry {
  readonly listing: Promise<PublishedJson>;
  /** When it was read, on the service's clock and on the process's monotonic one. */
  readonly at: number;
  readonly atMonotonic: number;
  /** The `changed` count when it was read: any later change makes it stale. */
  readonly generation: number;
  bytes: number;
}

const listingSchema = z.array(sessionSchema);
const ENTRY_OVERHEAD_BYTES = 256;

export function createAvailability(options: AvailabilityOptions) {
  const ttlMs = options.ttlMs ?? 1_000;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let generation = 0;

  // Fresh only while both clocks say so: the service's clock, which tests and /sim/clock move (a listing
  // depends on "now"), and the monotonic one, which bounds the age in real time whatever that clock does.
  const fresh = (entry: Entry, now: number) => {
    const age = now - entry.at;
    return (
      entry.generation === generation &&
      age >= 0 &&
      age < ttlMs &&
      performance.now() - entry.atMonotonic < ttlMs
    );
  };
  const forget = (key: string, entry: Entry) => {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  const makeRoom = () => {
    // Oldest first: a Map iterates in insertion order.
    for (const [key, entry] of entries) {
      if (bytes <= maxBytes) return;
      forget(key, entry);
    }
  };

  return {
    /** The office's listing for this query as JSON with its ETag, at most `ttlMs` old. */
    listing(code: string, query: SessionQuery): Promise<PublishedJson> {
      const key = `${code}|${query.service}|${query.from ?? ''}|${query.to ?? ''}|${query.product ?? ''}`;
      const now = options.clock.now().getTime();
      const cached = entries.get(key);
      if (cached && fresh(cached, now)) return cached.listing;
      if (cached) forget(key, cached);
      const listing = options.list(code, query).then((sessions) => publishJson(listingSchema, sessions));
      const entry: Entry = { listing, at: now, atMonotonic: performance.now(), generation, bytes: 0 };
      entries.set(key, entry);
      listing.then(
        (published) => {
          if (entries.get(key) !== entry) return;
          // The key and the entry's own keep count too: an empty listing is 2 bytes of JSON.
          entry.bytes = published.json.length + key.length + ENTRY_OVERHEAD_BYTES;
          bytes += entry.bytes;
          makeRoom();
        },
        () => forget(key, entry),
      );
      return listing;
    },
    /**
     * Seats or sessions changed in this process: listings read before are stale. Called inside the
     * changing transaction, so a listing read between this call and its commit may still show the old
     * count, for at most `ttlMs`.
     */
    changed(): void {
      generation += 1;
    },
  };
}
