import { defineProblems } from './define.ts';

/** The officer console: sign-in and the steps of the office visit. */
export const officerProblems = defineProblems({
  TOTP_REQUIRED: {
    status: 401,
    title: { id: 'Masukkan kode autentikator', en: 'Enter the authenticator code' },
  },
  TOTP_INVALID: {
    status: 401,
    title: { id: 'Kode autentikator salah', en: 'The authenticator code is wrong' },
  },
  ARRIVAL_PASS_INVALID: {
    status: 422,
    title: { id: 'Kode kedatangan tidak sah', en: 'The arrival code is not valid' },
  },
  ARRIVAL_PASS_OTHER_OFFICE: {
    status: 422,
    title: {
      id: 'Kode kedatangan untuk kantor imigrasi lain',
      en: 'The arrival code is for another immigration office',
    },
  },
  NOT_APPOINTMENT_DAY: {
    status: 422,
    title: { id: 'Bukan hari jadwal kedatangan', en: 'Not the day of the appointment' },
  },
  BIOMETRICS_INCOMPLETE: {
    status: 422,
    title: { id: 'Foto dan sidik jari belum lengkap', en: 'Photo and fingerprints are not complete' },
  },
  USERNAME_TAKEN: {
    status: 409,
    title: { id: 'Nama pengguna sudah dipakai', en: 'The username is taken' },
  },
  REASON_REQUIRED: {
    status: 422,
    title: { id: 'Alasan wajib diisi', en: 'A reason is required' },
  },
  BACKUP_USE_PG_DUMP: {
    status: 409,
    title: {
      id: 'Basis data PostgreSQL dicadangkan dengan pg_dump',
      en: 'A PostgreSQL database is backed up with pg_dump',
    },
  },
});
