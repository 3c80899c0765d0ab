import type { Database } from '../../db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { lossKindOf } from './loss-rules.ts';
import * as losses from './loss-repository.ts';
import type * as repository from './repository.ts';

/** Documents are accepted for a lost or damaged passport only after "issue", with any fine paid. */
export async function assertLossSettled(tx: Database, row: repository.ApplicationRow): Promise<void> {
  if (!lossKindOf(row.replacementReason)) return;
  const report = await losses.findLossReport(tx, row.id);
  if (report?.decision !== 'ISSUE') {
    throw new DomainError({
      code: 'LOSS_DECISION_PENDING',
      detail: {
        id: 'Paspor hilang/rusak: catat BAP dan minta keputusan kepala kantor sebelum menerima berkas.',
        en: 'Lost/damaged passport: record the examination report and get the head of office’s decision before accepting the documents.',
      },
    });
  }
  if (report.fineCode && !report.finePaidAt) {
    throw new DomainError({
      code: 'FINE_UNPAID',
      detail: {
        id: `Biaya beban belum dibayar (kode billing ${report.fineCode}).`,
        en: `The fine has not been paid yet (billing code ${report.fineCode}).`,
      },
    });
  }
}

/** No new application for a NIK while the head of office's deferral of its replacement runs. */
export async function refuseWhileDeferred(db: Database, nik: string, today: string): Promise<void> {
  const until = await losses.runningDeferral(db, nik, today);
  if (!until) return;
  throw new DomainError({
    code: 'LOSS_DEFERRED',
    detail: {
      id: `Penerbitan paspor untuk NIK ini ditangguhkan kepala kantor sampai ${until} karena kehilangan berulang. Ajukan kembali setelah tanggal itu.`,
      en: `Issuing a passport for this NIK was deferred by the head of office until ${until} for a repeated loss. Apply again after that date.`,
    },
  });
}
