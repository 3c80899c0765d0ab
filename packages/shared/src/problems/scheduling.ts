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
  WAITLIST_SEATS_AVAILABLE: {
    status: 409,
    title: {
      id: 'Masih ada kursi pada tanggal tersebut: pesan langsung',
      en: 'Seats are still free on those dates: book one directly',
    },
  },
  WAITLIST_ALREADY_JOINED: {
    status: 409,
    title: { id: 'Permohonan ini sudah di daftar tunggu', en: 'This application is already on the waitlist' },
  },
  NO_OPEN_OFFER: {
    status: 409,
    title: {
      id: 'Tidak ada tawaran kursi yang masih berlaku',
      en: 'There is no seat offer that is still open',
    },
  },
});
