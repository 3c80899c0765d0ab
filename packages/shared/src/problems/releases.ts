import { defineProblems } from './define.ts';

/** Quota releases and their waiting rooms (issue 14). */
export const releaseProblems = defineProblems({
  ADMISSION_REQUIRED: {
    status: 403,
    title: {
      id: 'Sesi ini sedang dalam antrean pembukaan kuota: tunggu giliran Anda',
      en: 'This session is in a quota release queue: wait for your turn',
    },
  },
  RELEASE_QUEUE_NOT_OPEN: {
    status: 409,
    title: {
      id: 'Antrean pembukaan kuota kantor ini belum dibuka',
      en: 'This office’s release queue is not open',
    },
  },
  RELEASE_QUEUE_NIK_TAKEN: {
    status: 409,
    title: {
      id: 'NIK ini sudah ada dalam antrean dari akun lain',
      en: 'This NIK is already in the queue from another account',
    },
  },
});
