import {
  namesMatch,
  placesMatch,
  type BiodataField,
  type DukcapilPort,
  type ResidentBiodata,
} from '../identity/index.ts';
import type { Resident } from './residents.ts';

/**
 * The simulated civil registry: answers like Dukcapil over the synthetic residents. Names and places
 * are compared as a passport writes them (ICAO 9303: case and punctuation do not count, "Kota Bandung"
 * is "Bandung"); date and sex must be exact, as the registry's own check is.
 */
export function createSimDukcapil(residents: readonly Resident[]): DukcapilPort {
  const byNik = new Map(residents.map((r) => [r.nik, r]));
  return {
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
