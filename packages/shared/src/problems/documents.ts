import { defineProblems } from './define.ts';

/** Uploaded scans. */
export const documentProblems = defineProblems({
  FILE_TOO_LARGE: {
    status: 413,
    title: { id: 'Berkas terlalu besar', en: 'The file is too large' },
  },
  DOCUMENT_NOT_REQUIRED: {
    status: 422,
    title: {
      id: 'Dokumen ini tidak diperlukan untuk permohonan ini',
      en: 'This document is not required for this application',
    },
  },
  DOCUMENTS_INCOMPLETE: {
    status: 422,
    title: { id: 'Dokumen persyaratan belum lengkap', en: 'Required documents are missing' },
  },
});
