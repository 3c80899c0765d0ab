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

export interface DukcapilPort {
  /** Throws DukcapilUnavailableError when the registry cannot answer (timeout, outage, open circuit). */
  verifyResident(nik: string, biodata: ResidentBiodata): Promise<DukcapilVerdict>;
}

export class DukcapilUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DukcapilUnavailableError';
  }
}
