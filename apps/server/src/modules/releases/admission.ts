import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The admission an admitted ticket carries to submit: `<ticket id>.<expiry, unix seconds>.<HMAC>`.
 * Submit checks the signature, then the ticket row itself (window, account, application, expiry), so a
 * token is only a bearer of the ticket's own right and cannot be widened or moved to another release.
 */
export interface Admission {
  readonly ticketId: string;
  readonly expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(key: string, ticketId: string, expiresSeconds: number): string {
  return createHmac('sha256', key).update(`admission:${ticketId}:${expiresSeconds}`).digest('base64url');
}

export function signAdmission(key: string, admission: Admission): string {
  const seconds = Math.floor(admission.expiresAt.getTime() / 1000);
  return `${admission.ticketId}.${seconds}.${mac(key, admission.ticketId, seconds)}`;
}

/** The admission a token carries if its signature holds; null for anything else. Expiry is the caller's. */
export function readAdmission(key: string, token: string): Admission | null {
  const [ticketId, secondsText, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !ticketId || !UUID.test(ticketId) || !secondsText || !signature) return null;
  const seconds = Number(secondsText);
  if (!Number.isSafeInteger(seconds) || String(seconds) !== secondsText) return null;
  const expected = Buffer.from(mac(key, ticketId, seconds));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { ticketId, expiresAt: new Date(seconds * 1000) };
}
