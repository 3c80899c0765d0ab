import type { ApplicationStatus } from '#shared/statuses.ts';
import type { Database } from '../../db/database.ts';
import type { EnqueueRequest } from '../notifications/index.ts';
import type { ApplicationsDeps } from './deps.ts';
import { asHeldNik } from './create.ts';
import { blockReportedPassports } from './registry-facts.ts';
import * as repository from './repository.ts';
import { invalidState, notFound } from './scans.ts';

/**
 * The last step of submit: take the seat and make the booking real (status, billing, messages).
 *
 * Submits that arrive while a transaction is already taking seats wait for it and then go together,
 * in one transaction: one lock of their applications, one statement that takes as many seats of a
 * session as are left, and one insert per table for the winners. A quota release is hundreds of
 * people on the same few session rows; taking their seats one transaction each serialises all of
 * them on those rows' locks, while a batch holds each lock once for many seats (ADR 0004). Nobody
 * waits for a timer: a submit that finds nothing running goes at once, alone.
 */
export interface SeatClaim {
  readonly applicationId: string;
  readonly accountId: string;
  readonly sessionId: string;
  /** The release queue's ticket whose admission this seat spends; null outside a release queue. */
  readonly ticketId: string | null;
  /** Null when there is nothing to pay (a Rp0 tariff): settled as PAID in the same transaction. */
  readonly billing: {
    readonly code: string;
    readonly amount: number;
    readonly expiresAt: Date;
    readonly satker: string;
  } | null;
  /** Rendered before: nothing is formatted while seats are taken. */
  readonly messages: readonly EnqueueRequest[];
}

export interface SeatClaimBatcher {
  /** Resolves once the application is AWAITING_PAYMENT with its seat; rejects with the reason if not. */
  claim(claim: SeatClaim): Promise<void>;
}

interface Waiting {
  readonly claim: SeatClaim;
  resolve(): void;
  reject(error: unknown): void;
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

export function createSeatClaimBatcher(
  deps: ApplicationsDeps,
  options: { readonly maxBatch?: number; readonly concurrency?: number } = {},
): SeatClaimBatcher {
  const maxBatch = options.maxBatch ?? 64;
  const concurrency = options.concurrency ?? 2;
  const queue: Waiting[] = [];
  let running = 0;

  const pump = () => {
    while (running < concurrency && queue.length > 0) {
      running++;
      void run(queue.splice(0, maxBatch)).finally(() => {
        running--;
        pump();
      });
    }
  };

  async function run(batch: readonly Waiting[]): Promise<void> {
    let outcomes: readonly Outcome[];
    try {
      outcomes = await deps.db.transaction((tx) =>
        settle(
          deps,
          tx,
          batch.map((w) => w.claim),
        ),
      );
    } catch (error) {
      // One bad claim must not sink the others: alone, each meets only its own fate.
      if (batch.length === 1) return batch[0]!.reject(asHeldNik(error));
      for (const waiting of batch) await run([waiting]);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) waiting.resolve();
      else waiting.reject(outcome.error);
    });
  }

  return {
    claim: (claim) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ claim, resolve, reject });
        pump();
      }),
  };
}

/** One batch in one transaction; answers each claim's outcome in the order given. */
async function settle(
  deps: ApplicationsDeps,
  tx: Database,
  claims: readonly SeatClaim[],
): Promise<Outcome[]> {
  const outcomes: Outcome[] = claims.map(() => ({ ok: true }));
  const rows = new Map(
    (await repository.lockMany(tx, [...new Set(claims.map((c) => c.applicationId))])).map((r) => [r.id, r]),
  );
  const bySession = new Map<string, number[]>();
  const seen = new Set<string>();
  claims.forEach((claim, i) => {
    const row = rows.get(claim.applicationId);
    if (!row || row.accountId !== claim.accountId) outcomes[i] = { ok: false, error: notFound() };
    else if (row.status !== 'DRAFT' || seen.has(row.id)) {
      const status = seen.has(row.id) ? 'AWAITING_PAYMENT' : (row.status as ApplicationStatus);
      outcomes[i] = { ok: false, error: invalidState(status, 'submit') };
    } else {
      seen.add(row.id);
      bySession.set(claim.sessionId, [...(bySession.get(claim.sessionId) ?? []), i]);
    }
  });

  const seated: SeatClaim[] = [];
  // Sessions in id order: two batches crossing the same sessions cannot deadlock.
  for (const sessionId of [...bySession.keys()].sort()) {
    const indexes = bySession.get(sessionId)!;
    const result = await deps.scheduling.claim(
      tx,
      sessionId,
      indexes.map((i) => claims[i]!.applicationId),
    );
    indexes.forEach((i, position) => {
      if (position < result.seated.length) seated.push(claims[i]!);
      else outcomes[i] = { ok: false, error: result.refused!.error };
    });
  }
  if (seated.length === 0) return outcomes;

  await repository.transitionMany(tx, {
    ids: seated.map((c) => c.applicationId),
    from: 'DRAFT',
    to: 'AWAITING_PAYMENT',
    at: deps.clock.now(),
    actor: 'APPLICANT',
  });
  await blockReportedPassports(
    deps,
    tx,
    seated.map((c) => rows.get(c.applicationId)!),
  );
  await deps.billing.recordMany(
    tx,
    seated.flatMap((c) => (c.billing ? [{ applicationId: c.applicationId, ...c.billing }] : [])),
  );
  await settleFree(
    tx,
    deps.clock.now(),
    seated.filter((c) => !c.billing).map((c) => c.applicationId),
  );
  await deps.admissions.markBooked(
    tx,
    seated.flatMap((c) => (c.ticketId ? [c.ticketId] : [])),
  );
  await deps.notifications.enqueueMany(
    tx,
    seated.flatMap((c) => c.messages),
  );
  return outcomes;
}

/** Bookings with nothing to pay go straight on to PAID, with the reason in their history. */
export async function settleFree(tx: Database, at: Date, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await repository.transition(tx, {
      id,
      from: ['AWAITING_PAYMENT'],
      to: 'PAID',
      at,
      actor: 'SYSTEM',
      note: 'Tarif Rp0: tidak ada pembayaran',
    });
  }
}
