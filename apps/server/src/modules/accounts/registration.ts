import type { Registration } from '#shared/contracts/accounts.ts';
import type { Language } from '#shared/i18n.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { issueCode } from './codes.ts';
import { normalizeEmail, normalizeMobileNumber, passwordProblems } from './credentials.ts';
import type { AccountsDeps } from './deps.ts';
import { accountLimits } from './rate-limits.ts';
import * as repository from './repository.ts';

export interface RegistrationResult {
  readonly id: string;
  readonly email: string;
  readonly emailVerified: false;
}

/**
 * Registration: check the form, the NIK (structure, then Dukcapil), then create the account and put
 * the verification e-mail into the outbox in one transaction. The Dukcapil call and password hashing
 * happen before the transaction opens: no transaction waits on outside I/O.
 */
export async function register(
  deps: AccountsDeps,
  input: Registration,
  context: { ip: string; language: Language },
): Promise<RegistrationResult> {
  await deps.limiter.consume(accountLimits.registerPerIp, context.ip);
  const email = normalizeEmail(input.email);
  const phone = normalizeMobileNumber(input.phone);
  const nik = input.nik.trim();
  const problems: FieldProblem[] = passwordProblems(input.password, { email, nik }).map((message) => ({
    path: 'password',
    message,
  }));
  if (!phone) {
    problems.push({
      path: 'phone',
      message: {
        id: 'Masukkan nomor ponsel Indonesia, misalnya 081234567890.',
        en: 'Enter an Indonesian mobile number, for example 081234567890.',
      },
    });
  }
  if (problems.length > 0 || !phone) throw new DomainError({ code: 'VALIDATION', errors: problems });

  if (await repository.findAccountByEmail(deps.db, email)) throw emailTaken();
  const biodata = {
    fullName: input.fullName,
    dateOfBirth: input.dateOfBirth,
    placeOfBirth: input.placeOfBirth,
    sex: input.sex,
  };
  await deps.identity.verifyIdentity(nik, biodata);
  if (await repository.isNikVerifiedElsewhere(deps.db, nik)) throw nikTaken();
  const passwordHash = await hashPassword(input.password);

  try {
    return await deps.db.transaction(async (tx) => {
      const account = {
        email,
        phone,
        passwordHash,
        nik,
        ...biodata,
        language: input.language ?? context.language,
        createdAt: deps.clock.now(),
      };
      const id = await repository.insertAccount(tx, account);
      await issueCode(deps, tx, { ...account, id, emailVerifiedAt: null }, 'VERIFY_EMAIL');
      return { id, email, emailVerified: false as const };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'accounts_email_unique')) throw emailTaken();
    throw error;
  }
}

function emailTaken(): DomainError {
  return new DomainError({
    code: 'EMAIL_TAKEN',
    detail: {
      id: 'Alamat e-mail ini sudah terdaftar. Silakan masuk, atau pakai "Lupa kata sandi" jika lupa.',
      en: 'This e-mail address is already registered. Log in, or use "Forgot password" if needed.',
    },
    errors: [{ path: 'email', message: { id: 'Sudah terdaftar.', en: 'Already registered.' } }],
  });
}

export function nikTaken(): DomainError {
  return new DomainError({
    code: 'NIK_TAKEN',
    detail: {
      id: 'NIK ini sudah dipakai akun lain yang aktif. Jika itu akun Anda, masuk dengan e-mail akun tersebut atau pakai "Lupa kata sandi".',
      en: 'This NIK belongs to another active account. If it is yours, log in with that account’s e-mail or use "Forgot password".',
    },
    errors: [{ path: 'nik', message: { id: 'Sudah terdaftar.', en: 'Already registered.' } }],
  });
}
