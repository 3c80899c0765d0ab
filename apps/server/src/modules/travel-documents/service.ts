import {
  PASSPORT_NUMBER_PATTERN,
  type PassportKind,
  type TravelDocumentStatus,
} from '#shared/contracts/travel-documents.ts';
import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { OfficesService } from '../offices/index.ts';
import * as repository from './repository.ts';
import { formatPassportNumber } from './mrz.ts';
import { statusAt } from './status.ts';

/** A passport as the registry answers it; `status` is derived for today (EXPIRED is never stored). */
export interface TravelDocument {
  readonly number: string;
  readonly type: PassportKind;
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly status: TravelDocumentStatus;
  /** The issuing office's name. */
  readonly issuingOffice: string;
  readonly issuingOfficeCode: string;
  readonly holderNik: string;
  readonly holderName: string;
}

export type NewTravelDocument = Omit<TravelDocument, 'status' | 'issuingOffice'>;

/** The part of a synthetic resident (module sim) that the registry needs; sim's `Resident` fits it. */
export interface SimulatedHolder {
  readonly nik: string;
  readonly fullName: string;
  readonly previousPassport: {
    readonly number: string;
    readonly kind: PassportKind;
    readonly issueDate: string;
    readonly expiryDate: string;
    readonly issuingOfficeCode: string;
  } | null;
}

export interface TravelDocumentsService {
  /** The passports of a NIK, newest issue first. */
  listByNik(nik: string): Promise<TravelDocument[]>;
  /** By number as a person types it: surrounding spaces and letter case do not matter. */
  findByNumber(number: string): Promise<TravelDocument | null>;
  /** Records an issued passport as VALID, inside the issuing transaction `db`. */
  register(db: Database, passport: NewTravelDocument): Promise<void>;
  /** Ends a passport because `replacedBy` was issued in its place; 409 INVALID_STATE if it cannot be. */
  markReplaced(db: Database, number: string, replacedBy: string): Promise<void>;
  /** As markReplaced, but a passport already replaced or cancelled is left as it is (issuance goes on). */
  markReplacedIfOpen(db: Database, number: string, replacedBy: string): Promise<boolean>;
  /** A fresh passport number, unique nationwide: the series letter of the kind + 7 digits. */
  issueNumber(db: Database, kind: PassportKind): Promise<string>;
  /** A VALID passport reported lost or damaged is blocked; false when it was not VALID. */
  block(db: Database, number: string, status: 'LOST' | 'DAMAGED'): Promise<boolean>;
  /** A VALID passport never collected is cancelled; false when it was not VALID. */
  cancel(db: Database, number: string): Promise<boolean>;
  /** Simulation: the synthetic residents' previous passports; idempotent. Returns how many there are. */
  seedSimulated(db: Database, residents: readonly SimulatedHolder[]): Promise<number>;
}

export interface TravelDocumentsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly offices: Pick<OfficesService, 'officeNames'>;
}

export function createTravelDocumentsService(deps: TravelDocumentsDeps): TravelDocumentsService {
  const present = async (rows: readonly repository.TravelDocumentRow[]) => {
    const names = await deps.offices.officeNames(rows.map((row) => row.issuingOfficeCode));
    const now = deps.clock.now();
    return rows.map((row) => toTravelDocument(row, names.get(row.issuingOfficeCode), now));
  };
  return {
    listByNik: async (nik) => present(await repository.listByHolder(deps.db, nik.trim())),
    async findByNumber(number) {
      const row = await repository.findByNumber(deps.db, normalizeNumber(number));
      return row ? ((await present([row]))[0] ?? null) : null;
    },
    register: (db, passport) => register(db, passport, deps.clock.now()),
    markReplaced: (db, number, replacedBy) => markReplaced(db, number, replacedBy),
    markReplacedIfOpen: (db, number, replacedBy) =>
      repository.markReplaced(db, normalizeNumber(number), normalizeNumber(replacedBy)),
    issueNumber: async (db, kind) => formatPassportNumber(seriesOf[kind], await repository.nextSerial(db)),
    block: (db, number, status) => repository.blockValid(db, normalizeNumber(number), status),
    cancel: (db, number) => repository.cancelValid(db, normalizeNumber(number)),
    seedSimulated: (db, residents) => seedSimulatedTravelDocuments(db, residents, deps.clock.now()),
  };
}

