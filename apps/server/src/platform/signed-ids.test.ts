import { describe, expect, it } from 'vitest';
import { readSignedId, signId } from './signed-ids.ts';

describe('signed ids', () => {
  const id = '0b9f6a1e-5d1c-4e0a-9d59-2f8a3f6c1a11';
  const expiresAt = new Date('2026-12-05T00:00:00Z');

  it('reads back what was signed, for the same key and purpose', () => {
    expect(readSignedId('k', 'payment-claim', signId('k', 'payment-claim', { id, expiresAt }))).toEqual({
      id,
      expiresAt,
    });
  });

  it('a token signed for one purpose is nothing for another (a claim link is no admission)', () => {
    const claim = signId('k', 'payment-claim', { id, expiresAt });
    expect(readSignedId('k', 'admission', claim)).toBeNull();
    expect(readSignedId('other-key', 'payment-claim', claim)).toBeNull();
  });

  it('an altered id or expiry, or a malformed token, reads as nothing', () => {
    const [, seconds, signature] = signId('k', 'p', { id, expiresAt }).split('.');
    expect(readSignedId('k', 'p', `${id.replace('0b', '0c')}.${seconds}.${signature}`)).toBeNull();
    expect(readSignedId('k', 'p', `${id}.${Number(seconds) + 1}.${signature}`)).toBeNull();
    expect(readSignedId('k', 'p', `${id}.0${seconds}.${signature}`)).toBeNull();
    expect(readSignedId('k', 'p', `${id}.${seconds}`)).toBeNull();
    expect(readSignedId('k', 'p', `${id}.${seconds}.${signature}.x`)).toBeNull();
    expect(readSignedId('k', 'p', '')).toBeNull();
  });
});
