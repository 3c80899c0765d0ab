/**
 * Contesting a rejection once (keberatan, issue 16), beside applicant-messages.ts, which merges them into
 * the applicant catalogue. `{date}` is filled in by the caller.
 */
export const contestId = {
  'contest.title': 'Ajukan keberatan',
  'contest.intro':
    'Permohonan Anda ditolak. Jika menurut Anda keliru, Anda dapat mengajukan keberatan satu kali sampai {date}, dengan dokumen baru dan alasan. Keberatan diputuskan oleh pejabat lain di kantor yang sama.',
  'contest.evidence': 'Dokumen baru pendukung keberatan',
  'contest.evidenceHint': 'JPEG, PNG atau PDF, paling besar 5 MB.',
  'contest.evidenceDone': 'Dokumen baru sudah diunggah.',
  'contest.reason': 'Alasan keberatan',
  'contest.needEvidence': 'Unggah dokumen baru terlebih dahulu.',
  'contest.needReason': 'Tulis alasan keberatan (paling sedikit 10 karakter).',
  'contest.submit': 'Kirim keberatan',
  'contest.status.PENDING':
    'Keberatan Anda sedang diperiksa. Keputusan paling lambat {date}; hasilnya dikirim lewat e-mail.',
  'contest.status.UPHELD': 'Keberatan Anda sudah diperiksa: penolakan tetap berlaku.',
  'contest.status.OVERTURNED':
    'Keberatan Anda diterima: permohonan dibuka kembali dan kantor melanjutkan pemeriksaan.',
} as const;

export type ContestMessageKey = keyof typeof contestId;

export const contestEn: Record<ContestMessageKey, string> = {
  'contest.title': 'Contest the rejection',
  'contest.intro':
    'Your application was refused. If you think this is wrong, you can contest it once until {date}, with a new document and your reason. Another officer of the same office decides.',
  'contest.evidence': 'New document supporting your objection',
  'contest.evidenceHint': 'JPEG, PNG or PDF, at most 5 MB.',
  'contest.evidenceDone': 'The new document is uploaded.',
  'contest.reason': 'Why the rejection is wrong',
  'contest.needEvidence': 'Upload the new document first.',
  'contest.needReason': 'Write your reason (at least 10 characters).',
  'contest.submit': 'Send the objection',
  'contest.status.PENDING':
    'Your objection is being examined. Decision by {date}; the result is sent by e-mail.',
  'contest.status.UPHELD': 'Your objection was examined: the rejection stands.',
  'contest.status.OVERTURNED':
    'Your objection was accepted: the application is reopened and the office continues the examination.',
};
