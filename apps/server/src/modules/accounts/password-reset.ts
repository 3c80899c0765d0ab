import { isUniqueViolation } from '../../db/errors.ts';
import { DomainError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { issueCode, limitCodeSending, redeemCode } from './codes.ts';
import { normalizeEmail, passwordProblems } from './credentials.ts';
import type { AccountsDeps } from './deps.ts';
import { accountLimits } from './rate-limits.ts';
import { nikTaken } from './registration.ts';
import * as repository from './repository.ts';

/**
 * Same answer, in the same time, whether or not the address has an account (no enumeration): the code
 * is issued after the answer (issue 18 measured a known address answering ~2 ms later when it was not).
 * If issuing fails the person simply asks again; nothing else depends on it.
 */
export async function requestPasswordReset(
  deps: AccountsDeps,
  email: string,
  context: { ip: string },
  afterAnswer: (work: () => Promise<unknown>) => void,
) {
  const address = normalizeEmail(email);
  await limitCodeSending(deps, address, context.ip);
  const account = await repository.findAccountByEmail(deps.db, address);
  if (!account) return;
  afterAnswer(() => deps.db.transaction((tx) => issueCode(deps, tx, account, 'RESET_PASSWORD')));
}

/**
 * Sets the new password, ends every session of the account (whoever had them), and tells the owner
 * by e-mail (and SMS when a gateway is configured). Receiving the code also proves the mailbox, so an
 * unverified address becomes verified.
 */
export async function confirmPasswordReset(
  deps: AccountsDeps,
  input: { email: string; code: string; newPassword: string },
  context: { ip: string },
): Promise<void> {
  await deps.limiter.consume(accountLimits.codeCheckPerIp, context.ip);
  const account = await repository.findAccountByEmail(deps.db, normalizeEmail(input.email));
  if (account) {
    const problems = passwordProblems(input.newPassword, account);
    if (problems.length > 0) {
      throw new DomainError({
        code: 'VALIDATION',
        errors: problems.map((message) => ({ path: 'newPassword', message })),
      });
    }
  }
  const passwordHash = await hashPassword(input.newPassword);
  try {
    await redeemCode(deps, account, 'RESET_PASSWORD', input.code, async (tx, owner) => {
      const now = deps.clock.now();
      await repository.updatePassword(tx, owner.id, passwordHash, now);
      await repository.markEmailVerified(tx, owner.id, now);
      await repository.revokeAllSessions(tx, owner.id, now);
      const notice = { template: 'account.password-changed' as const, language: owner.language };
      const variables = { fullName: owner.fullName };
      await deps.notifications.enqueue(tx, { channel: 'EMAIL', to: owner.email, ...notice, variables });
      if (deps.smsEnabled) {
        await deps.notifications.enqueue(tx, { channel: 'SMS', to: owner.phone, ...notice, variables });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, 'accounts_verified_nik_unique')) throw nikTaken();
    throw error;
  }
}
