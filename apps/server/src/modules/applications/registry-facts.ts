import type { ReplacementReason } from '#shared/document-requirements.ts';
import type { Database } from '../../db/database.ts';
import type { ApplicationsDeps } from './deps.ts';
import { blockedStatusFor } from './registry-rules.ts';
import type * as repository from './repository.ts';
import type { RegistryFacts } from './rules.ts';

/**
 * The facts Dukcapil holds that change an application (issue 16): marital status decides who is an
 * adult, the dual-citizenship flag adds documents and caps the validity. Asked after the biodata
 * matched, so an unknown NIK has already been refused; a record missing meanwhile counts as the
 * stricter case (unmarried, single citizenship).
 */
export async function registryFactsOf(deps: ApplicationsDeps, nik: string): Promise<RegistryFacts> {
  const record = await deps.identity.residentRecord(nik);
  return { married: record?.married ?? false, dualCitizenship: record?.dualCitizenship ?? false };
}

/**
 * A passport reported lost or damaged is blocked in the registry the moment its replacement is
 * submitted (issue 16), in the submit's transaction: from then on it cannot be used at a border,
 * whatever happens to the application.
 */
export async function blockReportedPassports(
  deps: ApplicationsDeps,
  tx: Database,
  rows: readonly repository.ApplicationRow[],
): Promise<void> {
  for (const row of rows) {
    const status = blockedStatusFor(row.replacementReason as ReplacementReason | null);
    const number = (row.previousPassport as { number?: string } | null)?.number;
    if (status && number) await deps.travelDocuments.block(tx, number, status);
  }
}
