import type { Sex } from '#shared/nik.ts';

/**
 * Port: the civil registry (Dukcapil) checks a NIK and biodata, answering per field like the real
 * verification service does. Adapters: http-dukcapil.ts (real) and the simulator (module sim).
 */
export interface ResidentBiodata {
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly placeOfBirth: string;
  readonly sex: Sex;
}

export type BiodataField = keyof ResidentBiodata;

export type DukcapilVerdict =
  | { readonly result: 'match' }
  | { readonly result: 'mismatch'; readonly fields: readonly BiodataField[] }
  | { readonly result: 'not_found' };

/**
 * What the registry holds of a resident beyond the biodata check: the family card (KK) they are on,
 * whether they are married, and the contact the registry verified for them (issue 15: the consent
 * code goes there, never to a number the requester types).
 */
export interface ResidentRecord {
  readonly familyCardNumber: string;
  readonly dateOfBirth: string;
  readonly married: boolean;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface DukcapilPort {
  /** Throws DukcapilUnavailableError when the registry cannot answer (timeout, outage, open circuit). */
  verifyResident(nik: string, biodata: ResidentBiodata): Promise<DukcapilVerdict>;
  /** The resident's family card, marital status and verified contact; null for an unknown NIK. */
  residentRecord(nik: string): Promise<ResidentRecord | null>;
}

export class DukcapilUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DukcapilUnavailableError';
  }
}