/**
 * Series letters of the passports M-Paspor issues. The simulated registry's older passports use C and
 * E, so issued numbers can never collide with them; the serial is one nationwide sequence.
 */
const seriesOf: Record<PassportKind, string> = { NON_ELECTRONIC: 'A', ELECTRONIC: 'X', POLYCARBONATE: 'X' };

export function normalizeNumber(number: string): string {
  return number.trim().toUpperCase();
}

function toTravelDocument(
  row: repository.TravelDocumentRow,
  officeName: string | undefined,
  now: Date,
): TravelDocument {
  return {
    number: row.number,
    type: row.kind,
    issueDate: row.issueDate,
    expiryDate: row.expiryDate,
    status: statusAt(row.status, row.expiryDate, now),
    // The foreign key guarantees the office; the code is a readable fallback should its name be missing.
    issuingOffice: officeName ?? row.issuingOfficeCode,
    issuingOfficeCode: row.issuingOfficeCode,
    holderNik: row.holderNik,
    holderName: row.holderName,
  };
}

async function register(db: Database, passport: NewTravelDocument, now: Date): Promise<void> {
  const number = normalizeNumber(passport.number);
  // Issuance makes these values itself; a bad one is a bug there, so it fails loudly rather than politely.
  if (!PASSPORT_NUMBER_PATTERN.test(number))
    throw new RangeError(`Not a passport number: "${passport.number}"`);
  if (passport.expiryDate <= passport.issueDate) {
    throw new RangeError(`Passport ${number} would expire (${passport.expiryDate}) before it is issued`);
  }
  try {
    await repository.insertTravelDocument(db, {
      number,
      holderNik: passport.holderNik,
      holderName: passport.holderName,
      kind: passport.type,
      issueDate: passport.issueDate,
      expiryDate: passport.expiryDate,
      issuingOfficeCode: passport.issuingOfficeCode,
      status: 'VALID',
      createdAt: now,
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new Error(`Passport ${number} is already registered`, { cause: error });
    throw error;
  }
}

async function markReplaced(db: Database, number: string, replacedBy: string): Promise<void> {
  const replaced = await repository.markReplaced(db, normalizeNumber(number), normalizeNumber(replacedBy));
  if (replaced) return;
  throw new DomainError({
    code: 'INVALID_STATE',
    detail: {
      id: `Paspor ${number} tidak tercatat, atau sudah diganti atau dibatalkan.`,
      en: `Passport ${number} is not registered, or was already replaced or cancelled.`,
    },
  });
}

/**
 * Start-up step of simulation mode (run it under the start-up lock, after the offices are loaded: the
 * rows refer to them). Safe to repeat: see `repository.upsertSeeded`. Returns how many passports the
 * residents hold.
 */
export async function seedSimulatedTravelDocuments(
  db: Database,
  residents: readonly SimulatedHolder[],
  now: Date,
): Promise<number> {
  const rows = residents.flatMap(({ nik, fullName, previousPassport: passport }) =>
    passport
      ? [
          {
            number: normalizeNumber(passport.number),
            holderNik: nik,
            holderName: fullName,
            kind: passport.kind,
            issueDate: passport.issueDate,
            expiryDate: passport.expiryDate,
            issuingOfficeCode: passport.issuingOfficeCode,
            status: 'VALID' as const,
            createdAt: now,
          },
        ]
      : [],
  );
  await repository.upsertSeeded(db, rows);
  return rows.length;
}
