import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * One-time codes sent by e-mail: 6 digits from a CSPRNG, valid 10 minutes, single use, bound to one
 * account and one purpose, locked after 5 wrong tries until a new code is issued (issue 4). Stored as
 * an HMAC under the server key, so a copy of the database alone does not reveal live codes.
 */
export type OtpPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD';
export const OTP_VALID_MINUTES = 10;
export const OTP_MAX_ATTEMPTS = 5;

export function generateOtp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashOtp(secretKey: string, accountId: string, purpose: OtpPurpose, code: string): string {
  return createHmac('sha256', secretKey).update(`otp:${purpose}:${accountId}:${code}`).digest('base64url');
}

export interface StoredOtp {
  readonly accountId: string;
  readonly purpose: OtpPurpose;
  readonly codeHash: string;
  readonly expiresAt: Date;
  readonly attempts: number;
  readonly consumedAt: Date | null;
}

/** What a submitted code amounts to, before counting the attempt. */
export type OtpJudgement = 'valid' | 'wrong' | 'expired' | 'locked' | 'none';

export function judgeOtp(
  stored: StoredOtp | undefined,
  code: string,
  now: Date,
  secretKey: string,
): OtpJudgement {
  if (!stored || stored.consumedAt) return 'none';
  if (stored.attempts >= OTP_MAX_ATTEMPTS) return 'locked';
  if (stored.expiresAt.getTime() <= now.getTime()) return 'expired';
  const expected = Buffer.from(stored.codeHash);
  const actual = Buffer.from(hashOtp(secretKey, stored.accountId, stored.purpose, code));
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? 'valid' : 'wrong';
}
