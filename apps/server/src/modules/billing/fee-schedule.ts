import { isPassportProductCode, type FeeCode, type PassportProductCode } from '#shared/contracts/fees.ts';
import type { Localized } from '#shared/i18n.ts';

/**
 * The passport fees (PNBP, Penerimaan Negara Bukan Pajak) as data: each amount carries the regulation
 * that sets it and the days it applies, so the next regulation is a new block of rows with a start date,
 * and the one it replaces gets an end date. Nothing else in the code knows an amount.
 */
export interface FeeScheduleEntry {
  readonly code: FeeCode;
  /** Integer rupiah. */
  readonly amount: number;
  readonly label: Localized;
  readonly legalBasis: string;
  /** First and last day (YYYY-MM-DD, inclusive) the amount applies; `validTo` null while in force. */
  readonly validFrom: string;
  readonly validTo: string | null;
}

const labels: Record<FeeCode, Localized> = {
  NON_ELECTRONIC_5Y: {
    id: 'Paspor biasa non-elektronik, masa berlaku 5 tahun',
    en: 'Ordinary non-electronic passport, valid 5 years',
  },
  NON_ELECTRONIC_10Y: {
    id: 'Paspor biasa non-elektronik, masa berlaku 10 tahun',
    en: 'Ordinary non-electronic passport, valid 10 years',
  },
  ELECTRONIC_5Y: {
    id: 'Paspor biasa elektronik, masa berlaku 5 tahun',
    en: 'Ordinary electronic passport, valid 5 years',
  },
  ELECTRONIC_10Y: {
    id: 'Paspor biasa elektronik, masa berlaku 10 tahun',
    en: 'Ordinary electronic passport, valid 10 years',
  },
  POLYCARBONATE_5Y: {
    id: 'Paspor biasa elektronik polikarbonat, masa berlaku 5 tahun',
    en: 'Ordinary electronic passport (polycarbonate), valid 5 years',
  },
  POLYCARBONATE_10Y: {
    id: 'Paspor biasa elektronik polikarbonat, masa berlaku 10 tahun',
    en: 'Ordinary electronic passport (polycarbonate), valid 10 years',
  },
  EXPRESS: {
    id: 'Layanan percepatan paspor (selesai pada hari yang sama)',
    en: 'Express passport service (ready the same day)',
  },
  FINE_LOST: {
    id: 'Biaya beban paspor hilang (bukan karena keadaan kahar)',
    en: 'Charge for a lost passport (not force majeure)',
  },
  FINE_DAMAGED: {
    id: 'Biaya beban paspor rusak (bukan karena keadaan kahar)',
    en: 'Charge for a damaged passport (not force majeure)',
  },
};

function regulation(
  basis: { legalBasis: string; validFrom: string; validTo: string | null },
  amounts: Partial<Record<FeeCode, number>>,
): FeeScheduleEntry[] {
  return Object.entries(amounts).map(([code, amount]) => ({
    code: code as FeeCode,
    amount,
    label: labels[code as FeeCode],
    ...basis,
  }));
}

/**
 * PP 28/2019 (lampiran, pelayanan keimigrasian), kept so amounts quoted before the change can be
 * explained. Only the rows we are sure of: "paspor biasa 48 halaman" Rp350.000, "paspor biasa 48
 * halaman elektronik" Rp650.000 (passports were then valid 5 years) and percepatan Rp1.000.000.
 * Left out on purpose, as unverified: 10-year passports (issued from Permenkumham 18/2022 but not
 * priced separately until PP 45/2024), polycarbonate passports, and the amounts of the biaya beban for
 * a lost or damaged passport under this regulation. UNCERTAIN: the day PP 28/2019 came into force
 * (mid-2019) is not verified here, so the schedule starts on 2020-01-01, a day it was certainly in force.
 */
const PP_28_2019 = regulation(
  { legalBasis: 'PP 28/2019', validFrom: '2020-01-01', validTo: '2024-12-16' },
  { NON_ELECTRONIC_5Y: 350_000, ELECTRONIC_5Y: 650_000, EXPRESS: 1_000_000 },
);

/**
 * PP 45/2024 (Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kementerian Hukum dan HAM), in force
 * 60 days after promulgation; DOMAIN.md takes 2024-12-17 (press reports also say 18 or 22 December).
 * Polycarbonate passports are electronic passports to the regulation, so they carry the electronic
 * amounts. The biaya beban are charged only when the loss or damage was not force majeure.
 */
const PP_45_2024 = regulation(
  { legalBasis: 'PP 45/2024', validFrom: '2024-12-17', validTo: null },
  {
    NON_ELECTRONIC_5Y: 350_000,
    NON_ELECTRONIC_10Y: 650_000,
    ELECTRONIC_5Y: 650_000,
    ELECTRONIC_10Y: 950_000,
    POLYCARBONATE_5Y: 650_000,
    POLYCARBONATE_10Y: 950_000,
    EXPRESS: 1_000_000,
    FINE_LOST: 1_000_000,
    FINE_DAMAGED: 500_000,
  },
);

