import { defineProblems } from './define.ts';

/** PNBP billing and payments. */
export const billingProblems = defineProblems({
  SIGNATURE_INVALID: {
    status: 401,
    title: { id: 'Tanda tangan notifikasi tidak sah', en: 'The notification signature is not valid' },
  },
  PAYMENT_NOT_FOUND: {
    status: 422,
    title: { id: 'Pembayaran tidak ditemukan', en: 'The payment was not found' },
  },
  SIMPONI_UNAVAILABLE: {
    status: 503,
    title: {
      id: 'Sistem pembayaran PNBP sedang tidak dapat dihubungi',
      en: 'The state revenue system cannot be reached right now',
    },
  },
});
