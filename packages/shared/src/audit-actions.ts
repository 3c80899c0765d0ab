import type { Localized } from './i18n.ts';

/**
 * The audit log's actions in words an office supervisor reads (issue 17); the stored code stays the
 * record. A code missing here is shown as it is, never hidden.
 */
export const auditActionLabels: Record<string, Localized> = {
  'application.read': { id: 'Membuka permohonan', en: 'Opened an application' },
  'document.read': { id: 'Membuka dokumen', en: 'Opened a document' },
  'queue.read': { id: 'Membuka antrean', en: 'Opened the queue' },
  'check-in': { id: 'Mencatat kedatangan', en: 'Checked in' },
  'document-verification': { id: 'Memeriksa berkas', en: 'Checked the documents' },
  photo: { id: 'Merekam foto biometrik', en: 'Took the biometric photo' },
  fingerprints: { id: 'Merekam sidik jari', en: 'Took the fingerprints' },
  interview: { id: 'Wawancara', en: 'Interviewed' },
  adjudication: { id: 'Adjudikasi', en: 'Adjudicated' },
  issue: { id: 'Menerbitkan paspor', en: 'Issued the passport' },
  'hand-over': { id: 'Menyerahkan paspor', en: 'Handed over the passport' },
  'loss-report': { id: 'Mencatat BAP paspor hilang/rusak', en: 'Recorded a lost/damaged passport report' },
  'loss-decision': { id: 'Keputusan kepala kantor (hilang/rusak)', en: 'Head of office’s loss decision' },
  'contest-decision': { id: 'Memutus keberatan', en: 'Decided an objection' },
  'special-reschedule': { id: 'Reschedule khusus oleh kantor', en: 'Office’s special reschedule' },
  'walk-in': { id: 'Membuat permohonan di loket', en: 'Filed a walk-in' },
  'walk-in.scan': { id: 'Memindai dokumen di loket', en: 'Scanned a document at the counter' },
  'walk-in.submit': { id: 'Menerbitkan slip layanan langsung', en: 'Issued a walk-in slip' },
  'walk-in.quota': { id: 'Mengubah kuota layanan langsung', en: 'Changed a walk-in quota' },
  'visit-rules': { id: 'Mengubah aturan kunjungan kantor', en: 'Changed the office’s visit rules' },
  'schedule.save': { id: 'Menyimpan jadwal kantor', en: 'Saved the office schedule' },
  'payments.attention.read': { id: 'Membuka pembayaran bermasalah', en: 'Opened payments needing attention' },
  'payment.resolve': { id: 'Menyelesaikan pembayaran bermasalah', en: 'Resolved a payment' },
  'partner.down': { id: 'Menyatakan mitra terganggu', en: 'Declared a partner down' },
  'partner.up': { id: 'Menyatakan mitra pulih', en: 'Declared a partner recovered' },
  'officer.create': { id: 'Membuat akun petugas', en: 'Created an officer account' },
  'backup.create': { id: 'Mengambil cadangan basis data', en: 'Took a database backup' },
};

/** The details' keys in words; values are shown as recorded. */
export const auditDetailLabels: Record<string, Localized> = {
  decision: { id: 'keputusan', en: 'decision' },
  recommendation: { id: 'rekomendasi', en: 'recommendation' },
  reason: { id: 'alasan', en: 'reason' },
  kind: { id: 'dokumen', en: 'document' },
  via: { id: 'melalui', en: 'via' },
  lane: { id: 'jalur', en: 'lane' },
  priorityGroup: { id: 'kelompok prioritas', en: 'priority group' },
  daily: { id: 'kuota harian', en: 'daily quota' },
  fourEyes: { id: 'empat mata', en: 'four eyes' },
  identity: { id: 'identitas dicocokkan', en: 'identity matched' },
  nikLastDigits: { id: 'NIK berakhiran', en: 'NIK ending' },
  forceMajeureClaimed: { id: 'kahar dinyatakan', en: 'force majeure claimed' },
  forceMajeureConfirmed: { id: 'kahar dikonfirmasi', en: 'force majeure confirmed' },
  partner: { id: 'mitra', en: 'partner' },
  resolution: { id: 'penyelesaian', en: 'resolution' },
  officeCode: { id: 'kantor', en: 'office' },
  sessionId: { id: 'sesi', en: 'session' },
  note: { id: 'catatan', en: 'note' },
  date: { id: 'tanggal', en: 'date' },
  q: { id: 'pencarian', en: 'search' },
};

/** The details as readable pairs; nested values (a whole schedule) are summarised, not dumped. */
export function auditDetailLines(
  details: Record<string, unknown>,
  language: 'id' | 'en',
): { label: string; value: string }[] {
  const yes = language === 'id' ? 'ya' : 'yes';
  const no = language === 'id' ? 'tidak' : 'no';
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => ({
      label: auditDetailLabels[key]?.[language] ?? key,
      value:
        typeof value === 'boolean'
          ? value
            ? yes
            : no
          : typeof value === 'object'
            ? language === 'id'
              ? '(rincian tersimpan)'
              : '(details kept)'
            : String(value),
    }));
}
