import type { ApplicationCreate } from '#shared/contracts/applications.ts';
import { jakartaDate } from '#shared/eligibility.ts';
import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ApplicationsDeps, RegisteredPassport } from './deps.ts';
import * as repository from './repository.ts';
import { refuseWhileDeferred } from './loss-check.ts';
import { registryFactsOf } from './registry-facts.ts';
import { checkReplacementReason } from './registry-rules.ts';
import {
  checkChoices,
  checkForm,
  waiverFor,
  previousPassportFor,
  refuseNewWhenPassportKnown,
} from './rules.ts';

/**
 * A new application in DRAFT: choices checked, NIK and biodata checked with Dukcapil, the previous
 * passport looked up in the registry, documents and fee worked out, then one short transaction that
 * also enforces one application in progress per NIK and a cap per account.
 */
export interface CreateOptions {
  /** Who made it, in the history: the applicant, or the officer at the counter (issue 16). */
  readonly actor?: string;
  /** The caller asked Dukcapil already (the counter, before making an account): not asked twice. */
  readonly identityVerified?: boolean;
  /** Written in the same transaction as the new row (the walk-in record and its audit). */
  readonly within?: (tx: Database, row: repository.ApplicationRow) => Promise<void>;
}

export async function createApplication(
  deps: ApplicationsDeps,
  accountId: string,
  input: ApplicationCreate,
  options: CreateOptions = {},
): Promise<repository.ApplicationRow> {
  const now = deps.clock.now();
  const today = jakartaDate(now);
  const nik = input.applicant.nik.trim();
  checkForm(input, today);
  if (await repository.hasActiveForNik(deps.db, nik, accountId)) throw activeApplicationExists();
  await refuseWhileDeferred(deps.db, nik, today);

  const { married: _married, nik: _nik, ...biodata } = input.applicant;
  if (!options.identityVerified) await deps.identity.verifyIdentity(nik, biodata);
  const registry = await registryFactsOf(deps, nik);
  const choices = checkChoices(input, today, registry);
  const previous = await previousPassport(deps, nik, input);
  checkReplacementReason(input.replacementReason, previous, today);
  const fee = deps.fees.computeFee({
    product: input.product,
    service: input.service,
    // The biaya beban is billed after the head of office's decision at the visit (loss.ts), not here.
    fine: null,
    waiver: waiverFor(input),
    on: today,
  });

  try {
    return await deps.db.transaction(async (tx) => {
      await repository.lockAccountApplications(tx, accountId);
      if ((await repository.countActiveForAccount(tx, accountId)) >= deps.maxActivePerAccount) {
        throw applicationLimit(deps.maxActivePerAccount);
      }
      const row = await repository.insertApplication(tx, {
        number: await repository.nextApplicationNumber(tx, Number(today.slice(0, 4))),
        accountId,
        status: 'DRAFT',
        type: input.type,
        replacementReason: input.type === 'REPLACEMENT' ? (input.replacementReason ?? null) : null,
        service: input.service,
        product: input.product,
        applicantNik: nik,
        applicantFullName: input.applicant.fullName,
        applicantDateOfBirth: input.applicant.dateOfBirth,
        applicantPlaceOfBirth: input.applicant.placeOfBirth,
        applicantSex: input.applicant.sex,
        applicantMarried: registry.married,
        applicantDualCitizenship: registry.dualCitizenship,
        circumstances: input.circumstances,
        previousPassport: previous,
        travelPurpose: input.travelPurpose ?? null,
        requiredDocuments: choices.requiredDocuments,
        fee,
        createdAt: now,
        updatedAt: now,
      });
      await repository.insertHistory(tx, row.id, 'DRAFT', now, options.actor ?? 'APPLICANT');
      await options.within?.(tx, row);
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'applications_draft_nik_account_unique')) throw activeApplicationExists();
    throw error;
  }
}

async function previousPassport(
  deps: ApplicationsDeps,
  nik: string,
  input: ApplicationCreate,
): Promise<RegisteredPassport | null> {
  if (input.type === 'NEW') {
    refuseNewWhenPassportKnown(await deps.travelDocuments.listByNik(nik));
    return null;
  }
  const number = input.previousPassportNumber?.toUpperCase();
  return previousPassportFor(nik, number, number ? await deps.travelDocuments.findByNumber(number) : null);
}

export function activeApplicationExists(): DomainError {
  return new DomainError({
    code: 'ACTIVE_APPLICATION_EXISTS',
    detail: {
      id: 'Sudah ada permohonan paspor yang sedang berjalan untuk NIK ini. Selesaikan atau batalkan permohonan tersebut terlebih dahulu.',
      en: 'A passport application for this NIK is already in progress. Finish or cancel it first.',
    },
    errors: [
      { path: 'applicant.nik', message: { id: 'Sedang ada permohonan.', en: 'Application in progress.' } },
    ],
  });
}

function applicationLimit(max: number): DomainError {
  return new DomainError({
    code: 'APPLICATION_LIMIT',
    detail: {
      id: `Satu akun dapat memiliki paling banyak ${max} permohonan yang sedang berjalan.`,
      en: `One account may have at most ${max} applications in progress.`,
    },
  });
}

/** A submit that met another application of the same NIK submitted first (drafts hold nothing). */
export function asHeldNik(error: unknown): unknown {
  return isUniqueViolation(error, 'applications_active_nik_unique') ? activeApplicationExists() : error;
}
