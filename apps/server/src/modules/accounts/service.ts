import type { FastifyRequest } from 'fastify';
import { accountAtCounter, type CounterPerson } from './counter-account.ts';
import type { Account, Registration } from '#shared/contracts/accounts.ts';
import type { Language } from '#shared/i18n.ts';
import type { Database } from '../../db/database.ts';
import type { SessionTouch } from '../../db/session-touches.ts';
import type { ApplicantPrincipal } from '../../platform/access.ts';
import { createCoalescer } from '../../platform/coalescer.ts';
import { DomainError } from '../../platform/errors.ts';
import type { AccountsDeps } from './deps.ts';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.ts';
import { register, type RegistrationResult } from './registration.ts';
import * as repository from './repository.ts';
import { authenticate, login, logout, type LoginResult } from './sessions.ts';
import { resendVerification, verifyEmail } from './verification.ts';

type Ip = { ip: string };

export interface AccountsService {
  register(input: Registration, context: Ip & { language: Language }): Promise<RegistrationResult>;
  verifyEmail(input: { email: string; code: string }, context: Ip): Promise<{ emailVerified: true }>;
  resendVerification(email: string, context: Ip): Promise<void>;
  login(input: { email: string; password: string }, context: Ip): Promise<LoginResult>;
  logout(sessionId: string): Promise<void>;
  authenticate(request: FastifyRequest): Promise<ApplicantPrincipal | null>;
  getAccount(accountId: string): Promise<Account>;
  /**
   * Where and how to reach the account holder; `db` is the caller's transaction when inside one (one
   * connection on PGlite: another handle would wait for the transaction to end).
   */
  contactOf(accountId: string, db?: Database): Promise<Contact>;
  /** The contact of the NIK holder's own account (e-mail verified); null when they have none. */
  contactOfNik(nik: string): Promise<Contact | null>;
  accountAtCounter(person: CounterPerson): Promise<{ accountId: string; created: boolean }>;
  setLanguage(accountId: string, language: Language): Promise<Account>;
  requestPasswordReset(email: string, context: Ip): Promise<void>;
  confirmPasswordReset(
    input: { email: string; code: string; newPassword: string },
    context: Ip,
  ): Promise<void>;
  /** Waits for work begun after an answer (a reset code being issued); the app awaits it on close. */
  settle(): Promise<void>;
}

export interface Contact {
  readonly email: string;
  readonly phone: string;
  readonly fullName: string;
  readonly language: Language;
  /** The account holder's own NIK, checked with Dukcapil at registration. */
  readonly nik: string;
}

export function createAccountsService(deps: AccountsDeps): AccountsService {
  const getAccount = async (accountId: string) => {
    const row = await repository.findAccountById(deps.db, accountId);
    if (!row) throw new DomainError({ code: 'UNAUTHENTICATED' });
    return toAccount(row);
  };
  // Requests arriving together share one "last seen" statement (platform/coalescer.ts).
  const touches = createCoalescer((items: readonly SessionTouch[]) =>
    repository.touchSessions(deps.db, items),
  );
  const pending = new Set<Promise<unknown>>();
  const afterAnswer = (work: () => Promise<unknown>) => {
    const running: Promise<unknown> = work()
      .catch((error: unknown) => deps.log.warn({ err: error }, 'work after the answer failed'))
      .finally(() => pending.delete(running));
    pending.add(running);
  };
  return {
    register: (input, context) => register(deps, input, context),
    verifyEmail: (input, context) => verifyEmail(deps, input, context),
    resendVerification: (email, context) => resendVerification(deps, email, context),
    login: (input, context) => login(deps, input, context),
    logout: (sessionId) => logout(deps, sessionId),
    authenticate: (request) => authenticate(deps, touches, request),
    getAccount,
    async contactOf(accountId, db = deps.db) {
      const row = await repository.findAccountById(db, accountId);
      if (!row) throw new Error(`account ${accountId} not found`);
      return contactFrom(row);
    },
    accountAtCounter: (person) => accountAtCounter(deps, person),
    async contactOfNik(nik) {
      const row = await repository.findVerifiedAccountByNik(deps.db, nik);
      return row ? contactFrom(row) : null;
    },
    async setLanguage(accountId, language) {
      await repository.updateLanguage(deps.db, accountId, language);
      return getAccount(accountId);
    },
    requestPasswordReset: (email, context) => requestPasswordReset(deps, email, context, afterAnswer),
    confirmPasswordReset: (input, context) => confirmPasswordReset(deps, input, context),
    async settle() {
      await Promise.all([...pending]);
    },
  };
}

export function toAccount(row: repository.AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    fullName: row.fullName,
    nik: row.nik,
    dateOfBirth: row.dateOfBirth,
    placeOfBirth: row.placeOfBirth,
    sex: row.sex,
    language: row.language,
    emailVerified: row.emailVerifiedAt !== null,
  };
}

function contactFrom(row: repository.AccountRow): Contact {
  return { email: row.email, phone: row.phone, fullName: row.fullName, language: row.language, nik: row.nik };
}
