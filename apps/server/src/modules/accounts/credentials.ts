import { readFileSync } from 'node:fs';
import type { Localized } from '#shared/i18n.ts';
import { PASSWORD_MIN_LENGTH } from '#shared/contracts/accounts.ts';
import { isTooWeak } from './password-strength.ts';
import { REFERENCE_DIR } from '../../platform/reference-data.ts';

/**
 * Rules for what people type in: passwords (OWASP ASVS 5.0 V6.2: length over composition, no common
 * passwords, nothing guessable from the account), e-mail addresses and Indonesian mobile numbers.
 */
let commonPasswords: Set<string> | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(`${REFERENCE_DIR}common-passwords.txt`, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return commonPasswords.has(password.toLowerCase());
}

export function passwordProblems(password: string, account: { email: string; nik: string }): Localized[] {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return [
      {
        id: `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`,
        en: `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
      },
    ];
  }
  const lower = password.toLowerCase();
  const localPart = account.email.split('@')[0]?.toLowerCase() ?? '';
  if ((localPart.length >= 4 && lower.includes(localPart)) || (account.nik && lower.includes(account.nik))) {
    return [
      {
        id: 'Kata sandi tidak boleh memuat alamat e-mail atau NIK Anda.',
        en: 'The password must not contain your e-mail address or NIK.',
      },
    ];
  }
  if (isCommon(password) || isTooWeak(password)) {
    return [
      {
        id: 'Kata sandi ini terlalu umum dan mudah ditebak. Pilih kata sandi lain, misalnya gabungan beberapa kata.',
        en: 'This password is too common and easy to guess. Choose another, for example several words together.',
      },
    ];
  }
  return [];
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** 08xx…, 628xx… or +628xx… with spaces or dashes -> +628xx… (E.164); null if not a mobile number. */
export function normalizeMobileNumber(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  const national = compact.replace(/^(\+62|62|0)/, '');
  if (national === compact && !compact.startsWith('8')) return null;
  return /^8\d{8,11}$/.test(national) ? `+62${national}` : null;
}
