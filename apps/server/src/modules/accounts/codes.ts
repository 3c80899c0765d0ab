import { DomainError } from '../../platform/errors.ts';
import type { AccountsDeps } from './deps.ts';
import {
  generateOtp,
  hashOtp,
  judgeOtp,
  OTP_MAX_ATTEMPTS,
  OTP_VALID_MINUTES,
  type OtpPurpose,
} from './otp.ts';
import { accountLimits } from './rate-limits.ts';
import type { AccountRow } from './repository.ts';
import * as repository from './repository.ts';
import type { Database } from '../../db/database.ts';

const templates = { VERIFY_EMAIL: 'account.verify-email', RESET_PASSWORD: 'account.password-reset' } as const;

/** Issues a fresh code and puts the e-mail carrying it into the outbox, in the caller's transaction. */
export async function issueCode(deps: AccountsDeps, tx: Database, account: AccountRow, purpose: OtpPurpose) {
  const code = generateOtp();
  const now = deps.clock.now();
  await repository.replaceOtp(tx, {
    accountId: account.id,
    purpose,
    codeHash: hashOtp(deps.secretKey, account.id, purpose, code),
    expiresAt: new Date(now.getTime() + OTP_VALID_MINUTES * 60_000),
    createdAt: now,
  });
  await deps.notifications.enqueue(tx, {
    channel: 'EMAIL',
    to: account.email,
    template: templates[purpose],
    language: account.language,
    variables: { fullName: account.fullName, code, validMinutes: OTP_VALID_MINUTES },
  });
}

/**
 * Rate limits on sending a code, applied to the address whether or not an account has it, so the
 * answer never tells which addresses are registered.
 */
export async function limitCodeSending(deps: AccountsDeps, email: string, ip: string): Promise<void> {
  await deps.limiter.consume(accountLimits.codeSendPerIp, ip);
  await deps.limiter.consume(accountLimits.codeSendPerEmailMinute, email);
  await deps.limiter.consume(accountLimits.codeSendPerEmailHour, email);
}

/**
 * Checks a submitted code and, if right, runs `onValid` in the same transaction that uses the code up.
 * A wrong code counts against the code; the fifth wrong one locks it until a new code is sent.
 */
export async function redeemCode(
  deps: AccountsDeps,
  account: AccountRow | undefined,
  purpose: OtpPurpose,
  code: string,
  onValid: (tx: Database, account: AccountRow) => Promise<void>,
): Promise<void> {
  if (!account) throw codeError('OTP_INVALID');
  const stored = await repository.findOtp(deps.db, account.id, purpose);
  const judgement = judgeOtp(stored, code, deps.clock.now(), deps.secretKey);
  if (judgement === 'none') throw codeError('OTP_INVALID');
  if (judgement === 'locked') throw codeError('OTP_TOO_MANY_ATTEMPTS');
  if (judgement === 'expired') throw codeError('OTP_EXPIRED');
  if (judgement === 'wrong') {
    const attempts = await repository.countWrongOtp(deps.db, account.id, purpose);
    throw codeError(
      attempts >= OTP_MAX_ATTEMPTS ? 'OTP_TOO_MANY_ATTEMPTS' : 'OTP_INVALID',
      OTP_MAX_ATTEMPTS - attempts,
    );
  }
  await deps.db.transaction(async (tx) => {
    if (!(await repository.consumeOtp(tx, account.id, purpose, deps.clock.now())))
      throw codeError('OTP_INVALID');
    await onValid(tx, account);
  });
}

function codeError(
  code: 'OTP_INVALID' | 'OTP_EXPIRED' | 'OTP_TOO_MANY_ATTEMPTS',
  attemptsLeft?: number,
): DomainError {
  const details = {
    OTP_INVALID:
      attemptsLeft !== undefined
        ? {
            id: `Kode salah. Sisa percobaan: ${attemptsLeft}.`,
            en: `Wrong code. Attempts left: ${attemptsLeft}.`,
          }
        : {
            id: 'Kode salah atau sudah dipakai. Periksa e-mail terbaru Anda, atau minta kode baru.',
            en: 'The code is wrong or already used. Check your latest e-mail, or ask for a new code.',
          },
    OTP_EXPIRED: {
      id: `Kode berlaku ${OTP_VALID_MINUTES} menit dan sudah kedaluwarsa. Minta kode baru.`,
      en: `Codes are valid for ${OTP_VALID_MINUTES} minutes and this one has expired. Ask for a new code.`,
    },
    OTP_TOO_MANY_ATTEMPTS: {
      id: 'Kode salah dimasukkan terlalu sering. Minta kode baru untuk mencoba lagi.',
      en: 'A wrong code was entered too often. Ask for a new code to try again.',
    },
  };
  return new DomainError({ code, detail: details[code] });
}
