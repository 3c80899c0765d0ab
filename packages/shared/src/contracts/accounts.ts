import { z } from 'zod';
import { languages } from '../i18n.ts';
import { isoDate, isoInstant, sexSchema } from './common.ts';

/** Contracts of the applicant's account endpoints (API.md "Applicant"). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const email = z.email().max(254).describe('E-mail address; compared case-insensitively');
const password = z.string().max(PASSWORD_MAX_LENGTH);
const otpCode = z
  .string()
  .regex(/^\d{6}$/, 'otp.format')
  .describe('The 6-digit code from the e-mail');

export const registrationSchema = z
  .object({
    email,
    phone: z.string().min(8).max(20).describe('Mobile number, e.g. 081234567890 or +6281234567890'),
    password: password.describe(`At least ${PASSWORD_MIN_LENGTH} characters, not a common password`),
    fullName: z.string().trim().min(1).max(100).describe('As on the KTP'),
    nik: z.string().max(32).describe('Nomor Induk Kependudukan, 16 digits'),
    dateOfBirth: isoDate,
    placeOfBirth: z.string().trim().min(1).max(100),
    sex: sexSchema,
    language: z.enum(languages).optional().describe('Language of e-mails; defaults to the request language'),
  })
  .strict();

export const accountCreatedSchema = z
  .object({ id: z.uuid(), email: z.string(), emailVerified: z.boolean() })
  .meta({ id: 'AccountCreated' });

export const verifyEmailSchema = z.object({ email, code: otpCode }).strict();
export const emailOnlySchema = z.object({ email }).strict();

export const loginSchema = z.object({ email, password }).strict();

export const accountSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    phone: z.string(),
    fullName: z.string(),
    nik: z.string(),
    dateOfBirth: isoDate,
    placeOfBirth: z.string(),
    sex: sexSchema,
    language: z.enum(languages),
    emailVerified: z.boolean(),
  })
  .meta({ id: 'Account' });

export const sessionCreatedSchema = z
  .object({
    token: z.string().describe('Bearer token for `Authorization: Bearer …`; also set as an httpOnly cookie'),
    expiresAt: isoInstant,
    csrfToken: z.string().describe('Send as `X-CSRF-Token` on writes authenticated by the cookie'),
    account: accountSchema,
  })
  .meta({ id: 'SessionCreated' });

export const accountUpdateSchema = z.object({ language: z.enum(languages) }).strict();

export const passwordResetConfirmSchema = z.object({ email, code: otpCode, newPassword: password }).strict();

export type Registration = z.infer<typeof registrationSchema>;
export type Account = z.infer<typeof accountSchema>;
