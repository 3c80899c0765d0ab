import type {} from '@fastify/cookie';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { SessionTouch } from '../../db/session-touches.ts';
import type { ApplicantPrincipal } from '../../platform/access.ts';
import type { Coalescer } from '../../platform/coalescer.ts';
import { DomainError } from '../../platform/errors.ts';
import { hashPassword, needsRehash, verifyPassword } from '../../platform/passwords.ts';
import { normalizeEmail } from './credentials.ts';
import type { AccountsDeps } from './deps.ts';
import { accountLimits } from './rate-limits.ts';
import * as repository from './repository.ts';
import { csrfTokenFor, hashSessionToken, newSessionToken } from '../../platform/session-tokens.ts';

export const SESSION_COOKIE = 'mpaspor_session';
export const CSRF_COOKIE = 'mpaspor_csrf';
const MINUTE = 60_000;
/** Writing last-seen on every request would cost a write per read; once a minute is precise enough. */
const TOUCH_AFTER_MS = MINUTE;

/** Verifies against this when the e-mail is unknown, so a miss takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: Date;
  readonly csrfToken: string;
  readonly absoluteExpiresAt: Date;
  readonly account: repository.AccountRow;
}

export async function login(
  deps: AccountsDeps,
  input: { email: string; password: string },
  context: { ip: string },
): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  await deps.limiter.consume(accountLimits.loginPerIp, context.ip);
  const client = `${email}|${context.ip}`;
  await deps.limiter.assertNotExhausted(accountLimits.loginFailuresPerClient, client);
  const account = await repository.findAccountByEmail(deps.db, email);
  // Failures count against the account's current password: once the owner proves the mailbox with a
  // reset code, the password changes and strangers' failures no longer lock them out (issue 18).
  const accountKey = `${email}|${account ? passwordEpoch(account.passwordHash) : '-'}`;
  await deps.limiter.assertNotExhausted(accountLimits.loginFailuresPerEmail, accountKey);
  dummyHash ??= hashPassword('not-a-real-password');
  const passwordOk = await verifyPassword(input.password, account?.passwordHash ?? (await dummyHash));
  if (!account || !passwordOk) {
    await deps.limiter.record(accountLimits.loginFailuresPerClient, client);
    await deps.limiter.record(accountLimits.loginFailuresPerEmail, accountKey);
    throw new DomainError({ code: 'INVALID_CREDENTIALS' });
  }
  if (!account.emailVerifiedAt) {
    throw new DomainError({
      code: 'EMAIL_NOT_VERIFIED',
      detail: {
        id: 'Masukkan kode verifikasi dari e-mail Anda terlebih dahulu. Belum menerima? Minta kirim ulang.',
        en: 'Enter the verification code from your e-mail first. Did not get it? Ask for it again.',
      },
    });
  }
  if (needsRehash(account.passwordHash)) {
    await repository.updatePassword(
      deps.db,
      account.id,
      await hashPassword(input.password),
      deps.clock.now(),
    );
  }
  return startSession(deps, account);
}

/** Changes with every new password (its hash has a fresh salt); the hash itself never leaves here. */
function passwordEpoch(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);
}

async function startSession(deps: AccountsDeps, account: repository.AccountRow): Promise<LoginResult> {
  const now = deps.clock.now();
  const { token, tokenHash } = newSessionToken();
  const absoluteExpiresAt = new Date(now.getTime() + deps.sessionPolicy.absoluteHours * 60 * MINUTE);
  const idleExpiresAt = idleDeadline(deps, now, absoluteExpiresAt);
  await repository.insertSession(deps.db, {
    accountId: account.id,
    tokenHash,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt,
    absoluteExpiresAt,
  });
  return {
    token,
    expiresAt: idleExpiresAt,
    absoluteExpiresAt,
    csrfToken: csrfTokenFor(deps.secretKey, tokenHash),
    account,
  };
}

function idleDeadline(deps: AccountsDeps, now: Date, absoluteExpiresAt: Date): Date {
  const idle = now.getTime() + deps.sessionPolicy.idleMinutes * MINUTE;
  return new Date(Math.min(idle, absoluteExpiresAt.getTime()));
}

/** The applicant behind a request: bearer token first (apps), else the session cookie (browser). */
export async function authenticate(
  deps: AccountsDeps,
  touches: Coalescer<SessionTouch>,
  request: FastifyRequest,
): Promise<ApplicantPrincipal | null> {
  const header = request.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  const cookie = request.cookies?.[SESSION_COOKIE];
  const token = bearer || cookie;
  if (!token || token.length > 200) return null;
  const now = deps.clock.now();
  const session = await repository.findLiveSession(deps.db, hashSessionToken(token), now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    await touches.write({
      id: session.id,
      lastSeenAt: now,
      idleExpiresAt: idleDeadline(deps, now, session.absoluteExpiresAt),
    });
  }
  return {
    accountId: session.accountId,
    sessionId: session.id,
    via: bearer ? 'bearer' : 'cookie',
    csrfToken: csrfTokenFor(deps.secretKey, session.tokenHash),
  };
}

export async function logout(deps: AccountsDeps, sessionId: string): Promise<void> {
  await repository.revokeSession(deps.db, sessionId, deps.clock.now());
}
