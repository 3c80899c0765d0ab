import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import type { SessionTouch } from '../../db/session-touches.ts';
import { createCoalescer, type Coalescer } from '../../platform/coalescer.ts';
import type { OfficerPrincipal } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RateLimiter, RateLimitRule } from '../../platform/rate-limit.ts';
import { DomainError } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { csrfTokenFor, hashSessionToken, newSessionToken } from '../../platform/session-tokens.ts';
import * as repository from './repository.ts';
import { verifyTotp } from './totp.ts';

export const OFFICER_COOKIE = 'mpaspor_officer';
const MINUTE = 60_000;
/** An office workstation: 30 minutes idle, one working day at most. */
const IDLE_MINUTES = 30;
const ABSOLUTE_HOURS = 10;
const TOUCH_AFTER_MS = MINUTE;

/** Officer accounts open every passport file of an office: wrong passwords and codes are capped. */
export const officerLimits = {
  loginPerIp: { name: 'officer-login-ip', limit: 60, windowMs: 5 * MINUTE, scales: true },
  failuresPerUsername: { name: 'officer-login-fail', limit: 5, windowMs: 15 * MINUTE, scales: false },
} as const satisfies Record<string, RateLimitRule>;

export interface OfficerAuthDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly secretKey: string;
  /** Production: every officer must give a TOTP code; elsewhere only officers who enrolled one. */
  readonly requireTotp: boolean;
  readonly limiter: RateLimiter;
  /** "Last seen" writes, coalesced across the requests of this process (sessionTouches). */
  readonly touches: Coalescer<SessionTouch>;
}

/** The process's writer of officers' "last seen": requests arriving together share one statement. */
export const sessionTouches = (db: Database): Coalescer<SessionTouch> =>
  createCoalescer((touches) => repository.touchSessions(db, touches));

let dummyHash: Promise<string> | undefined;

export async function login(
  deps: OfficerAuthDeps,
  input: { username: string; password: string; totp?: string | undefined },
  context: { ip: string },
) {
  const username = input.username.trim().toLowerCase();
  await deps.limiter.consume(officerLimits.loginPerIp, context.ip);
  await deps.limiter.assertNotExhausted(officerLimits.failuresPerUsername, username);
  const failed = async (code: 'INVALID_CREDENTIALS' | 'TOTP_INVALID') => {
    await deps.limiter.record(officerLimits.failuresPerUsername, username);
    return new DomainError({ code });
  };
  const officer = await repository.findByUsername(deps.db, username);
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verifyPassword(input.password, officer?.passwordHash ?? (await dummyHash));
  if (!officer || !ok || !officer.active) throw await failed('INVALID_CREDENTIALS');
  const now = deps.clock.now();
  if (officer.totpSecret || deps.requireTotp) {
    if (!officer.totpSecret) throw totpNotEnrolled();
    if (!input.totp) throw new DomainError({ code: 'TOTP_REQUIRED' });
    if (!verifyTotp(officer.totpSecret, input.totp, now)) throw await failed('TOTP_INVALID');
  }
  const { token, tokenHash } = newSessionToken();
  const absoluteExpiresAt = new Date(now.getTime() + ABSOLUTE_HOURS * 60 * MINUTE);
  const idleExpiresAt = new Date(
    Math.min(now.getTime() + IDLE_MINUTES * MINUTE, absoluteExpiresAt.getTime()),
  );
  await repository.insertSession(deps.db, {
    officerId: officer.id,
    tokenHash,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt,
    absoluteExpiresAt,
  });
  return { token, expiresAt: idleExpiresAt, csrfToken: csrfTokenFor(deps.secretKey, tokenHash), officer };
}

export async function authenticate(
  deps: OfficerAuthDeps,
  request: FastifyRequest,
): Promise<OfficerPrincipal | null> {
  const header = request.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  const token = bearer || request.cookies?.[OFFICER_COOKIE];
  if (!token || token.length > 200) return null;
  const now = deps.clock.now();
  const found = await repository.findLiveSession(deps.db, hashSessionToken(token), now);
  if (!found) return null;
  const { session, officer } = found;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    const idle = Math.min(now.getTime() + IDLE_MINUTES * MINUTE, session.absoluteExpiresAt.getTime());
    await deps.touches.write({ id: session.id, lastSeenAt: now, idleExpiresAt: new Date(idle) });
  }
  return {
    officerId: officer.id,
    username: officer.username,
    fullName: officer.fullName,
    officeCode: officer.officeCode,
    roles: officer.roles,
    sessionId: session.id,
    via: bearer ? 'bearer' : 'cookie',
    csrfToken: csrfTokenFor(deps.secretKey, session.tokenHash),
  };
}

export const logout = (deps: OfficerAuthDeps, sessionId: string) =>
  repository.revokeSession(deps.db, sessionId, deps.clock.now());

function totpNotEnrolled(): DomainError {
  return new DomainError({
    code: 'TOTP_REQUIRED',
    detail: {
      id: 'Akun ini belum memiliki autentikator. Minta Admin Pusat mendaftarkannya.',
      en: 'This account has no authenticator yet. Ask the headquarters administrator to enrol one.',
    },
  });
}
