import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';

/** What a waiting room needs from other modules; each comes in through the app factory. */
export interface ReleasesDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** Derives the draw seeds and signs admissions (from SECRET_KEY). */
  readonly key: string;
  readonly settings: ReleaseSettings;
  readonly scheduling: {
    /** An office's releases with an instant in [from, to), seats per pool. */
    releases(
      officeCode: string,
      from: Date,
      to: Date,
    ): Promise<
      readonly {
        releaseAt: Date;
        pools: Partial<Record<'REGULAR' | 'EXPRESS' | 'PRIORITY', { capacity: number; booked: number }>>;
      }[]
    >;
    /** The seats per pool released at one instant, read with `handle` (a transaction). */
    seatsReleasedAt(
      handle: Database,
      officeCode: string,
      releaseAt: Date,
    ): Promise<Partial<Record<'REGULAR' | 'EXPRESS' | 'PRIORITY', { capacity: number; booked: number }>>>;
  };
  readonly offices: { capabilitiesOf(code: string): Promise<readonly string[] | null> };
  /** The applications module, resolved late (it needs this module for its submit). */
  readonly drafts: () => {
    /** A complete DRAFT of the account's, ready to book: its NIK, seat pools and passport kind. */
    queueEntry(
      accountId: string,
      applicationId: string,
    ): Promise<{ nik: string; pools: readonly string[]; passportKind: string }>;
  };
}

export interface ReleaseSettings {
  readonly leadMinutes: number;
  readonly admissionMinutes: number;
  readonly admitPerSecond: number;
  readonly windowMaxMinutes: number;
  readonly tickMs: number;
}