export const FEE_SCHEDULE: readonly FeeScheduleEntry[] = [...PP_28_2019, ...PP_45_2024];

/** A question the schedule cannot answer: a bug or a missing regulation, never the applicant's fault. */
export class FeeScheduleError extends Error {
  override name = 'FeeScheduleError';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(date: string): void {
  const valid = ISO_DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!valid) throw new FeeScheduleError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
}

/** The amounts that apply on a day (YYYY-MM-DD, a day in Indonesia), in schedule order. */
export function feeScheduleOn(date: string): FeeScheduleEntry[] {
  assertDate(date);
  const entries = FEE_SCHEDULE.filter(
    (e) => e.validFrom <= date && (e.validTo === null || date <= e.validTo),
  );
  if (entries.length === 0) throw new FeeScheduleError(`No fee schedule is in force on ${date}`);
  return entries;
}

/**
 * Tariffs set "up to Rp0" for some payers, as data with their basis (issue 16). Permenkumham 9/2020
 * (Persyaratan dan Tata Cara Pengenaan Tarif sampai dengan Rp0,00 atas Jenis PNBP pada Kemenkumham)
 * lets the passport fee be Rp0 for an Indonesian migrant worker (PMI) applying for the first time with
 * the recommendation of the labour office (Disnaker). Only the passport item is waived: percepatan
 * and a biaya beban are still charged. UNCERTAIN: the day it came into force (early 2020) is not
 * verified here; it is taken as in force from 2020-03-01.
 */
export const tariffWaivers = {
  FIRST_MIGRANT_WORKER: {
    legalBasis: 'Permenkumham 9/2020',
    validFrom: '2020-03-01',
    validTo: null as string | null,
    label: {
      id: 'tarif Rp0 bagi Pekerja Migran Indonesia pertama kali (rekomendasi Disnaker)',
      en: 'Rp0 tariff for a first-time Indonesian migrant worker (labour office recommendation)',
    },
  },
} as const;
export type TariffWaiver = keyof typeof tariffWaivers;

export interface FeeInput {
  /** A passport product code; a string, since callers may hold unchecked input. */
  readonly product: string;
  readonly service: 'REGULAR' | 'EXPRESS';
  readonly fine: 'LOST' | 'DAMAGED' | null;
  /** A tariff the payer is exempt from (the passport item only), when in force on the day. */
  readonly waiver?: TariffWaiver | null;
  /** The day the fee is fixed (YYYY-MM-DD in Asia/Jakarta). */
  readonly on: string;
}

export interface FeeQuote {
  readonly amount: number;
  readonly currency: 'IDR';
  /** The regulations behind the items, e.g. "PP 45/2024". */
  readonly legalBasis: string;
  readonly items: readonly { code: FeeCode; amount: number; label: Localized }[];
}

/** The passport, then percepatan, then the biaya beban: the order they appear on the bill. */
export function computeFee(input: FeeInput): FeeQuote {
  if (!isPassportProductCode(input.product)) {
    throw new FeeScheduleError(`Unknown passport product "${input.product}"`);
  }
  const schedule = feeScheduleOn(input.on);
  const codes = itemCodes(input.product, input);
  const waiver = waiverOn(input.waiver ?? null, input.on);
  const items = codes.map((code) => {
    const entry = schedule.find((e) => e.code === code);
    if (!entry) throw new FeeScheduleError(`The schedule in force on ${input.on} has no fee ${code}`);
    if (waiver && code === input.product) {
      const label = {
        id: `${entry.label.id} — ${waiver.label.id}`,
        en: `${entry.label.en} — ${waiver.label.en}`,
      };
      return { code, amount: 0, label, legalBasis: `${entry.legalBasis}, ${waiver.legalBasis}` };
    }
    return { code, amount: entry.amount, label: entry.label, legalBasis: entry.legalBasis };
  });
  return {
    amount: items.reduce((sum, item) => sum + item.amount, 0),
    currency: 'IDR',
    legalBasis: [...new Set(items.flatMap((item) => item.legalBasis.split(', ')))].join(', '),
    items: items.map(({ code, amount, label }) => ({ code, amount, label })),
  };
}

function itemCodes(product: PassportProductCode, input: FeeInput): FeeCode[] {
  const codes: FeeCode[] = [product];
  if (input.service === 'EXPRESS') codes.push('EXPRESS');
  if (input.fine === 'LOST') codes.push('FINE_LOST');
  if (input.fine === 'DAMAGED') codes.push('FINE_DAMAGED');
  return codes;
}

function waiverOn(waiver: TariffWaiver | null, day: string) {
  const rule = waiver ? tariffWaivers[waiver] : null;
  return rule && rule.validFrom <= day && (rule.validTo === null || day <= rule.validTo) ? rule : null;
}
