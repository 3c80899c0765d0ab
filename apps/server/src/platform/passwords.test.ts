import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';

describe('password hashing (argon2id, OWASP minimum m=19 MiB, t=2, p=1)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Paspor-Saya-2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('Paspor-Saya-2026', hash)).toBe(true);
    expect(await verifyPassword('paspor-saya-2026', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats composed and decomposed Unicode as the same password (NFC)', async () => {
    const hash = await hashPassword('Andr\u00e9');
    expect(await verifyPassword('Andre\u0301', hash)).toBe(true);
  });

  it('refuses a malformed stored hash and asks to rehash weaker parameters', async () => {
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA')).toBe(true);
    expect(needsRehash(await hashPassword('x'))).toBe(false);
  });
});
