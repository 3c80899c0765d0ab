import { lines, type Texts } from './application-templates.ts';

/**
 * The NIK holder's consent code (issue 15). It also tells the holder that someone is applying under
 * their NIK: one who did not ask must not give it, and can cancel the application from their account.
 */
export interface ConsentTemplateVariables {
  readonly 'consent.code': {
    readonly requesterName: string;
    readonly applicationNumber: string;
    readonly code: string;
    readonly validMinutes: number;
  };
}

export const consentTemplates = {
  'consent.code': {
    EMAIL: {
      id: {
        subject: 'Kode persetujuan permohonan paspor atas NIK Anda',
        body: lines(
          '{{requesterName}} mengajukan paspor atas NIK Anda (permohonan {{applicationNumber}})',
          'dan meminta persetujuan Anda. Kode persetujuan:',
          '',
          '{{code}}',
          '',
          'Berlaku {{validMinutes}} menit. Berikan kode ini HANYA jika Anda sendiri yang meminta',
          'orang tersebut mengajukan untuk Anda. Jika tidak, abaikan pesan ini; Anda dapat',
          'melihat dan membatalkan permohonan atas NIK Anda dari akun M-Paspor Anda.',
        ),
      },
      en: {
        subject: 'Consent code for a passport application under your NIK',
        body: lines(
          '{{requesterName}} is applying for a passport under your NIK (application',
          '{{applicationNumber}}) and asks for your consent. Consent code:',
          '',
          '{{code}}',
          '',
          'Valid for {{validMinutes}} minutes. Give this code ONLY if you asked that person to',
          'apply for you. If not, ignore this message; you can see and cancel applications',
          'under your NIK from your own M-Paspor account.',
        ),
      },
    },
    // One SMS segment: no name (it may hold non-GSM characters), no non-ASCII characters.
    SMS: {
      id: 'M-Paspor: Kode persetujuan {{code}} untuk permohonan paspor {{applicationNumber}} atas NIK Anda. Berikan HANYA jika Anda yang meminta.',
      en: 'M-Paspor: Consent code {{code}} for passport application {{applicationNumber}} under your NIK. Give it ONLY if you asked for it.',
    },
  },
} as const satisfies Record<keyof ConsentTemplateVariables, Texts>;
