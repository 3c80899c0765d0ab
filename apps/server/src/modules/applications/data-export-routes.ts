import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dataExportSchema, type DataExport } from '#shared/contracts/data-export.ts';
import { applicantOf } from '../../platform/access.ts';
import { languageOf } from '../../platform/language.ts';
import type { ApplicationsService } from './service.ts';

export interface DataExportDeps {
  readonly applications: ApplicationsService;
  readonly account: (accountId: string) => Promise<DataExport['account']>;
  readonly fileReads: (applicationIds: readonly string[]) => Promise<DataExport['fileReads']>;
  readonly retentionDays: number;
  readonly now: () => Date;
}

/** `GET /me/data` (issue 18): a copy of everything held about me, as one JSON document. */
export const dataExportRoutes: FastifyPluginAsync<DataExportDeps> = async (app, deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/me/data',
    {
      config: { access: 'applicant' },
      schema: {
        tags: ['accounts'],
        operationId: 'exportMyData',
        summary: 'Everything held about me: account, applications, scans, and who at an office read them',
        response: { 200: dataExportSchema },
      },
    },
    async (request, reply) => {
      const { accountId } = applicantOf(request);
      const language = languageOf(request);
      const [account, applications] = await Promise.all([
        deps.account(accountId),
        deps.applications.list(accountId, language),
      ]);
      const ids = applications.map((a) => a.id);
      const scans = applications.flatMap((a) =>
        a.documents.map((d) => ({
          applicationId: a.id,
          ...d,
          download: `/api/v1/applications/${a.id}/documents/${d.kind}`,
        })),
      );
      reply.header('content-disposition', 'attachment; filename="m-paspor-data-saya.json"');
      reply.header('cache-control', 'private, no-store');
      return {
        exportedAt: deps.now().toISOString(),
        account,
        applications,
        scans,
        fileReads: await deps.fileReads(ids),
        retention: { closedFilesKeptDays: deps.retentionDays },
      };
    },
  );
};
