import { defineProblems } from './define.ts';

/** Registration, e-mail codes, login and sessions. */
export const accountProblems = defineProblems({
  EMAIL_TAKEN: {
    status: 409,
    title: { id: 'Alamat e-mail ini sudah terdaftar', en: 'This e-mail address is already registered' },
  },
  OTP_INVALID: {
    status: 422,
    title: { id: 'Kode verifikasi salah', en: 'The verification code is not correct' },
  },
  OTP_EXPIRED: {
    status: 422,
    title: { id: 'Kode verifikasi sudah kedaluwarsa', en: 'The verification code has expired' },
  },
  OTP_TOO_MANY_ATTEMPTS: {
    status: 429,
    title: {
      id: 'Terlalu banyak kode salah; minta kode baru',
      en: 'Too many wrong codes; ask for a new code',
    },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    title: { id: 'E-mail atau kata sandi salah', en: 'Wrong e-mail address or password' },
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    title: { id: 'E-mail belum diverifikasi', en: 'The e-mail address is not verified yet' },
  },
  CSRF_INVALID: {
    status: 403,
    title: {
      id: 'Permintaan ditolak karena token keamanan tidak cocok',
      en: 'Request refused: the security token does not match',
    },
  },
});
