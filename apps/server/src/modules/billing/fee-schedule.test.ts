import { describe, expect, it } from 'vitest';
import { feeCodes, passportProducts } from '#shared/contracts/fees.ts';
import { FixedClock } from '../../platform/clock.ts';
import { computeFee, FEE_SCHEDULE, feeScheduleOn, FeeScheduleError } from './fee-schedule.ts';
import { createFeeSchedule } from './service.ts';

/**
 * PP 45/2024, lampiran (pelayanan keimigrasian: dokumen perjalanan Republik Indonesia), as DOMAIN.md
 * "Fees" quotes it; written out here, not read from the schedule, so a wrong amount in the data fails.
 * Polycarbonate passports are electronic passports and pay the electronic amounts.
 */
const PP_45_2024 = {
  passport: {
    NON_ELECTRONIC_5Y: 350_000,
    NON_ELECTRONIC_10Y: 650_000,
    ELECTRONIC_5Y: 650_000,
    ELECTRONIC_10Y: 950_000,
    POLYCARBONATE_5Y: 650_000,
    POLYCARBONATE_10Y: 950_000,
  },
  express: 1_000_000,
  fine: { LOST: 1_000_000, DAMAGED: 500_000 },
} as const;

const services = ['REGULAR', 'EXPRESS'] as const;
const fines = [null, 'LOST', 'DAMAGED'] as const;
const combinations = passportProducts.flatMap(({ code }) =>
  services.flatMap((service) => fines.map((fine) => ({ product: code, service, fine }))),
);

describe('when a fee is computed on a day PP 45/2024 is in force', () => {
  it('then all 36 product × service × fine combinations are covered', () => {
    expect(combinations).toHaveLength(6 * 2 * 3);
  });

  it.each(combinations)('then $product, $service, fine $fine costs what PP 45/2024 says', (combination) => {
    const passport = PP_45_2024.passport[combination.product];
    const express = combination.service === 'EXPRESS' ? PP_45_2024.express : 0;
    const fine = combination.fine ? PP_45_2024.fine[combination.fine] : 0;

    const quote = computeFee({ ...combination, on: '2026-11-25' });

    expect(quote.amount).toBe(passport + express + fine);
    expect(quote.currency).toBe('IDR');
    expect(quote.legalBasis).toBe('PP 45/2024');
    expect(quote.items.map(({ code, amount }) => ({ code, amount }))).toEqual([
      { code: combination.product, amount: passport },
      ...(express ? [{ code: 'EXPRESS', amount: express }] : []),
      ...(combination.fine ? [{ code: `FINE_${combination.fine}`, amount: fine }] : []),
    ]);
  });

  it('then every item carries a label in Bahasa Indonesia and English', () => {
    const quote = computeFee({
      product: 'ELECTRONIC_10Y',
      service: 'EXPRESS',
      fine: 'LOST',
      on: '2025-01-02',
    });
    expect(quote.items.map((item) => item.label)).toEqual([
      {
        id: 'Paspor biasa elektronik, masa berlaku 10 tahun',
        en: 'Ordinary electronic passport, valid 10 years',
      },
      {
        id: 'Layanan percepatan paspor (selesai pada hari yang sama)',
        en: 'Express passport service (ready the same day)',
      },
      {
        id: 'Biaya beban paspor hilang (bukan karena keadaan kahar)',
        en: 'Charge for a lost passport (not force majeure)',
      },
    ]);
  });
});

describe('when a fee is computed before 2024-12-17', () => {
  it('then PP 28/2019 applies up to its last day, 2024-12-16, and PP 45/2024 from the next', () => {
    const before = computeFee({ product: 'ELECTRONIC_5Y', service: 'EXPRESS', fine: null, on: '2024-12-16' });
    expect(before).toMatchObject({ amount: 1_650_000, legalBasis: 'PP 28/2019' });
    const after = computeFee({ product: 'ELECTRONIC_5Y', service: 'EXPRESS', fine: null, on: '2024-12-17' });
    expect(after).toMatchObject({ amount: 1_650_000, legalBasis: 'PP 45/2024' });
  });

  it('then a non-electronic 5-year passport costs Rp350.000 under PP 28/2019', () => {
    const quote = computeFee({
      product: 'NON_ELECTRONIC_5Y',
      service: 'REGULAR',
      fine: null,
      on: '2023-06-01',
    });
    expect(quote).toMatchObject({ amount: 350_000, legalBasis: 'PP 28/2019' });
  });

  it('then an item PP 28/2019 does not define here fails, naming the item and the day', () => {
    expect(() =>
      computeFee({ product: 'ELECTRONIC_10Y', service: 'REGULAR', fine: null, on: '2023-06-01' }),
    ).toThrow(/2023-06-01 has no fee ELECTRONIC_10Y/);
    expect(() =>
      computeFee({ product: 'ELECTRONIC_5Y', service: 'REGULAR', fine: 'LOST', on: '2023-06-01' }),
    ).toThrow(/no fee FINE_LOST/);
  });

  it('then a day before any schedule we hold fails clearly', () => {
    expect(() => feeScheduleOn('2019-01-01')).toThrow(
      new FeeScheduleError('No fee schedule is in force on 2019-01-01'),
    );
  });
});

