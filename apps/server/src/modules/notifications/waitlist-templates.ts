import { lines, type Texts } from './application-templates.ts';

/** The waitlist's message (issue 15): a freed seat is held for you for a short while. */
export interface WaitlistTemplateVariables {
  readonly 'waitlist.offer': {
    readonly fullName: string;
    readonly applicationNumber: string;
    readonly appointment: string;
    /** When the hold ends, formatted in the office's zone. */
    readonly holdUntil: string;
    readonly link: string;
  };
}

export const waitlistTemplates = {
  'waitlist.offer': {
    EMAIL: {
      id: {
        subject: 'Kursi untuk {{applicationNumber}} ditahan untuk Anda',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Ada kursi kosong dari daftar tunggu untuk permohonan {{applicationNumber}}:',
          '{{appointment}}',
          '',
          'Kursi ini ditahan untuk Anda sampai {{holdUntil}}. Terima di aplikasi:',
          '{{link}}',
          '',
          'Setelah diterima, kode billing terbit dan dibayar dalam 2 jam seperti biasa.',
          'Jika tidak dijawab sampai batas itu, kursi diberikan ke antrean berikutnya.',
        ),
      },
      en: {
        subject: 'A seat for {{applicationNumber}} is held for you',
        body: lines(
          'Hello {{fullName}},',
          '',
          'A seat freed up on the waitlist for application {{applicationNumber}}:',
          '{{appointment}}',
          '',
          'It is held for you until {{holdUntil}}. Accept it in the app:',
          '{{link}}',
          '',
          'Once accepted, the billing code is issued and paid within 2 hours as usual.',
          'Without an answer by then, the seat goes to the next person waiting.',
        ),
      },
    },
    // One SMS segment: no name, no non-ASCII characters.
    SMS: {
      id: 'M-Paspor: Kursi daftar tunggu {{applicationNumber}} ditahan untuk Anda s.d. {{holdUntil}}. Terima di aplikasi M-Paspor.',
      en: 'M-Paspor: A waitlist seat for {{applicationNumber}} is held for you until {{holdUntil}}. Accept it in the M-Paspor app.',
    },
  },
} as const satisfies Record<keyof WaitlistTemplateVariables, Texts>;
