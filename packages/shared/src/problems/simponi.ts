import { defineProblems } from './define.ts';

/** Paying a billing code at the (simulated) state billing system SIMPONI. */
export const simponiProblems = defineProblems({
  BILLING_NOT_FOUND: {
    status: 404,
    title: { id: 'Kode billing tidak ditemukan', en: 'The billing code does not exist' },
  },
  BILLING_EXPIRED: {
    status: 409,
    title: {
      id: 'Kode billing sudah kedaluwarsa dan tidak dapat dibayar',
      en: 'The billing code has expired and can no longer be paid',
    },
  },
  BILLING_VOIDED: {
    status: 409,
    title: {
      id: 'Kode billing sudah dibatalkan karena permohonannya batal atau kedaluwarsa: jangan dibayar',
      en: 'The billing code was voided because its application was cancelled or expired: do not pay it',
    },
  },
  BILLING_ALREADY_PAID: {
    status: 409,
    title: { id: 'Kode billing ini sudah dibayar', en: 'This billing code has already been paid' },
  },
});
