import { defineProblems } from './define.ts';

/** Creating and moving passport applications. */
export const applicationProblems = defineProblems({
  INVALID_STATE: {
    status: 409,
    title: {
      id: 'Permohonan tidak dapat diproses pada status ini',
      en: 'The application cannot do this in its current status',
    },
  },
  CONSENT_REQUIRED: {
    status: 403,
    title: {
      id: 'Perlu persetujuan pemilik NIK',
      en: 'The NIK holder’s consent is needed',
    },
  },
  CONSENT_NOT_NEEDED: {
    status: 409,
    title: {
      id: 'Permohonan ini tidak memerlukan persetujuan',
      en: 'This application needs no consent',
    },
  },
  CONSENT_UNDELIVERABLE: {
    status: 409,
    title: {
      id: 'Kode persetujuan tidak dapat dikirim ke pemilik NIK',
      en: 'The consent code cannot be sent to the NIK holder',
    },
  },
  CONSENT_CODE_INVALID: {
    status: 422,
    title: { id: 'Kode persetujuan salah atau kedaluwarsa', en: 'The consent code is wrong or expired' },
  },
  CONSENT_LIMIT: {
    status: 429,
    title: {
      id: 'Batas jumlah orang dewasa lain per akun tercapai',
      en: 'The limit of other adults per account is reached',
    },
  },
  CLAIM_LINK_INVALID: {
    status: 403,
    title: {
      id: 'Tautan "saya sudah bayar" ini tidak berlaku',
      en: 'This "I have paid" link is not valid',
    },
  },
  ACTIVE_APPLICATION_EXISTS: {
    status: 409,
    title: {
      id: 'Sudah ada permohonan yang sedang berjalan untuk NIK ini',
      en: 'An application for this NIK is already in progress',
    },
  },
  APPLICATION_LIMIT: {
    status: 409,
    title: {
      id: 'Batas permohonan aktif untuk satu akun sudah tercapai',
      en: 'This account has reached its limit of active applications',
    },
  },
  PRODUCT_NOT_ALLOWED: {
    status: 422,
    title: { id: 'Jenis paspor ini tidak dapat dipilih', en: 'This passport type cannot be chosen' },
  },
  PREVIOUS_PASSPORT_REQUIRED: {
    status: 422,
    title: {
      id: 'Nomor paspor lama wajib diisi untuk penggantian',
      en: 'A replacement needs the previous passport number',
    },
  },
  PREVIOUS_PASSPORT_NOT_FOUND: {
    status: 422,
    title: { id: 'Paspor lama tidak ditemukan', en: 'The previous passport was not found' },
  },
  REPLACEMENT_REASON_INVALID: {
    status: 422,
    title: {
      id: 'Alasan penggantian tidak sesuai dengan data paspor lama',
      en: 'The replacement reason does not fit the previous passport’s record',
    },
  },
  PAGES_FULL_UNCONFIRMED: {
    status: 422,
    title: {
      id: 'Petugas belum memastikan halaman paspor lama penuh',
      en: 'The officer has not confirmed the old passport’s pages are full',
    },
  },
  WALK_IN_NOT_ELIGIBLE: {
    status: 422,
    title: {
      id: 'Pemohon tidak memenuhi syarat jalur layanan langsung ini',
      en: 'The applicant does not qualify for this walk-in lane',
    },
  },
  WALK_IN_QUOTA_FULL: {
    status: 409,
    title: {
      id: 'Kuota layanan langsung jalur ini hari ini sudah habis',
      en: 'Today’s walk-in quota of this lane is used up',
    },
  },
  LOSS_REPORT_NOT_APPLICABLE: {
    status: 422,
    title: {
      id: 'BAP hanya untuk paspor hilang atau rusak',
      en: 'An examination report is only for a lost or damaged passport',
    },
  },
  LOSS_REPORT_REQUIRED: {
    status: 409,
    title: { id: 'BAP belum dicatat', en: 'The examination report has not been recorded' },
  },
  LOSS_DECISION_PENDING: {
    status: 409,
    title: {
      id: 'Menunggu keputusan kepala kantor atas paspor hilang/rusak',
      en: 'Waiting for the head of office’s decision on the lost/damaged passport',
    },
  },
  LOSS_DEFERRAL_NOT_ALLOWED: {
    status: 422,
    title: {
      id: 'Penangguhan hanya untuk kehilangan berulang',
      en: 'Deferral is only for a repeated loss',
    },
  },
  LOSS_DEFERRED: {
    status: 422,
    title: {
      id: 'Penerbitan paspor untuk NIK ini sedang ditangguhkan',
      en: 'Issuing a passport for this NIK is deferred',
    },
  },
  FINE_UNPAID: {
    status: 409,
    title: { id: 'Biaya beban belum dibayar', en: 'The fine has not been paid' },
  },
  PREVIOUS_PASSPORT_EXISTS: {
    status: 422,
    title: {
      id: 'Anda sudah pernah memiliki paspor: pilih Penggantian, bukan Baru',
      en: 'You already have had a passport: choose Replacement, not New',
    },
  },
  CONTEST_NOT_ALLOWED: {
    status: 422,
    title: { id: 'Keberatan tidak dapat diajukan', en: 'The rejection cannot be contested' },
  },
  CONTEST_EVIDENCE_REQUIRED: {
    status: 422,
    title: {
      id: 'Unggah dokumen baru pendukung keberatan terlebih dahulu',
      en: 'Upload the new document supporting the objection first',
    },
  },
  NO_PENDING_CONTEST: {
    status: 409,
    title: {
      id: 'Tidak ada keberatan yang menunggu keputusan',
      en: 'There is no objection waiting for a decision',
    },
  },
  CONTEST_OWN_REJECTION: {
    status: 403,
    title: {
      id: 'Keberatan diputuskan oleh pejabat lain, bukan petugas yang menolak',
      en: 'The objection is decided by another officer, not the one who rejected',
    },
  },
  PHOTO_NOT_PORTRAIT: {
    status: 422,
    title: { id: 'Foto biometrik bukan potret wajah', en: 'The biometric photo is not a face portrait' },
  },
  HANDOVER_IDENTITY_UNCONFIRMED: {
    status: 422,
    title: {
      id: 'Cocokkan KTP pemohon: ketik 4 angka terakhir NIK',
      en: 'Match the applicant’s KTP: type the last 4 digits of the NIK',
    },
  },
  FOUR_EYES: {
    status: 403,
    title: {
      id: 'Adjudikasi dilakukan pejabat lain, bukan pewawancara',
      en: 'Adjudication is done by another officer, not the interviewer',
    },
  },
});
