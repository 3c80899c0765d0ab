import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, newTotpSecret, totpAt, verifyTotp } from './totp.ts';

// RFC 6238 Appendix B: the SHA-1 test vectors use the ASCII secret "12345678901234567890"; the
// reference values have 8 digits, of which a 6-digit code is the last six.
const rfcSecret = base32Encode(Buffer.from('12345678901234567890'));
const vectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, HMAC-SHA1, 30 s, 6 digits)', () => {
  it.each(vectors)('when the time is %i s, then the code is the last six digits of %s', (seconds, code) => {
    expect(totpAt(rfcSecret, new Date(seconds * 1000))).toBe(code.slice(-6));
  });

  it('when the code is from the previous or next step, then it is accepted; two steps away, refused', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-11-25T03:00:10Z');
    expect(verifyTotp(secret, totpAt(secret, now), now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, now, -1), now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, now, 1), now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, now, 2), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
  });

  it('when a secret is encoded and decoded, then the bytes come back', () => {
    const bytes = Buffer.from('any twenty bytes....');
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI'); // RFC 4648 §10
  });
});
