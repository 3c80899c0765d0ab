import { randomBytes } from 'node:crypto';
import type { Language } from '#shared/i18n.ts';
import type { Sex } from '#shared/nik.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { DomainError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { normalizeEmail, normalizeMobileNumber } from './credentials.ts';
import type { AccountsDeps } from './deps.ts';
import * as repository from './repository.ts';

/** The person at the counter (issue 16), already checked with Dukcapil and against their KTP-el. */
export interface CounterPerson {
  readonly nik: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly placeOfBirth: string;
  readonly sex: Sex;
  readonly email: string;
  readonly phone: string;
  readonly language: Language;
}

/**
 * The account a walk-in application is filed under, so the billing code, status and pick-up notices
 * reach someone and the app shows it: the person's own verified account; else the account of the
 * e-mail given (a relative who follows it for them); else a new account in the person's name with
 * that e-mail and phone. A new one has no usable password: "Lupa kata sandi" on that e-mail gives
 * the person one, which also proves the e-mail is theirs.
 */
export async function accountAtCounter(
  deps: AccountsDeps,
  person: CounterPerson,
): Promise<{ accountId: string; created: boolean }> {
  const email = normalizeEmail(person.email);
  const phone = normalizeMobileNumber(person.phone);
  if (!phone) throw phoneInvalid();
  const own = await repository.findVerifiedAccountByNik(deps.db, person.nik);
  if (own) return { accountId: own.id, created: false };
  const byEmail = await repository.findAccountByEmail(deps.db, email);
  if (byEmail) return { accountId: byEmail.id, created: false };
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  try {
    const accountId = await repository.insertAccount(deps.db, {
      email,
      phone,
      passwordHash,
      nik: person.nik,
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      placeOfBirth: person.placeOfBirth,
      sex: person.sex,
      language: person.language,
      createdAt: deps.clock.now(),
    });
    return { accountId, created: true };
  } catch (error) {
    // Another counter made it a moment ago: the same person, the same e-mail.
    if (!isUniqueViolation(error, 'accounts_email_unique')) throw error;
    const made = await repository.findAccountByEmail(deps.db, email);
    if (!made) throw error;
    return { accountId: made.id, created: false };
  }
}

function phoneInvalid(): DomainError {
  return new DomainError({
    code: 'VALIDATION',
    errors: [
      {
        path: 'contact.phone',
        message: {
          id: 'Masukkan nomor ponsel Indonesia, misalnya 081234567890.',
          en: 'Enter an Indonesian mobile number, for example 081234567890.',
        },
      },
    ],
  });
}
