import {
  namesMatch,
  placesMatch,
  type BiodataField,
  type DukcapilPort,
  type ResidentBiodata,
  type ResidentRecord,
} from '../identity/index.ts';
import { familyFacts } from './family.ts';
import { familyCardNumber, verifiedPhone, type Resident } from './residents.ts';

/**
 * The simulated civil registry: answers like Dukcapil over the synthetic residents. Names and places
 * are compared as a passport writes them (ICAO 9303: case and punctuation do not count, "Kota Bandung"
 * is "Bandung"); date and sex must be exact, as the registry's own check is.
 */
export function createSimDukcapil(residents: readonly Resident[]): DukcapilPort & {
  familyRecord(nik: string): ResidentRecord | null;
} {
  const byNik = new Map(residents.map((r) => [r.nik, r]));
  const indexOf = new Map(residents.map((r, i) => [r.nik, i]));
  const familyRecord = (nik: string): ResidentRecord | null => {
    const resident = byNik.get(nik.trim());
    if (!resident) return null;
    const index = indexOf.get(resident.nik)!;
    return {
      familyCardNumber: familyCardNumber(residents, index),
      dateOfBirth: resident.dateOfBirth,
      married: resident.maritalStatus !== 'BELUM_KAWIN',
      maritalStatus: resident.maritalStatus,
      ...familyFacts(residents, index),
      dualCitizenship: resident.dualCitizenship,
      phone: verifiedPhone(resident),
      email: null,
    };
  };
  return {
    familyRecord,
    residentRecord: async (nik) => familyRecord(nik),
    async verifyResident(nik, biodata) {
      const resident = byNik.get(nik.trim());
      if (!resident) return { result: 'not_found' };
      const fields = differingFields(resident, biodata);
      return fields.length === 0 ? { result: 'match' } : { result: 'mismatch', fields };
    },
  };
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
