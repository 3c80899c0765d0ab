import { describe, expect, it } from 'vitest';
import { ageOn } from '#shared/eligibility.ts';
import { familyFacts } from './family.ts';
import { HOUSEHOLD_SIZE, RESIDENTS_AS_OF } from './residents.ts';
import { simResidents } from './service.ts';

/** The simulated registry's family facts (issue 16) are consistent with the residents they describe. */
const residents = simResidents(1000);
const facts = residents.map((_, i) => familyFacts(residents, i));
const byNik = new Map(residents.map((r, i) => [r.nik, i]));
const household = (i: number) => Math.floor(i / HOUSEHOLD_SIZE);

describe('family facts of the simulated residents', () => {
  it('when read per family card, then each card has exactly one head, its oldest member', () => {
    for (let first = 0; first < residents.length; first += HOUSEHOLD_SIZE) {
      const members = facts.slice(first, first + HOUSEHOLD_SIZE);
      expect(members.filter((f) => f.familyRelation === 'KEPALA_KELUARGA')).toHaveLength(1);
    }
  });

  it('when a resident has parents on record, then they are on the same card, of the right sex, 15+ years older', () => {
    let children = 0;
    facts.forEach((f, i) => {
      for (const [nik, sex] of [
        [f.fatherNik, 'M'],
        [f.motherNik, 'F'],
      ] as const) {
        if (!nik) continue;
        const parent = byNik.get(nik)!;
        expect(household(parent)).toBe(household(i));
        expect(residents[parent]!.sex).toBe(sex);
        expect(ageOn(residents[parent]!.dateOfBirth, residents[i]!.dateOfBirth)).toBeGreaterThanOrEqual(15);
        children++;
      }
    });
    expect(children).toBeGreaterThan(50);
  });

  it('when married, then a marriage date after the birth and not after the set’s reference day; never married → none', () => {
    residents.forEach((r, i) => {
      const { marriageDate } = facts[i]!;
      if (r.maritalStatus === 'BELUM_KAWIN') expect(marriageDate).toBeNull();
      else {
        expect(marriageDate! > r.dateOfBirth).toBe(true);
        expect(marriageDate! <= RESIDENTS_AS_OF).toBe(true);
      }
    });
    // The married minors the set keeps on purpose are there, and say so.
    expect(
      residents.some((r) => r.maritalStatus === 'KAWIN' && ageOn(r.dateOfBirth, RESIDENTS_AS_OF) < 17),
    ).toBe(true);
  });

  it('when flagged dual citizenship, then a child, and some exist', () => {
    const dual = residents.filter((r) => r.dualCitizenship);
    expect(dual.length).toBeGreaterThan(0);
    for (const r of dual) expect(ageOn(r.dateOfBirth, RESIDENTS_AS_OF)).toBeLessThan(17);
  });
});
