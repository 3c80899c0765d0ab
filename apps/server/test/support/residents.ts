import { ageOn } from '#shared/eligibility.ts';
import { simResidents, type Resident } from '../../src/modules/sim/index.ts';

/** Synthetic residents for tests, by what a test needs of them; each handed out once per process. */
const handedOut = new Set<string>();

export function takeResident(predicate: (resident: Resident) => boolean): Resident {
  const found = simResidents(1000).find((r) => !handedOut.has(r.nik) && predicate(r));
  if (!found) throw new Error('no unused synthetic resident matches');
  handedOut.add(found.nik);
  return found;
}

export const adultWithoutPassport = (r: Resident) =>
  ageOn(r.dateOfBirth, '2026-11-25') >= 20 && r.previousPassport === null && !r.fullName.includes("'");
export const adultWithPassport = (r: Resident) =>
  ageOn(r.dateOfBirth, '2026-11-25') >= 20 && r.previousPassport !== null;
/** An adult whose passport is still valid past mid-2027: one to report lost or damaged. */
export const adultWithValidPassport = (r: Resident) =>
  adultWithPassport(r) && r.previousPassport!.expiryDate > '2027-06-01';
export const unmarriedSixteenYearOld = (r: Resident) =>
  ageOn(r.dateOfBirth, '2026-11-25') === 16 &&
  r.maritalStatus === 'BELUM_KAWIN' &&
  r.previousPassport === null &&
  !r.dualCitizenship;

/** The applicant part of POST /applications for a resident. */
export function applicantOf(resident: Resident) {
  return {
    nik: resident.nik,
    fullName: resident.fullName,
    dateOfBirth: resident.dateOfBirth,
    placeOfBirth: resident.placeOfBirth,
    sex: resident.sex,
    married: resident.maritalStatus !== 'BELUM_KAWIN',
  };
}
