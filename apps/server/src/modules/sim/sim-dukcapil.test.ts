import { describe, expect, it } from 'vitest';
import { generateResidents, residentGeography, type Resident } from './index.ts';
import { createSimDukcapil } from './sim-dukcapil.ts';

const residents = generateResidents(1000, residentGeography());
const dukcapil = createSimDukcapil(residents);

function someone(predicate: (r: Resident) => boolean): Resident {
  const resident = residents.find(predicate);
  if (!resident) throw new Error('no synthetic resident fits this test');
  return resident;
}

const anyone = someone(() => true);

describe('the simulated Dukcapil', () => {
  it('when every resident is checked with their own biodata, then each matches', async () => {
    for (const r of residents) {
      await expect(dukcapil.verifyResident(r.nik, r), r.nik).resolves.toEqual({ result: 'match' });
    }
  });

  it.each([
    ['fullName', { fullName: 'Nama Orang Lain' }],
    ['dateOfBirth', { dateOfBirth: '1901-01-01' }],
    ['placeOfBirth', { placeOfBirth: 'Tempat Lain' }],
    ['sex', { sex: anyone.sex === 'F' ? 'M' : 'F' }],
  ] as const)('when only %s differs, then exactly that field is reported', async (field, change) => {
    await expect(dukcapil.verifyResident(anyone.nik, { ...anyone, ...change })).resolves.toEqual({
      result: 'mismatch',
      fields: [field],
    });
  });

  it('when everything differs, then all four fields are reported, in the port’s order', async () => {
    const stranger = {
      fullName: 'X',
      dateOfBirth: '1901-01-01',
      placeOfBirth: 'Y',
      sex: anyone.sex === 'F' ? ('M' as const) : ('F' as const),
    };
    await expect(dukcapil.verifyResident(anyone.nik, stranger)).resolves.toEqual({
      result: 'mismatch',
      fields: ['fullName', 'dateOfBirth', 'placeOfBirth', 'sex'],
    });
  });

  it('when a name is written as a passport writes it (ICAO 9303: "M. Firman" → "M FIRMAN"), then it still matches', async () => {
    const abbreviated = someone((r) => /^M\. /.test(r.fullName));
    const asInPassport = abbreviated.fullName.replace('M. ', 'M ').toUpperCase();
    await expect(
      dukcapil.verifyResident(abbreviated.nik, { ...abbreviated, fullName: asInPassport }),
    ).resolves.toEqual({ result: 'match' });

    const apostrophe = someone((r) => r.fullName.includes("'"));
    const withoutIt = `  ${apostrophe.fullName.replace("'", '').toLowerCase()} `;
    await expect(
      dukcapil.verifyResident(apostrophe.nik, { ...apostrophe, fullName: withoutIt }),
    ).resolves.toEqual({ result: 'match' });
  });

  it('when the place of birth is written with its regency prefix, then it still matches', async () => {
    await expect(
      dukcapil.verifyResident(anyone.nik, { ...anyone, placeOfBirth: `Kabupaten ${anyone.placeOfBirth}` }),
    ).resolves.toEqual({ result: 'match' });
  });

  it('when a date is one day off, then it does not match: dates are exact', async () => {
    const nextDay = new Date(Date.parse(`${anyone.dateOfBirth}T00:00:00Z`) + 86_400_000);
    const verdict = await dukcapil.verifyResident(anyone.nik, {
      ...anyone,
      dateOfBirth: nextDay.toISOString().slice(0, 10),
    });
    expect(verdict).toEqual({ result: 'mismatch', fields: ['dateOfBirth'] });
  });

  it('when the NIK belongs to nobody, then not_found', async () => {
    const unknown = residents.some((r) => r.nik === '3273056010900009')
      ? '3273056010909999'
      : '3273056010900009';
    await expect(dukcapil.verifyResident(unknown, anyone)).resolves.toEqual({ result: 'not_found' });
  });
});
