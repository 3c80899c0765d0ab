import type { Readable } from 'node:stream';
import { documentKindCodes } from '#shared/document-requirements.ts';
import { statusLabels, type ApplicationStatus } from '#shared/statuses.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ApplicationsDeps, DocumentScan } from './deps.ts';
import * as repository from './repository.ts';

/**
 * Uploading a scan: the application must be mine, still a draft, and need this kind of document. The
 * bytes stream to the blob store first; the record is written in a transaction that re-checks the
 * draft under a row lock, and the blob is removed again if anything fails, so nothing is half-stored.
 */
export async function uploadScan(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
  kind: string,
  upload: { body: Readable; declaredLength?: number },
): Promise<DocumentScan> {
  assertRequired(await mine(deps, accountId, applicationId), kind);
  const blob = await deps.documents.writeBlob(upload.body, { declaredLength: upload.declaredLength });
  const uploadedAt = deps.clock.now();
  let replaced: string | null;
  try {
    replaced = await deps.db.transaction(async (tx) => {
      const row = await repository.lockForAccount(tx, applicationId, accountId);
      if (!row) throw notFound();
      assertRequired(row, kind);
      const { replacedStorageKey } = await deps.documents.recordScan(
        tx,
        applicationId,
        kind,
        blob,
        uploadedAt,
      );
      await repository.touch(tx, applicationId, uploadedAt);
      return replacedStorageKey;
    });
  } catch (error) {
    await deps.documents.deleteBlob(blob.storageKey);
    throw error;
  }
  if (replaced) await deps.documents.deleteBlob(replaced);
  return { kind, contentType: blob.contentType, size: blob.size, sha256: blob.sha256, uploadedAt };
}

export async function openScan(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
  kind: string,
) {
  await mine(deps, accountId, applicationId);
  const found = await deps.documents.openScan(applicationId, kind);
  if (!found) throw notFound();
  return found;
}

/** Not found and not yours look the same (API.md). */
export async function mine(deps: ApplicationsDeps, accountId: string, applicationId: string) {
  const row = await repository.findForAccount(deps.db, applicationId, accountId);
  if (!row) throw notFound();
  return row;
}

function assertRequired(row: repository.ApplicationRow, kind: string): void {
  if (row.status !== 'DRAFT') throw invalidState(row.status as ApplicationStatus, 'upload');
  if (!(documentKindCodes as string[]).includes(kind) || !row.requiredDocuments.includes(kind)) {
    throw new DomainError({
      code: 'DOCUMENT_NOT_REQUIRED',
      detail: {
        id: `Permohonan ini tidak memerlukan dokumen "${kind}". Yang diperlukan: ${row.requiredDocuments.join(', ')}.`,
        en: `This application does not need a "${kind}" document. It needs: ${row.requiredDocuments.join(', ')}.`,
      },
    });
  }
}

export function notFound(): DomainError {
  return new DomainError({ code: 'NOT_FOUND' });
}

const actions = {
  upload: {
    id: 'Dokumen hanya dapat diunggah selama permohonan masih draf',
    en: 'Documents can be uploaded only while the application is a draft',
  },
  cancel: { id: 'Permohonan tidak dapat dibatalkan lagi', en: 'The application can no longer be cancelled' },
  submit: {
    id: 'Hanya permohonan draf yang dapat diajukan',
    en: 'Only a draft application can be submitted',
  },
  claim: {
    id: 'Hanya permohonan yang menunggu pembayaran atau kedaluwarsa yang dapat diklaim pembayarannya',
    en: 'A payment can be claimed only for an application awaiting payment or expired',
  },
  reschedule: {
    id: 'Jadwal dapat diubah setelah pembayaran diterima dan sebelum kedatangan',
    en: 'The appointment can be changed after payment and before the visit',
  },
  waitlist: {
    id: 'Hanya draf yang lengkap yang dapat masuk atau keluar daftar tunggu',
    en: 'Only a complete draft can join or leave the waitlist',
  },
  arrivalPass: {
    id: 'Kode kedatangan tersedia setelah pembayaran diterima',
    en: 'The arrival pass is available once the payment is received',
  },
} as const;

export function invalidState(status: ApplicationStatus, action: keyof typeof actions): DomainError {
  const label = statusLabels[status];
  const what = actions[action];
  return new DomainError({
    code: 'INVALID_STATE',
    detail: { id: `${what.id} (status sekarang: ${label.id}).`, en: `${what.en} (status now: ${label.en}).` },
  });
}
