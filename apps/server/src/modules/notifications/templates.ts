import type { Language } from '#shared/i18n.ts';
import { applicationTemplates, type ApplicationTemplateVariables } from './application-templates.ts';
import { consentTemplates, type ConsentTemplateVariables } from './consent-templates.ts';
import { reminderTemplates, type ReminderTemplateVariables } from './reminder-templates.ts';
import { waitlistTemplates, type WaitlistTemplateVariables } from './waitlist-templates.ts';

/**
 * Message templates as data, in the account's language (Bahasa Indonesia first). Texts hold
 * `{{name}}` placeholders; rendering is pure. Plain text only: no HTML to escape, and lines stay under
 * ~72 characters so mail clients do not re-wrap the code.
 */
export type NotificationChannel = 'EMAIL' | 'SMS';

export interface TemplateVariables
  extends
    ApplicationTemplateVariables,
    WaitlistTemplateVariables,
    ConsentTemplateVariables,
    ReminderTemplateVariables {
  readonly 'account.verify-email': {
    readonly fullName: string;
    readonly code: string;
    readonly validMinutes: number;
  };
  readonly 'account.password-reset': {
    readonly fullName: string;
    readonly code: string;
    readonly validMinutes: number;
  };
  readonly 'account.password-changed': { readonly fullName: string };
}

export type TemplateName = keyof TemplateVariables;

interface EmailText {
  readonly subject: string;
  readonly body: string;
}

interface TemplateTexts {
  readonly EMAIL: Readonly<Record<Language, EmailText>>;
  readonly SMS?: Readonly<Record<Language, string>>;
}

/** Appended to every e-mail: replies go nowhere, so say so. */
const emailSignature: Readonly<Record<Language, string>> = {
  id: [
    'Salam,',
    'M-Paspor',
    'Direktorat Jenderal Imigrasi',
    '',
    'E-mail ini dikirim otomatis; mohon tidak membalas e-mail ini.',
  ].join('\n'),
  en: [
    'Kind regards,',
    'M-Paspor',
    'Directorate General of Immigration',
    '',
    'This e-mail was sent automatically; please do not reply to it.',
  ].join('\n'),
};

/** One-time codes are phished by people posing as officers; every code message warns against it. */
const codeWarning: Readonly<Record<Language, string>> = {
  id: [
    'Jangan berikan kode ini kepada siapa pun. Petugas Imigrasi tidak pernah',
    'meminta kode ini, baik lewat telepon, pesan, maupun e-mail.',
  ].join('\n'),
  en: [
    'Never share this code with anyone. Immigration officers will never ask',
    'you for it, whether by phone, message or e-mail.',
  ].join('\n'),
};

const lines = (...parts: string[]) => parts.join('\n');

