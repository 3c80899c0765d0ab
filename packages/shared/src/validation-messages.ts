import type { Localized } from './i18n.ts';

/**
 * Messages that schemas name by key (`z.string().refine(fn, { message: 'date.format' })`), so the
 * server can answer in the request's language while the schema stays shared with the web app.
 */
export const validationMessages = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  'date.format': { id: 'Gunakan format tanggal TTTT-BB-HH.', en: 'Use the date format YYYY-MM-DD.' },
  'date.range': {
    id: 'Tanggal harus antara 1900-01-01 dan 2100-12-31.',
    en: 'The date must be between 1900-01-01 and 2100-12-31.',
  },
  'near.format': {
    id: 'Gunakan LINTANG,BUJUR dalam derajat desimal, misalnya -6.2615,106.8106.',
    en: 'Use LAT,LON in decimal degrees, e.g. -6.2615,106.8106.',
  },
  'ntpn.format': {
    id: 'NTPN terdiri dari 16 huruf/angka, tertera pada bukti bayar.',
    en: 'The NTPN has 16 letters or digits, printed on the payment receipt.',
  },
  'otp.format': { id: 'Kode terdiri dari 6 angka.', en: 'The code has 6 digits.' },
  'json.invalid': {
    id: 'Isi permintaan bukan JSON yang benar.',
    en: 'The request body is not valid JSON.',
  },
} as const satisfies Record<string, Localized>;

export type ValidationMessageKey = keyof typeof validationMessages;

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.hasOwn(validationMessages, value);
}
