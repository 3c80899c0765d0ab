import type { Database } from '../../db/database.ts';
import type { DomainError } from '../../platform/errors.ts';
import { sessionUnavailable } from './problems.ts';
import { claimSeats, insertBookings } from './claims-repository.ts';
import * as repository from './repository.ts';

export interface SeatClaims {
  /** Applications that got a seat (their booking rows are written), in the order given. */
  readonly seated: readonly string[];
  /** Why the others did not: the session filled up, or it can no longer be booked at all. */
  readonly refused: { readonly ids: readonly string[]; readonly error: DomainError } | null;
}

/** One conditional statement takes as many seats as are left, up to one per application. */
export async function claimSeatsFor(
  tx: Database,
  now: Date,
  sessionId: string,
  applicationIds: readonly string[],
): Promise<SeatClaims> {
  const taken = await claimSeats(tx, sessionId, applicationIds.length, now);
  const seated = applicationIds.slice(0, taken);
  await insertBookings(
    tx,
    seated.map((applicationId) => ({ applicationId, sessionId, bookedAt: now })),
  );
  if (taken === applicationIds.length) return { seated, refused: null };
  const session = await repository.findSession(tx, sessionId);
  const bookable = session && session.releasedAt <= now && session.startsAt > now;
  const error = sessionUnavailable(bookable ? 'FULL' : 'NOT_BOOKABLE');
  return { seated, refused: { ids: applicationIds.slice(taken), error } };
}
