import { lines, type Texts } from './application-templates.ts';

/**
 * Reminders people rely on (issue 16): the visit's eve (H-1), the visit missed, the passport waiting.
 * Values arrive formatted for the reader: dates in the office's zone, documents as a list of lines.
 */
export interface ReminderTemplateVariables {
  readonly 'application.visit-reminder': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly officeName: string;
    readonly officeAddress: string;
    /** The visit's day, e.g. "Kamis, 26 November 2026". */
    readonly date: string;
    /** The session, e.g. "08:00-09:00 WIB" (ASCII: it goes by SMS too). */
    readonly time: string;
    /** One original document per line, "- " first. */
    readonly documents: string;
    readonly link: string;
  };
  readonly 'application.no-show': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly appointment: string;
    readonly amount: string;
  };
  readonly 'application.pick-up-reminder': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly officeName: string;
    readonly officeAddress: string;
    readonly pickUpBy: string;
    readonly daysLeft: string;
  };
}

export const reminderTemplates = {
  'application.visit-reminder': {
    EMAIL: {
      id: {
        subject: 'Besok: jadwal kedatangan paspor {{applicationNumber}}, {{time}}',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Besok Anda dijadwalkan datang ke kantor imigrasi untuk permohonan',
          'paspor {{applicationNumber}}:',
          '',
          '    Kantor: {{officeName}}',
          '    Alamat: {{officeAddress}}',
          '    Tanggal: {{date}}',
          '    Jam: {{time}}',
          '',
          'Yang harus dibawa:',
          '- Kode QR kedatangan (bukti permohonan) dari aplikasi M-Paspor:',
          '  {{link}}',
          '{{documents}}',
          '',
          'Dokumen dibawa asli; petugas mencocokkannya dengan pindaian yang diunggah.',
          'Datanglah tepat waktu. Pemohon yang tidak datang tidak mendapat',
          'pengembalian biaya PNBP.',
        ),
      },
      en: {
        subject: 'Tomorrow: passport appointment {{applicationNumber}}, {{time}}',
        body: lines(
          'Hello {{fullName}},',
          '',
          'Tomorrow you are expected at the immigration office for passport',
          'application {{applicationNumber}}:',
          '',
          '    Office: {{officeName}}',
          '    Address: {{officeAddress}}',
          '    Date: {{date}}',
          '    Time: {{time}}',
          '',
          'What to bring:',
          '- The arrival QR code (application receipt) from the M-Paspor app:',
          '  {{link}}',
          '{{documents}}',
          '',
          'Bring the original documents; the officer checks them against your scans.',
          'Please be on time. The fee (PNBP) is not refunded to applicants who do',
          'not come.',
        ),
      },
    },
    // One SMS segment: no name, no address, no non-ASCII characters.
    SMS: {
      id: 'M-Paspor: Besok {{time}} jadwal paspor {{applicationNumber}} di {{officeName}}. Bawa dokumen asli & kode QR.',
      en: 'M-Paspor: Tomorrow {{time}}: passport {{applicationNumber}} at {{officeName}}. Bring originals and QR code.',
    },
  },
  'application.no-show': {
    EMAIL: {
      id: {
        subject: 'Anda tidak hadir pada jadwal paspor {{applicationNumber}}',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Anda tidak hadir pada jadwal kedatangan permohonan {{applicationNumber}}:',
          '{{appointment}}',
          '',
          'Permohonan ini ditutup dengan status Tidak Hadir. Biaya PNBP yang sudah',
          'dibayar ({{amount}}) hangus dan tidak dapat dikembalikan.',
          '',
          'Bila masih memerlukan paspor, ajukan permohonan baru di aplikasi M-Paspor:',
          'lengkapi data dan dokumen, pilih kantor dan jadwal, lalu bayar kode',
          'billing yang baru dalam 2 jam.',
        ),
      },
      en: {
        subject: 'You missed the passport appointment {{applicationNumber}}',
        body: lines(
          'Hello {{fullName}},',
          '',
          'You did not come to the appointment of application {{applicationNumber}}:',
          '{{appointment}}',
          '',
          'The application is closed as No-show. The fee (PNBP) you paid ({{amount}})',
          'is forfeited and cannot be refunded.',
          '',
          'If you still need a passport, apply again in the M-Paspor app: fill in',
          'your data and documents, choose an office and a time, then pay the new',
          'billing code within 2 hours.',
        ),
      },
    },
  },
  'application.pick-up-reminder': {
    EMAIL: {
      id: {
        subject: 'Paspor {{applicationNumber}} belum diambil: sisa {{daysLeft}} hari',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Paspor untuk permohonan {{applicationNumber}} sudah siap tetapi belum diambil.',
          '',
          '    Kantor: {{officeName}}',
          '    Alamat: {{officeAddress}}',
          '    Ambil paling lambat: {{pickUpBy}}',
          '',
          'Bawa bukti permohonan, bukti bayar, dan KTP-el asli. Paspor yang tidak',
          'diambil dalam 30 hari sejak siap dibatalkan otomatis, dan biaya PNBP',
          'tidak dikembalikan.',
        ),
      },
      en: {
        subject: 'Passport {{applicationNumber}} not collected: {{daysLeft}} days left',
        body: lines(
          'Hello {{fullName}},',
          '',
          'The passport for application {{applicationNumber}} is ready but not collected.',
          '',
          '    Office: {{officeName}}',
          '    Address: {{officeAddress}}',
          '    Collect by: {{pickUpBy}}',
          '',
          'Bring the application receipt, the payment receipt and your KTP-el. A',
          'passport not collected within 30 days of being ready is cancelled',
          'automatically, and the fee (PNBP) is not refunded.',
        ),
      },
    },
    SMS: {
      id: 'M-Paspor: Paspor {{applicationNumber}} belum diambil di {{officeName}}. Ambil paling lambat {{pickUpBy}} atau dibatalkan.',
      en: 'M-Paspor: Passport {{applicationNumber}} is waiting at {{officeName}}. Collect it by {{pickUpBy}} or it is cancelled.',
    },
  },
} as const satisfies Record<keyof ReminderTemplateVariables, Texts>;
