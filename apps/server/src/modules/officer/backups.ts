import type { Readable } from 'node:stream';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ActingOfficer, OfficerDesk } from './desk.ts';
import { requireRole } from './desk.ts';

/** A consistent copy of the embedded database (db/pglite-backup.ts). */
export interface DatabaseSnapshot {
  readonly tarBytes: number;
  readonly pausedMs: number;
  readonly gzip: Readable;
}

export interface OfficerBackupsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly desk: Pick<OfficerDesk, 'audit'>;
  /** Null on PostgreSQL: its own tools back it up while it runs, with point-in-time recovery. */
  readonly snapshot: (() => Promise<DatabaseSnapshot>) | null;
}

/**
 * Backups of the embedded database taken by the process that holds it (issue 18): a copy of every
 * applicant's personal data, so HQ only, and audited with its size once it is made.
 */
export function createOfficerBackups(deps: OfficerBackupsDeps) {
  return {
    async take(who: ActingOfficer): Promise<DatabaseSnapshot & { fileName: string }> {
      requireRole(who.officer, 'HQ_ADMIN');
      if (!deps.snapshot) throw usePgDump();
      const snapshot = await deps.snapshot();
      try {
        await deps.desk.audit(who, 'backup.create', null, {
          tarBytes: snapshot.tarBytes,
          pausedMs: snapshot.pausedMs,
        })(deps.db);
      } catch (error) {
        // Nothing leaves unaudited.
        snapshot.gzip.destroy();
        throw error;
      }
      return { ...snapshot, fileName: `mpaspor-pglite-${stamp(deps.clock.now())}.tar.gz` };
    },
  };
}

export type OfficerBackups = ReturnType<typeof createOfficerBackups>;

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

function usePgDump(): DomainError {
  return new DomainError({
    code: 'BACKUP_USE_PG_DUMP',
    detail: {
      id:
        'Server ini memakai PostgreSQL (DATABASE_URL). Cadangkan dengan pg_dump --format=custom, atau ' +
        'dengan cadangan dasar dan arsip WAL untuk pemulihan ke titik waktu: docs/runbooks/backup-restore.md.',
      en:
        'This server runs on PostgreSQL (DATABASE_URL). Back it up with pg_dump --format=custom, or ' +
        'with base backups and WAL archiving for point-in-time recovery: docs/runbooks/backup-restore.md.',
    },
  });
}