const templates = {
  'account.verify-email': {
    EMAIL: {
      id: {
        subject: 'Kode verifikasi e-mail M-Paspor',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Terima kasih telah mendaftar di M-Paspor. Untuk memverifikasi alamat',
          'e-mail Anda, masukkan kode berikut di aplikasi:',
          '',
          '    {{code}}',
          '',
          'Kode ini berlaku selama {{validMinutes}} menit.',
          '',
          codeWarning.id,
          '',
          'Jika Anda tidak merasa mendaftar, abaikan saja e-mail ini.',
        ),
      },
      en: {
        subject: 'Your M-Paspor verification code',
        body: lines(
          'Hello {{fullName}},',
          '',
          'Thank you for registering with M-Paspor. To verify your e-mail',
          'address, enter this code in the app:',
          '',
          '    {{code}}',
          '',
          'The code is valid for {{validMinutes}} minutes.',
          '',
          codeWarning.en,
          '',
          'If you did not register, you can safely ignore this e-mail.',
        ),
      },
    },
  },
  'account.password-reset': {
    EMAIL: {
      id: {
        subject: 'Kode atur ulang kata sandi M-Paspor',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Kami menerima permintaan untuk mengatur ulang kata sandi akun',
          'M-Paspor Anda. Masukkan kode berikut di aplikasi untuk membuat',
          'kata sandi baru:',
          '',
          '    {{code}}',
          '',
          'Kode ini berlaku selama {{validMinutes}} menit.',
          '',
          codeWarning.id,
          '',
          'Jika Anda tidak meminta atur ulang kata sandi, abaikan e-mail ini;',
          'kata sandi Anda tidak berubah.',
        ),
      },
      en: {
        subject: 'Your M-Paspor password reset code',
        body: lines(
          'Hello {{fullName}},',
          '',
          'We received a request to reset the password of your M-Paspor',
          'account. Enter this code in the app to choose a new password:',
          '',
          '    {{code}}',
          '',
          'The code is valid for {{validMinutes}} minutes.',
          '',
          codeWarning.en,
          '',
          'If you did not ask for a reset, ignore this e-mail; your password',
          'has not changed.',
        ),
      },
    },
  },
  'account.password-changed': {
    EMAIL: {
      id: {
        subject: 'Kata sandi M-Paspor Anda telah diubah',
        body: lines(
          'Halo {{fullName}},',
          '',
          'Kata sandi akun M-Paspor Anda baru saja diubah. Jika Anda yang',
          'mengubahnya, tidak ada yang perlu dilakukan.',
          '',
          'Jika bukan Anda, segera atur ulang kata sandi melalui "Lupa kata',
          'sandi" di aplikasi M-Paspor. Petugas Imigrasi tidak pernah meminta',
          'kata sandi atau kode verifikasi Anda.',
        ),
      },
      en: {
        subject: 'Your M-Paspor password was changed',
        body: lines(
          'Hello {{fullName}},',
          '',
          'The password of your M-Paspor account was just changed. If you',
          'changed it, there is nothing more to do.',
          '',
          'If it was not you, reset your password right away with "Forgot',
          'password" in the M-Paspor app. Immigration officers will never ask',
          'for your password or verification codes.',
        ),
      },
    },
    // One SMS segment (160 GSM-7 characters): no name, no non-ASCII characters.
    SMS: {
      id: 'M-Paspor: Kata sandi akun Anda baru saja diubah. Bukan Anda? Segera atur ulang lewat "Lupa kata sandi" di aplikasi M-Paspor.',
      en: 'M-Paspor: Your account password was just changed. Not you? Reset it now with "Forgot password" in the M-Paspor app.',
    },
  },
  ...applicationTemplates,
  ...waitlistTemplates,
  ...consentTemplates,
  ...reminderTemplates,
} as const satisfies Record<TemplateName, TemplateTexts>;

type Templates = typeof templates;

/** The channels a template can go out on. */
export type TemplateChannel<T extends TemplateName> = keyof Templates[T] & NotificationChannel;

export const templateNames = Object.keys(templates) as TemplateName[];

export function templateChannels(template: TemplateName): NotificationChannel[] {
  return Object.keys(templates[template]) as NotificationChannel[];
}

export interface RenderedNotification {
  /** Null for SMS. */
  readonly subject: string | null;
  readonly body: string;
}

/** Every template has an e-mail form, so e-mail is the channel when none is named. */
export function renderNotification<T extends TemplateName>(
  template: T,
  language: Language,
  variables: TemplateVariables[T],
  channel?: TemplateChannel<T>,
): RenderedNotification {
  return renderTemplate(template, channel ?? 'EMAIL', language, variables);
}

/** The untyped core, for callers whose variables were already checked against the template. */
export function renderTemplate(
  template: TemplateName,
  channel: NotificationChannel,
  language: Language,
  variables: Readonly<Record<string, string | number>>,
): RenderedNotification {
  const texts: TemplateTexts = templates[template];
  if (channel === 'SMS') {
    const sms = texts.SMS?.[language];
    if (sms === undefined) throw new Error(`Template ${template} has no SMS form`);
    return { subject: null, body: fill(sms, variables) };
  }
  const email = texts.EMAIL[language];
  return {
    subject: fill(email.subject, variables),
    body: `${fill(email.body, variables)}\n\n${emailSignature[language]}\n`,
  };
}

/**
 * One pass over the template text: a value is never scanned again, so a name typed as "{{code}}"
 * stays literal text. A missing variable is a programming error, not something to send.
 */
function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Template variable "${name}" is missing`);
    return String(value);
  });
}
