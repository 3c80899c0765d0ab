import { describe, expect, it } from 'vitest';
import { generateOtp, hashOtp, judgeOtp, OTP_MAX_ATTEMPTS, type StoredOtp } from './otp.ts';

const secret = 'test-secret';
const now = new Date('2026-11-25T03:00:00Z');
const stored = (overrides: Partial<StoredOtp> = {}): StoredOtp => ({
  accountId: 'a1',
  purpose: 'VERIFY_EMAIL',
  codeHash: hashOtp(secret, 'a1', 'VERIFY_EMAIL', '123456'),
  expiresAt: new Date(now.getTime() + 10 * 60_000),
  attempts: 0,
  consumedAt: null,
  ...overrides,
});

describe('one-time codes', () => {
  it('are 6 digits, leading zeros kept, and spread over the whole range', () => {
    const codes = Array.from({ length: 2000 }, generateOtp);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(codes.some((c) => Number(c) < 500_000) && codes.some((c) => Number(c) >= 500_000)).toBe(true);
  });

  it('are stored as an HMAC bound to the account and the purpose', () => {
    const hash = hashOtp(secret, 'a1', 'VERIFY_EMAIL', '123456');
    expect(hash).not.toContain('123456');
    expect(hashOtp(secret, 'a2', 'VERIFY_EMAIL', '123456')).not.toBe(hash);
    expect(hashOtp(secret, 'a1', 'RESET_PASSWORD', '123456')).not.toBe(hash);
    expect(hashOtp('other-secret', 'a1', 'VERIFY_EMAIL', '123456')).not.toBe(hash);
  });

  it('judge a right code valid and a wrong one wrong', () => {
    expect(judgeOtp(stored(), '123456', now, secret)).toBe('valid');
    expect(judgeOtp(stored(), '123457', now, secret)).toBe('wrong');
  });

  it('expire after 10 minutes (the instant itself is already too late)', () => {
    expect(judgeOtp(stored(), '123456', new Date(now.getTime() + 10 * 60_000 - 1), secret)).toBe('valid');
    expect(judgeOtp(stored(), '123456', new Date(now.getTime() + 10 * 60_000), secret)).toBe('expired');
  });

  it('are locked after 5 wrong tries, even for the right code, and single use', () => {
    expect(judgeOtp(stored({ attempts: OTP_MAX_ATTEMPTS }), '123456', now, secret)).toBe('locked');
    expect(judgeOtp(stored({ consumedAt: now }), '123456', now, secret)).toBe('none');
    expect(judgeOtp(undefined, '123456', now, secret)).toBe('none');
  });

  it('do not work for another purpose', () => {
    expect(judgeOtp(stored({ purpose: 'RESET_PASSWORD' }), '123456', now, secret)).toBe('wrong');
  });
});
