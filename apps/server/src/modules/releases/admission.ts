import { readSignedId, signId } from '../../platform/signed-ids.ts';

/**
 * The admission an admitted ticket carries to submit: `<ticket id>.<expiry, unix seconds>.<HMAC>`
 * (platform/signed-ids.ts). Submit checks the signature, then the ticket row itself (window, account,
 * application, expiry), so a token is only a bearer of the ticket's own right and cannot be widened or
 * moved to another release.
 */
export interface Admission {
  readonly ticketId: string;
  readonly expiresAt: Date;
}

export function signAdmission(key: string, admission: Admission): string {
  return signId(key, 'admission', { id: admission.ticketId, expiresAt: admission.expiresAt });
}

/** The admission a token carries if its signature holds; null for anything else. Expiry is the caller's. */
export function readAdmission(key: string, token: string): Admission | null {
  const signed = readSignedId(key, 'admission', token);
  return signed && { ticketId: signed.id, expiresAt: signed.expiresAt };
}
