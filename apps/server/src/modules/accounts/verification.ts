import { isUniqueViolation } from '../../db/errors.ts';
import { issueCode, limitCodeSending, redeemCode } from './codes.ts';
import { normalizeEmail } from './credentials.ts';
import type { AccountsDeps } from './deps.ts';
import { accountLimits } from './rate-limits.ts';
import { nikTaken } from './registration.ts';
import * as repository from './repository.ts';

export async function verifyEmail(
  deps: AccountsDeps,
  input: { email: string; code: string },
  context: { ip: string },
): Promise<{ emailVerified: true }> {
  await deps.limiter.consume(accountLimits.codeCheckPerIp, context.ip);
  const account = await repository.findAccountByEmail(deps.db, normalizeEmail(input.email));
  try {
    await redeemCode(deps, account, 'VERIFY_EMAIL', input.code, (tx, owner) =>
      repository.markEmailVerified(tx, owner.id, deps.clock.now()),
    );
  } catch (error) {
    // Another account with the same NIK was verified first: one verified account per person.
    if (isUniqueViolation(error, 'accounts_verified_nik_unique')) throw nikTaken();
    throw error;
  }
  return { emailVerified: true };
}

/** Always the same answer: whether the address has an account, or is already verified, is not told. */
export async function resendVerification(deps: AccountsDeps, email: string, context: { ip: string }) {
  const address = normalizeEmail(email);
  await limitCodeSending(deps, address, context.ip);
  const account = await repository.findAccountByEmail(deps.db, address);
  if (!account || account.emailVerifiedAt) return;
  await deps.db.transaction((tx) => issueCode(deps, tx, account, 'VERIFY_EMAIL'));
}
