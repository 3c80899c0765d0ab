import {
  namesMatch,
  placesMatch,
  type BiodataField,
  type DukcapilPort,
  type ResidentBiodata,
} from '../identity/index.ts';
import { familyCardNumber, verifiedPhone, type Resident } from './residents.ts';

/**
 * The simulated civil registry: answers like Dukcapil over the synthetic residents. Names and places
 * are compared as a passport writes them (ICAO 9303: case and punctuation do not count, "Kota Bandung"
 * is "Bandung"); date and sex must be exact, as the registry's own check is.
 */
export function createSimDukcapil(residents: readonly Resident[]): DukcapilPort & {
  familyRecord(nik: string): SimFamilyRecord | null;
} {
  const byNik = new Map(residents.map((r) => [r.nik, r]));
  const indexOf = new Map(residents.map((r, i) => [r.nik, i]));
  const familyRecord = (nik: string): SimFamilyRecord | null => {
    const resident = byNik.get(nik.trim());
    if (!resident) return null;
    return {
      familyCardNumber: familyCardNumber(residents, indexOf.get(resident.nik)!),
      dateOfBirth: resident.dateOfBirth,
      maritalStatus: wireMaritalStatus[resident.maritalStatus],
      phone: verifiedPhone(resident),
      email: null,
    };
  };
  return {
    familyRecord,
    async residentRecord(nik) {
      const record = familyRecord(nik);
      return record ? { ...record, married: record.maritalStatus !== 'BELUM KAWIN' } : null;
    },
    async verifyResident(nik, biodata) {
      const resident = byNik.get(nik.trim());
      if (!resident) return { result: 'not_found' };
      const fields = differingFields(resident, biodata);
      return fields.length === 0 ? { result: 'match' } : { result: 'mismatch', fields };
    },
  };
}

const wireMaritalStatus = {
  BELUM_KAWIN: 'BELUM KAWIN',
  KAWIN: 'KAWIN',
  CERAI_HIDUP: 'CERAI HIDUP',
  CERAI_MATI: 'CERAI MATI',
} as const;

/** A resident's family record as the registry's wire has it (dukcapil-wire.ts `data-keluarga`). */
export interface SimFamilyRecord {
  readonly familyCardNumber: string;
  readonly dateOfBirth: string;
  readonly maritalStatus: (typeof wireMaritalStatus)[keyof typeof wireMaritalStatus];
  readonly phone: string;
  readonly email: null;
}

function differingFields(registered: ResidentBiodata, given: ResidentBiodata): BiodataField[] {
  const same: Record<BiodataField, boolean> = {
    fullName: namesMatch(registered.fullName, given.fullName),
    dateOfBirth: registered.dateOfBirth === given.dateOfBirth,
    placeOfBirth: placesMatch(registered.placeOfBirth, given.placeOfBirth),
    sex: registered.sex === given.sex,
  };
  return (Object.keys(same) as BiodataField[]).filter((field) => !same[field]);
}
