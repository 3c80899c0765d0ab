import { ageOn } from '#shared/eligibility.ts';
import type { FamilyRelation } from '../identity/index.ts';
import { HOUSEHOLD_SIZE, RESIDENTS_AS_OF, type Resident } from './residents.ts';

/**
 * The simulated registry's family facts of a resident (issue 16): their place on the family card,
 * their parents and the date of their marriage. Derived from the household (four residents to a card,
 * see familyCardNumber), never drawn, so the residents themselves stay as they were.
 */
export interface FamilyFacts {
  readonly familyRelation: FamilyRelation;
  readonly fatherNik: string | null;
  readonly motherNik: string | null;
  readonly marriageDate: string | null;
}

/** A parent is at least this much older than their child on the card. */
const PARENT_AGE_GAP = 15;

export function familyFacts(residents: readonly Resident[], index: number): FamilyFacts {
  const resident = residents[index]!;
  const first = Math.floor(index / HOUSEHOLD_SIZE) * HOUSEHOLD_SIZE;
  const household = residents.slice(first, first + HOUSEHOLD_SIZE);
  const head = household.reduce((oldest, r) => (r.dateOfBirth < oldest.dateOfBirth ? r : oldest));
  const relation = relationOf(resident, head);
  const parent = (sex: 'M' | 'F') =>
    relation === 'ANAK'
      ? (household.find(
          (r) => r.sex === sex && ageGap(r, resident) >= PARENT_AGE_GAP && r.nik !== resident.nik,
        )?.nik ?? null)
      : null;
  return {
    familyRelation: relation,
    fatherNik: parent('M'),
    motherNik: parent('F'),
    marriageDate: marriageDate(resident),
  };
}

function relationOf(resident: Resident, head: Resident): FamilyRelation {
  if (resident.nik === head.nik) return 'KEPALA_KELUARGA';
  const married = (r: Resident) => r.maritalStatus === 'KAWIN';
  if (married(resident) && married(head) && resident.sex !== head.sex) {
    return resident.sex === 'F' ? 'ISTRI' : 'SUAMI';
  }
  if (resident.maritalStatus === 'BELUM_KAWIN' && ageGap(head, resident) >= PARENT_AGE_GAP) return 'ANAK';
  return 'FAMILI_LAIN';
}

function ageGap(older: Resident, younger: Resident): number {
  return ageOn(older.dateOfBirth, younger.dateOfBirth);
}

/**
 * Married at 19 to 26 (a fixed function of the NIK), or half a year before the set's reference day
 * for those married younger than that: the married 16-year-olds married at 15 or 16.
 */
function marriageDate(resident: Resident): string | null {
  if (resident.maritalStatus === 'BELUM_KAWIN') return null;
  const ageAtMarriage = 19 + (Number(resident.nik.slice(-2)) % 8);
  const [year, month, day] = resident.dateOfBirth.split('-') as [string, string, string];
  const date = `${Number(year) + ageAtMarriage}-${month}-${day === '29' && month === '02' ? '28' : day}`;
  return date < RESIDENTS_AS_OF ? date : '2025-07-01';
}
