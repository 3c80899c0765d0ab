import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileResponse } from '../../platform/openapi.ts';
import { acting } from './acting.ts';
import type { OfficerBackups } from './backups.ts';

/** `npm run backup` calls this (scripts/backup.ts); docs/runbooks/backup-restore.md. */
export const backupRoutes: FastifyPluginAsync<{ backups: OfficerBackups }> = async (app, { backups }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/officer/backups',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['officer administration'],
        operationId: 'createBackup',
        summary: 'A consistent copy of the embedded database, as a gzipped tarball (HQ, audited)',
        description:
          'Taken by the running server between two transactions (requests wait a fraction of a second); ' +
          'restore it with `npm run restore -- <file> <DATA_DIR>`. Scans are not in it: copy the blob ' +
          'store after it. 409 BACKUP_USE_PG_DUMP when the server runs on PostgreSQL.',
        response: {
          200: fileResponse('The data directory of PGlite, as a tar archive, gzipped', ['application/gzip']),
        },
      },
    },
    async (request, reply) => {
      const backup = await backups.take(acting(request));
      return reply
        .headers({
          'content-type': 'application/gzip',
          'content-disposition': `attachment; filename="${backup.fileName}"`,
          'cache-control': 'no-store',
        })
        .send(backup.gzip);
    },
  );
};
