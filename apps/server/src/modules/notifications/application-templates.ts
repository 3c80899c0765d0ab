import type { Language } from '#shared/i18n.ts';

/**
 * Messages about an application's progress (DESIGN.md §2: billing issued, reminder 30 minutes before
 * the deadline, payment received, expired, rescheduled). Plain text, Bahasa Indonesia first; amounts
 * and times arrive formatted for the reader's language and the office's zone.
 */
export interface ApplicationTemplateVariables {
  readonly 'application.billing-issued': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly billingCode: string;
    readonly amount: string;
    readonly deadline: string;
    readonly appointment: string;
    /** Signed "I have paid" page: works without logging in (issue 15). */
    readonly claimLink: string;
  };
  readonly 'application.payment-reminder': {
    readonly billingCode: string;
    readonly amount: string;
    readonly deadline: string;
  };
  readonly 'application.payment-received': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly amount: string;
    readonly ntpn: string;
    readonly channel: string;
    readonly appointment: string;
  };
  readonly 'application.expired': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly claimLink: string;
  };
  readonly 'application.deadline-extended': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly billingCode: string;
    readonly minutes: string;
    readonly deadline: string;
  };
  readonly 'application.rescheduled': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly appointment: string;
  };
  readonly 'application.ready': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly readyDate: string;
    readonly officeName: string;
    readonly pickUpBy: string;
  };
  /** Booked with nothing to pay: the fee is Rp0 by regulation (issue 16: first-time PMI). */
  readonly 'application.booked-free': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly basis: string;
    readonly appointment: string;
  };
  readonly 'application.decided': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly outcome: string;
  };
}

export const lines = (...parts: string[]) => parts.join('\n');
export type Texts = {
  readonly EMAIL: Readonly<Record<Language, { subject: string; body: string }>>;
  readonly SMS?: Readonly<Record<Language, string>>;
};