describe('when the input is not something the schedule knows', () => {
  it('then an unknown product fails, naming it', () => {
    expect(() =>
      computeFee({ product: 'DIPLOMATIC_5Y', service: 'REGULAR', fine: null, on: '2026-11-25' }),
    ).toThrow(new FeeScheduleError('Unknown passport product "DIPLOMATIC_5Y"'));
  });

  it.each(['2026-02-30', '25-11-2026', '2026-11-25T00:00:00Z', ''])(
    'then the date "%s" fails as not a calendar date',
    (on) => {
      expect(() => computeFee({ product: 'ELECTRONIC_5Y', service: 'REGULAR', fine: null, on })).toThrow(
        /Not a calendar date/,
      );
    },
  );
});

describe('when the schedule data is read as a whole', () => {
  it('then today every fee code has exactly one amount, in the order of the contract', () => {
    expect(feeScheduleOn('2026-11-25').map((entry) => entry.code)).toEqual(feeCodes);
  });

  it('then no code has two amounts on the same day and every amount is a positive integer', () => {
    for (const entry of FEE_SCHEDULE) {
      expect(Number.isInteger(entry.amount) && entry.amount > 0).toBe(true);
      expect(entry.validTo === null || entry.validFrom <= entry.validTo).toBe(true);
      const overlapping = FEE_SCHEDULE.filter(
        (other) =>
          other.code === entry.code &&
          other.validFrom <= (entry.validTo ?? '9999-12-31') &&
          entry.validFrom <= (other.validTo ?? '9999-12-31'),
      );
      expect(overlapping).toEqual([entry]);
    }
  });
});

describe('when the billing service answers the fees of today', () => {
  it('then "today" is the calendar day in Asia/Jakarta, so PP 45/2024 starts at midnight WIB', () => {
    const lastMinuteOfOld = createFeeSchedule({ clock: new FixedClock('2024-12-16T16:59:59Z') });
    const firstMinuteOfNew = createFeeSchedule({ clock: new FixedClock('2024-12-16T17:00:00Z') });
    expect(new Set(lastMinuteOfOld.feesToday().map((entry) => entry.legalBasis))).toEqual(
      new Set(['PP 28/2019']),
    );
    expect(new Set(firstMinuteOfNew.feesToday().map((entry) => entry.legalBasis))).toEqual(
      new Set(['PP 45/2024']),
    );
  });
});

describe('when a first-time migrant worker (PMI) applies with the Disnaker recommendation (Permenkumham 9/2020)', () => {
  const pmi = { product: 'ELECTRONIC_5Y', fine: null, waiver: 'FIRST_MIGRANT_WORKER' } as const;

  it('then the passport item is Rp0, citing the regulation, and percepatan is still charged', () => {
    const regular = computeFee({ ...pmi, service: 'REGULAR', on: '2026-11-25' });
    expect(regular.amount).toBe(0);
    expect(regular.items).toEqual([
      expect.objectContaining({
        code: 'ELECTRONIC_5Y',
        amount: 0,
        label: expect.objectContaining({ id: expect.stringContaining('Rp0') }),
      }),
    ]);
    expect(regular.legalBasis).toBe('PP 45/2024, Permenkumham 9/2020');
    const express = computeFee({ ...pmi, service: 'EXPRESS', on: '2026-11-25' });
    expect(express.amount).toBe(1_000_000);
  });

  it('then before the regulation was in force, the full fee', () => {
    expect(computeFee({ ...pmi, service: 'REGULAR', on: '2020-01-15' }).amount).toBe(650_000);
  });
});
