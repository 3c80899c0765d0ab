import { createHmac, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import type { ApplicationStatus } from '#shared/statuses.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ApplicationsDeps } from './deps.ts';
import { invalidState, mine } from './scans.ts';

/**
 * The arrival pass: a code the office scans at check-in. `MP1.<application id, hex>.<HMAC-SHA256,
 * 96 bits, base64url>` — short enough for a QR readable on a cracked phone screen and to type by
 * hand, and unforgeable without the server's key. The code names the application, never the person;
 * the pass beside it names the holder (issue 15), so the officer compares it with the KTP-el in hand.
 */
const PREFIX = 'MP1';
const PASS_PATTERN = /^MP1\.([0-9a-f]{32})\.([A-Za-z0-9_-]{16})$/;
const HOLDS_PASS: readonly ApplicationStatus[] = [
  'PAID',
  'CHECKED_IN',
  'VERIFIED',
  'INTERVIEWED',
  'APPROVED',
  'READY',
];

function signature(key: string, compactId: string): string {
  return createHmac('sha256', key)
    .update(`arrival-pass:${compactId}`)
    .digest()
    .subarray(0, 12)
    .toString('base64url');
}

export function arrivalPassCode(key: string, applicationId: string): string {
  const compact = applicationId.replaceAll('-', '');
  return `${PREFIX}.${compact}.${signature(key, compact)}`;
}

/** The application id a pass names, or ARRIVAL_PASS_INVALID for anything forged, altered or garbled. */
export function readArrivalPass(key: string, code: string): string {
  const match = PASS_PATTERN.exec(code.trim());
  const expected = match ? Buffer.from(signature(key, match[1]!)) : null;
  const given = match ? Buffer.from(match[2]!) : null;
  if (!match || !expected || !given || !timingSafeEqual(expected, given)) throw arrivalPassInvalid();
  const hex = match[1]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The code a person reads out when the QR will not scan (issue 17): 8 characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), shown as `ABCD-EFGH`. Derived from the
 * application with the server's key: 25^8 ≈ 1.5 × 10^11 codes, checked only among the office's
 * bookings of the day, so a guess is worthless.
 */
const SHORT_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

export function arrivalShortCode(key: string, applicationId: string): string {
  const digest = createHmac('sha256', key).update(`arrival-short:${applicationId}`).digest();
  let value = digest.readBigUInt64BE(0);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code += SHORT_ALPHABET[Number(value % 25n)];
    value /= 25n;
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** As typed: case, spaces and the dash do not matter. */
export function normaliseShortCode(typed: string): string {
  const bare = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}

export function arrivalPassInvalid(): DomainError {
  return new DomainError({
    code: 'ARRIVAL_PASS_INVALID',
    detail: {
      id: 'Kode kedatangan tidak dikenali. Pindai ulang atau cari dengan nomor permohonan.',
      en: 'The arrival code is not recognised. Scan it again or search by application number.',
    },
  });
}

export async function arrivalPass(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
): Promise<{ code: string; shortCode: string; qrSvg: string; holder: { fullName: string; nik: string } }> {
  const row = await mine(deps, accountId, applicationId);
  if (!HOLDS_PASS.includes(row.status as ApplicationStatus))
    throw invalidState(row.status as ApplicationStatus, 'arrivalPass');
  const code = arrivalPassCode(deps.arrivalPassKey, row.id);
  const qrSvg = await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    code,
    shortCode: arrivalShortCode(deps.arrivalPassKey, row.id),
    qrSvg,
    holder: { fullName: row.applicantFullName, nik: maskNik(row.applicantNik) },
  };
}

/** "3273056010900009" → "327305******0009": enough to match a KTP-el, not enough to misuse. */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 6)}${'*'.repeat(6)}${nik.slice(-4)}`;
}