export const applicationTemplates = {
  'application.billing-issued': {
    EMAIL: {
      id: {
        subject: 'Kode billing paspor {{applicationNumber}}: bayar dalam 2 jam',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Permohonan paspor {{applicationNumber}} sudah diajukan. Jadwal kedatangan Anda:',
          '{{appointment}}',
          '',
          'Bayar PNBP dengan kode billing berikut:',
          '',
          '    {{billingCode}}',
          '    Jumlah: {{amount}}',
          '    Batas bayar: {{deadline}}',
          '',
          'Bayar melalui mobile banking, ATM, teller bank, Tokopedia, Bukalapak,',
          'Kantor Pos, Indomaret, atau Alfamart. Jika tidak dibayar sebelum batas',
          'waktu, permohonan kedaluwarsa dan kuota jadwal dilepas.',
          '',
          'Sudah bayar tetapi status belum berubah? Masukkan NTPN dari bukti bayar di',
          '{{claimLink}}',
        ),
      },
      en: {
        subject: 'Passport billing code {{applicationNumber}}: pay within 2 hours',
        body: lines(
          'Hello {{fullName}},',
          '',
          'Passport application {{applicationNumber}} has been submitted. Your appointment:',
          '{{appointment}}',
          '',
          'Pay the fee (PNBP) with this billing code:',
          '',
          '    {{billingCode}}',
          '    Amount: {{amount}}',
          '    Pay before: {{deadline}}',
          '',
          'Pay by mobile banking, ATM, bank teller, Tokopedia, Bukalapak, the post',
          'office, Indomaret or Alfamart. If it is not paid in time, the application',
          'expires and the appointment is released.',
          '',
          'Paid but the status has not changed? Enter the NTPN from your receipt at',
          '{{claimLink}}',
        ),
      },
    },
  },
  'application.payment-reminder': {
    EMAIL: {
      id: {
        subject: 'Pengingat: kode billing {{billingCode}} berakhir pukul {{deadline}}',
        body: lines(
          'Kode billing {{billingCode}} sebesar {{amount}} belum dibayar.',
          'Batas bayar: {{deadline}}. Setelah itu permohonan kedaluwarsa dan jadwal',
          'kedatangan dilepas.',
        ),
      },
      en: {
        subject: 'Reminder: billing code {{billingCode}} ends at {{deadline}}',
        body: lines(
          'Billing code {{billingCode}} for {{amount}} is not paid yet.',
          'Pay before {{deadline}}. After that the application expires and the',
          'appointment is released.',
        ),
      },
    },
    SMS: {
      id: 'M-Paspor: Kode billing {{billingCode}} ({{amount}}) belum dibayar. Batas bayar {{deadline}}.',
      en: 'M-Paspor: Billing code {{billingCode}} ({{amount}}) is not paid yet. Pay before {{deadline}}.',
    },
  },
  'application.payment-received': {
    EMAIL: {
      id: {
        subject: 'Pembayaran paspor {{applicationNumber}} diterima',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Pembayaran PNBP untuk permohonan {{applicationNumber}} sudah kami terima.',
          '',
          '    Jumlah: {{amount}}',
          '    NTPN: {{ntpn}}',
          '    Kanal: {{channel}}',
          '',
          'Datanglah sesuai jadwal dengan membawa dokumen asli dan kode QR',
          'kedatangan dari aplikasi:',
          '{{appointment}}',
        ),
      },
      en: {
        subject: 'Passport payment {{applicationNumber}} received',
        body: lines(
          'Hello {{fullName}},',
          '',
          'We have received the fee (PNBP) for application {{applicationNumber}}.',
          '',
          '    Amount: {{amount}}',
          '    NTPN: {{ntpn}}',
          '    Channel: {{channel}}',
          '',
          'Come at your appointment with the original documents and the arrival',
          'QR code from the app:',
          '{{appointment}}',
        ),
      },
    },
  },
  'application.booked-free': {
    EMAIL: {
      id: {
        subject: 'Jadwal paspor {{applicationNumber}}: tanpa biaya',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Permohonan {{applicationNumber}} sudah terjadwal. Tidak ada yang perlu dibayar:',
          '{{basis}}.',
          '',
          'Datanglah sesuai jadwal dengan membawa dokumen asli dan kode QR',
          'kedatangan dari aplikasi:',
          '{{appointment}}',
        ),
      },
      en: {
        subject: 'Passport appointment {{applicationNumber}}: no fee',
        body: lines(
          'Hello {{fullName}},',
          '',
          'Application {{applicationNumber}} is booked. There is nothing to pay:',
          '{{basis}}.',
          '',
          'Come at your appointment with the original documents and the arrival',
          'QR code from the app:',
          '{{appointment}}',
        ),
      },
    },
  },
  'application.expired': {
    EMAIL: {
      id: {
        subject: 'Permohonan paspor {{applicationNumber}} kedaluwarsa',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Permohonan {{applicationNumber}} tidak dibayar dalam 2 jam sehingga',
          'kedaluwarsa, dan jadwal kedatangannya dilepas. Silakan ajukan permohonan',
          'baru bila masih memerlukan paspor.',
          '',
          'Sudah membayar? Masukkan NTPN dari bukti bayar di',
          '{{claimLink}}',
        ),
      },
      en: {
        subject: 'Passport application {{applicationNumber}} expired',
        body: lines(
          'Hello {{fullName}},',
          '',
          'Application {{applicationNumber}} was not paid within 2 hours, so it has',
          'expired and its appointment was released. Apply again if you still need',
          'a passport.',
          '',
          'Already paid? Enter the NTPN from your receipt at',
          '{{claimLink}}',
        ),
      },
    },
  },
  'application.deadline-extended': {
    EMAIL: {
      id: {
        subject: 'Batas bayar {{applicationNumber}} diperpanjang',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Pembayaran PNBP sempat terganggu secara nasional, jadi batas bayar kode',
          'billing {{billingCode}} diperpanjang {{minutes}} menit, sepanjang gangguan itu.',
          'Jadwal kedatangan Anda tetap.',
          '',
          'Batas bayar yang baru: {{deadline}}',
        ),
      },
      en: {
        subject: 'Payment deadline of {{applicationNumber}} extended',
        body: lines(
          'Hello {{fullName}},',
          '',
          'Paying the PNBP fee was not possible nationwide for a while, so the deadline',
          'of billing code {{billingCode}} was extended by {{minutes}} minutes, the length',
          'of that outage. Your appointment stays.',
          '',
          'New payment deadline: {{deadline}}',
        ),
      },
    },
  },
  'application.rescheduled': {
    EMAIL: {
      id: {
        subject: 'Jadwal kedatangan {{applicationNumber}} diubah',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Jadwal kedatangan permohonan {{applicationNumber}} sekarang:',
          '{{appointment}}',
        ),
      },
      en: {
        subject: 'Appointment for {{applicationNumber}} changed',
        body: lines(
          'Hello {{fullName}},',
          '',
          'The appointment for application {{applicationNumber}} is now:',
          '{{appointment}}',
        ),
      },
    },
  },
  'application.ready': {
    EMAIL: {
      id: {
        subject: 'Paspor {{applicationNumber}} siap diambil',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Paspor untuk permohonan {{applicationNumber}} siap diambil mulai {{readyDate}}',
          'di {{officeName}}. Bawa bukti permohonan dan KTP-el asli.',
          '',
          'Ambil paling lambat {{pickUpBy}}. Paspor yang tidak diambil dalam 30 hari',
          'dibatalkan.',
        ),
      },
      en: {
        subject: 'Passport {{applicationNumber}} is ready for pick-up',
        body: lines(
          'Hello {{fullName}},',
          '',
          'The passport for application {{applicationNumber}} can be collected from',
          '{{readyDate}} at {{officeName}}. Bring the application receipt and your KTP-el.',
          '',
          'Collect it by {{pickUpBy}}. A passport not collected within 30 days is',
          'cancelled.',
        ),
      },
    },
    SMS: {
      id: 'M-Paspor: Paspor {{applicationNumber}} siap diambil di {{officeName}} mulai {{readyDate}}, paling lambat {{pickUpBy}}.',
      en: 'M-Paspor: Passport {{applicationNumber}} is ready at {{officeName}} from {{readyDate}}; collect it by {{pickUpBy}}.',
    },
  },
  'application.decided': {
    EMAIL: {
      id: {
        subject: 'Kabar permohonan paspor {{applicationNumber}}',
        body: lines('Halo {{fullName}},', '', 'Permohonan {{applicationNumber}}: {{outcome}}'),
      },
      en: {
        subject: 'News of passport application {{applicationNumber}}',
        body: lines('Hello {{fullName}},', '', 'Application {{applicationNumber}}: {{outcome}}'),
      },
    },
  },
} as const satisfies Record<keyof ApplicationTemplateVariables, Texts>;
