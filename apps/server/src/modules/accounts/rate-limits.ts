import type { RateLimitRule } from '../../platform/rate-limit.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Per client address (scaled by RATE_LIMIT_SCALE; generous because mobile carriers put many people
 * behind one address), and per account or e-mail address (never scaled: they protect passwords and
 * inboxes, issue 4).
 */
export const accountLimits = {
  registerPerIp: { name: 'register-ip', limit: 30, windowMs: HOUR, scales: true },
  loginPerIp: { name: 'login-ip', limit: 60, windowMs: 5 * MINUTE, scales: true },
  /**
   * Wrong passwords (issue 18): 10 from one client address lock that client out of the account, so a
   * stranger cannot lock the owner out; 100 an hour from everywhere lock the account itself for the
   * rest of the hour against a guessing botnet (a stranger needs a hundred addresses to do that).
   */
  loginFailuresPerClient: { name: 'login-fail-client', limit: 10, windowMs: 15 * MINUTE, scales: false },
  loginFailuresPerEmail: {
    name: 'login-fail',
    limit: 100,
    windowMs: HOUR,
    scales: false,
    // The way out only the owner has: a reset changes the password the failures are counted against.
    refusal: {
      id: 'Terlalu banyak percobaan masuk ke akun ini dari berbagai tempat. Atur ulang kata sandi dengan kode yang dikirim ke e-mail Anda untuk segera masuk kembali.',
      en: 'Too many attempts to log in to this account from many places. Reset your password with the code sent to your e-mail to log in again straight away.',
    },
  },
  codeCheckPerIp: { name: 'code-ip', limit: 30, windowMs: 5 * MINUTE, scales: true },
  codeSendPerIp: { name: 'send-ip', limit: 20, windowMs: HOUR, scales: true },
  codeSendPerEmailMinute: { name: 'send-email-m', limit: 1, windowMs: MINUTE, scales: false },
  codeSendPerEmailHour: { name: 'send-email-h', limit: 5, windowMs: HOUR, scales: false },
} as const satisfies Record<string, RateLimitRule>;
