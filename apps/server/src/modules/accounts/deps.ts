import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { ResidentBiodata } from '../identity/index.ts';
import type { NotificationService } from '../notifications/index.ts';

/** What the account use cases need; each comes in through the app factory. */
export interface AccountsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly identity: {
    /** Throws a DomainError (NIK_INVALID, NIK_NOT_FOUND, NIK_DATA_MISMATCH, DUKCAPIL_UNAVAILABLE). */
    verifyIdentity(nik: string, biodata: ResidentBiodata): Promise<unknown>;
  };
  /** Writes messages into the outbox inside the caller's transaction. */
  readonly notifications: Pick<NotificationService, 'enqueue'>;
  readonly limiter: RateLimiter;
  readonly secretKey: string;
  readonly sessionPolicy: { readonly idleMinutes: number; readonly absoluteHours: number };
  /** Whether an SMS gateway is configured (security notices also go by SMS then). */
  readonly smsEnabled: boolean;
  /** Where work done after the answer reports a failure (the app's logger). */
  readonly log: { warn(details: object, message: string): void };
}
