import { defineProblems } from './define.ts';

/** NIK and civil-registry (Dukcapil) problems. */
export const identityProblems = defineProblems({
  NIK_INVALID: {
    status: 422,
    title: { id: 'NIK tidak valid', en: 'The NIK is not valid' },
  },
  NIK_NOT_FOUND: {
    status: 422,
    title: {
      id: 'NIK tidak ditemukan di data kependudukan (Dukcapil)',
      en: 'The NIK is not in the civil registry (Dukcapil)',
    },
  },
  NIK_DATA_MISMATCH: {
    status: 422,
    title: {
      id: 'Data diri tidak sesuai dengan data kependudukan (Dukcapil)',
      en: 'The personal data differs from the civil registry (Dukcapil)',
    },
  },
  NIK_TAKEN: {
    status: 409,
    title: {
      id: 'NIK ini sudah terdaftar pada akun lain',
      en: 'This NIK is already registered to another account',
    },
  },
  DUKCAPIL_UNAVAILABLE: {
    status: 503,
    title: {
      id: 'Layanan data kependudukan (Dukcapil) sedang tidak dapat dihubungi',
      en: 'The civil registry (Dukcapil) cannot be reached right now',
    },
  },
});
