import { z } from 'zod';
import { accountSchema } from './accounts.ts';
import { applicationSchema } from './applications.ts';
import { isoInstant } from './common.ts';

/**
 * Everything held about the signed-in person (issue 18; UU 27/2022 Pasal 7 and 8: the right to a copy
 * of one's personal data): the account, every application with its history, the scans (downloaded
 * each from its own link) and who at an office read the file.
 */
export const dataExportSchema = z
  .object({
    exportedAt: isoInstant,
    account: accountSchema,
    applications: z.array(applicationSchema),
    scans: z.array(
      z.object({
        applicationId: z.uuid(),
        kind: z.string(),
        contentType: z.string(),
        size: z.number().int(),
        uploadedAt: isoInstant,
        download: z.string().describe('GET this path with the same login for the file itself'),
      }),
    ),
    fileReads: z
      .array(
        z.object({
          at: isoInstant,
          applicationId: z.uuid(),
          officeCode: z.string().nullable(),
          what: z.enum(['APPLICATION', 'DOCUMENT']),
          kind: z.string().nullable(),
        }),
      )
      .describe('Each time an officer opened the application or one of its documents (the audit log)'),
    retention: z.object({ closedFilesKeptDays: z.number().int() }),
  })
  .meta({ id: 'DataExport' });
export type DataExport = z.infer<typeof dataExportSchema>;
