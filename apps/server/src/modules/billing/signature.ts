import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed payment notifications (API.md "Payments"): header `X-Simponi-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The timestamp inside the signed text stops replays
 * beyond the tolerance; the comparison takes the same time whatever the first wrong byte.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export function signPayload(secret: string, rawBody: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export function verifySignature(
  secret: string,
  header: string | undefined,
  rawBody: string,
  now: Date,
): 'VALID' | 'MALFORMED' | 'STALE' | 'MISMATCH' {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]),
  );
  const t = Number(parts.t);
  const given = parts.v1;
  if (!Number.isInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return 'MALFORMED';
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return 'STALE';
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex'));
  return timingSafeEqual(expected, Buffer.from(given)) ? 'VALID' : 'MISMATCH';
}
