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
