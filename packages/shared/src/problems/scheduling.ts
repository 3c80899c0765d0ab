import { defineProblems } from './define.ts';

/** Offices, sessions and seats. */
export const schedulingProblems = defineProblems({
  SESSION_FULL: {
    status: 409,
    title: { id: 'Kuota sesi sudah habis', en: 'The session is fully booked' },
  },
  SESSION_NOT_BOOKABLE: {
    status: 422,
    title: { id: 'Sesi tidak dapat dipesan', en: 'The session cannot be booked' },
  },
  RESCHEDULE_LIMIT: {
    status: 409,
    title: { id: 'Jadwal sudah pernah diubah', en: 'The appointment was already rescheduled' },
  },
  PRODUCT_NOT_OFFERED: {
    status: 422,
    title: {
      id: 'Kantor ini tidak melayani jenis paspor tersebut',
      en: 'This office does not issue that kind of passport',
    },
  },
});
