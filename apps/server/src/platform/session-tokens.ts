import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Session tokens: 256 random bits, stored only as SHA-256 (a database copy cannot log anyone in). */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A CSRF token bound to one session (signed double submit): valid only with that session's cookie. */
export function csrfTokenFor(secretKey: string, tokenHash: string): string {
  return createHmac('sha256', secretKey).update(`csrf:${tokenHash}`).digest('base64url');
}
