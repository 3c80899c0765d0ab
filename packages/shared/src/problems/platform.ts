import { defineProblems } from './define.ts';

/** Problems any endpoint can answer. */
export const platformProblems = defineProblems({
  BAD_REQUEST: {
    status: 400,
    title: { id: 'Permintaan tidak dapat dibaca', en: 'The request could not be read' },
  },
  REQUEST_TIMEOUT: {
    status: 408,
    title: {
      id: 'Permintaan terlalu lama terkirim; periksa koneksi Anda dan coba lagi',
      en: 'The request took too long to arrive; check your connection and try again',
    },
  },
  VALIDATION: {
    status: 422,
    title: { id: 'Data yang dikirim belum sesuai', en: 'Some of the submitted data is not valid' },
  },
  UNAUTHENTICATED: {
    status: 401,
    title: { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' },
  },
  FORBIDDEN: {
    status: 403,
    title: { id: 'Anda tidak berwenang melakukan ini', en: 'You are not allowed to do this' },
  },
  NOT_FOUND: {
    status: 404,
    title: { id: 'Data tidak ditemukan', en: 'Not found' },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    title: { id: 'Metode tidak didukung untuk alamat ini', en: 'Method not allowed for this address' },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: { id: 'Data yang dikirim terlalu besar', en: 'The request body is too large' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { id: 'Jenis data tidak didukung', en: 'Unsupported media type' },
  },
  RATE_LIMITED: {
    status: 429,
    title: {
      id: 'Terlalu banyak permintaan, coba lagi nanti',
      en: 'Too many requests, please try again later',
    },
  },
  INTERNAL: {
    status: 500,
    title: {
      id: 'Terjadi kesalahan pada sistem kami',
      en: 'Something went wrong on our side',
    },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: {
      id: 'Layanan sedang tidak tersedia, coba lagi sebentar lagi',
      en: 'The service is unavailable, please try again shortly',
    },
  },
});
