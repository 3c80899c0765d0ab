import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeMobileNumber, passwordProblems } from './credentials.ts';

const account = { email: 'siti.rahma@example.co.id', nik: '3273056010900009' };

describe('password rules (OWASP ASVS 5.0 V6.2: length, no common passwords, nothing from the account)', () => {
  it('accepts a long unusual passphrase', () => {
    expect(passwordProblems('kopi tubruk di pagi hari', account)).toEqual([]);
  });

  it.each(['1234567', 'abc'])('refuses %j: shorter than 8 characters', (password) => {
    expect(passwordProblems(password, account)[0]?.id).toBe('Kata sandi minimal 8 karakter.');
  });

  it.each(['password', '12345678', 'Bismillah', 'INDONESIA', 'sayangku', 'qwerty123'])(
    'refuses the common password %j, whatever its case',
    (password) => {
      expect(passwordProblems(password, account)[0]?.en).toMatch(/too common/);
    },
  );

  it('refuses a password containing the e-mail name or the NIK', () => {
    expect(passwordProblems('Siti.Rahma2026!', account)[0]?.en).toMatch(/e-mail address or NIK/);
    expect(passwordProblems('x3273056010900009', account)[0]?.en).toMatch(/e-mail address or NIK/);
  });

  it('counts characters, not bytes (8 emoji are 8 characters)', () => {
    expect(passwordProblems('😀🐟🌋🎒🧭🪁🥥🛶', account)).toEqual([]);
    expect(passwordProblems('😀😀😀😀😀😀😀', account)[0]?.en).toMatch(/at least 8/);
  });
});

describe('normalizeMobileNumber', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['0812345678', '+62812345678'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizeMobileNumber(input)).toBe(expected);
  });

  it.each(['0211234567', '+6512345678', '08123', '0812345678901234', 'abc'])('refuses %j', (input) => {
    expect(normalizeMobileNumber(input)).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases, so one address is one account', () => {
    expect(normalizeEmail('  Siti.Rahma@Example.CO.ID ')).toBe('siti.rahma@example.co.id');
  });
});
