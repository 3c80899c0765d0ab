import type { Language } from './i18n.ts';

/**
 * The history's notes are written once, in Bahasa Indonesia, as the record (issue 17: English readers
 * saw them untranslated, with raw dates). Known notes are shown in the reader's language with dates
 * formatted for it; a note not listed here is shown as written.
 */
type Rule = readonly [RegExp, (match: RegExpExecArray, date: (iso: string) => string) => string];

const english: readonly Rule[] = [
  [/^Tidak dibayar dalam 2 jam$/, () => 'Not paid within 2 hours'],
  [/^Tidak hadir pada jadwal$/, () => 'Did not come at the appointment'],
  [/^Kursi dari daftar tunggu$/, () => 'Seat from the waitlist'],
  [/^Tarif Rp0: tidak ada pembayaran$/, () => 'Rp0 tariff: nothing to pay'],
  [/^Pemilik NIK menyetujui permohonan ini$/, () => 'The NIK holder consented to this application'],
  [
    /^Dibatalkan oleh pemilik NIK dari akunnya sendiri$/,
    () => 'Cancelled by the NIK holder from their own account',
  ],
  [/^BAP dicatat$/, () => 'Examination report (BAP) recorded'],
  [/^NTPN (\S+)$/, (m) => `NTPN ${m[1]}`],
  [/^Paspor (\S+)$/, (m) => `Passport ${m[1]}`],
  [/^Siap diambil (\d{4}-\d{2}-\d{2})$/, (m, date) => `Ready for pick-up on ${date(m[1]!)}`],
  [/^Paspor tidak diambil dalam (\d+) hari$/, (m) => `Passport not collected within ${m[1]} days`],
  [/^KTP dicocokkan: NIK berakhiran (\d{4})$/, (m) => `KTP matched: NIK ending ${m[1]}`],
  [
    /^Dokumen kurang: (.+); paling lambat (\d{4}-\d{2}-\d{2})$/,
    (m, date) => `Documents missing: ${m[1]}; bring them by ${date(m[2]!)}`,
  ],
  [
    /^Jadwal diubah: (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) (WIB|WITA|WIT), (.+)$/,
    (m, date) => `Appointment changed: ${date(m[1]!)} ${m[2]} ${m[3]}, ${m[4]}`,
  ],
  [
    /^Batas bayar diperpanjang (\d+) menit karena gangguan pembayaran$/,
    (m) => `Payment deadline extended by ${m[1]} minutes for a payment outage`,
  ],
  [
    /^Penerbitan ditangguhkan sampai (\d{4}-\d{2}-\d{2})$/,
    (m, date) => `Issuance deferred until ${date(m[1]!)}`,
  ],
  [/^Penggantian ditolak kepala kantor: (.+)$/, (m) => `Replacement refused by the head of office: ${m[1]}`],
  [/^Keberatan diajukan: (.+)$/, (m) => `Objection filed: ${m[1]}`],
  [/^Keberatan ditolak, penolakan tetap: (.+)$/, (m) => `Objection refused, the rejection stands: ${m[1]}`],
  [
    /^Keberatan diterima, permohonan dibuka kembali: (.+)$/,
    (m) => `Objection accepted, application reopened: ${m[1]}`,
  ],
];

/** Dates inside Indonesian notes (`2026-12-08`) become `8 Desember 2026`. */
const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;

export function historyNote(note: string, language: Language, formatDate: (iso: string) => string): string {
  if (language === 'en') {
    for (const [pattern, render] of english) {
      const match = pattern.exec(note);
      if (match) return render(match, formatDate);
    }
  }
  return note.replace(ISO_DATE, (iso) => formatDate(iso));
}
