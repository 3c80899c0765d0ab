import { passportKinds, type PassportKind } from '#shared/contracts/travel-documents.ts';
import type { Database } from '../../db/database.ts';
import * as repository from './repository.ts';

/** The class of the largest offices (reference/README.md section 2: ten of them in 2026). */
export const SPECIAL_CLASS = 'I Khusus';

/**
 * ASSUMPTION, not a sourced fact: every office issues the booklet passports (non-electronic and
 * electronic), and only the Kelas I Khusus offices the polycarbonate one. Which blanks an office really
 * holds is operational data that changes with its stock; offices keep it up to date, and this default
 * only gives a new office a starting point.
 */
export function defaultPassportKinds(officeClass: string | null): PassportKind[] {
  return officeClass === SPECIAL_CLASS ? [...passportKinds] : ['NON_ELECTRONIC', 'ELECTRONIC'];
}

/** Stored kinds in the canonical order; anything unknown (a hand-edited row) is dropped, not shown. */
export function toPassportKinds(stored: readonly string[]): PassportKind[] {
  return passportKinds.filter((kind) => stored.includes(kind));
}

/**
 * Start-up seed: gives each office without a capabilities row the default. Rows that exist are left
 * alone, since an office may have changed them. Safe to run on every start and by instances at once.
 * Answers the number of offices that received the default.
 */
export async function seedOfficeCapabilities(db: Database): Promise<number> {
  const offices = await repository.listOfficeClasses(db);
  return repository.insertMissingCapabilities(
    db,
    offices.map((office) => ({
      officeCode: office.code,
      passportKinds: defaultPassportKinds(office.officeClass),
    })),
  );
}
