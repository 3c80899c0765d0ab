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

/** Marital status as the registry records it (status perkawinan on the KK). */
export type MaritalStatus = 'BELUM_KAWIN' | 'KAWIN' | 'CERAI_HIDUP' | 'CERAI_MATI';

/** The resident's place on their family card (hubungan dalam keluarga), as far as passports care. */
export type FamilyRelation = 'KEPALA_KELUARGA' | 'SUAMI' | 'ISTRI' | 'ANAK' | 'FAMILI_LAIN';

/**
 * What the registry holds of a resident beyond the biodata check: the family card (KK) they are on,
 * their marital status and its date, their place in the family and their parents, a dual-citizenship
 * child's flag (UU 12/2006), and the contact the registry verified for them (issue 15: the consent
 * code goes there, never to a number the requester types). Issue 16: these are facts from the
 * registry, never from a box the applicant ticks.
 */
export interface ResidentRecord {
  readonly familyCardNumber: string;
  readonly dateOfBirth: string;
  readonly married: boolean;
  readonly maritalStatus: MaritalStatus;
  /** The date of the (first) marriage; null when never married or not recorded. */
  readonly marriageDate: string | null;
  readonly familyRelation: FamilyRelation | null;
  readonly fatherNik: string | null;
  readonly motherNik: string | null;
  /** A child holding Indonesian and another citizenship until choosing (UU 12/2006 Art. 6). */
  readonly dualCitizenship: boolean;
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
