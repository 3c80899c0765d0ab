import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A record's id carried in a link or a header, signed for one purpose and until a time:
 * `<uuid>.<expiry, unix seconds>.<HMAC-SHA256 of "purpose:id:seconds", base64url>`. Reading checks the
 * shape and the signature only; whether it has expired, and what the id may do, is the caller's.
 */
export interface SignedId {
  readonly id: string;
  readonly expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(key: string, purpose: string, id: string, expiresSeconds: number): string {
  return createHmac('sha256', key).update(`${purpose}:${id}:${expiresSeconds}`).digest('base64url');
}

export function signId(key: string, purpose: string, signed: SignedId): string {
  const seconds = Math.floor(signed.expiresAt.getTime() / 1000);
  return `${signed.id}.${seconds}.${mac(key, purpose, signed.id, seconds)}`;
}

/** What a token carries if its signature for `purpose` holds; null for anything else. */
export function readSignedId(key: string, purpose: string, token: string): SignedId | null {
  const [id, secondsText, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !id || !UUID.test(id) || !secondsText || !signature) return null;
  const seconds = Number(secondsText);
  if (!Number.isSafeInteger(seconds) || String(seconds) !== secondsText) return null;
  const expected = Buffer.from(mac(key, purpose, id, seconds));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { id, expiresAt: new Date(seconds * 1000) };
}
