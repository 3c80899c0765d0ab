import { DomainError } from '../../platform/errors.ts';
import { readSignedId, signId } from '../../platform/signed-ids.ts';
import type { ApplicationsDeps } from './deps.ts';

/**
 * The "I have paid but it still says unpaid" link in the billing and expiry e-mails (issue 15): it
 * names one application, signed, so the NTPN can be checked from any phone without logging in. It
 * only lets SIMPONI's own record of that billing's payment be applied; it shows nothing personal.
 */
const PURPOSE = 'payment-claim';
/** A notification lost for days is still found: the link outlives the deadline by 30 days. */
const VALID_AFTER_DEADLINE_MS = 30 * 24 * 60 * 60_000;

type Links = Pick<ApplicationsDeps, 'claimLinks'>;

export function claimLink(deps: Links, applicationId: string, deadline: Date): string {
  const expiresAt = new Date(deadline.getTime() + VALID_AFTER_DEADLINE_MS);
  const token = signId(deps.claimLinks.key, PURPOSE, { id: applicationId, expiresAt });
  return `${deps.claimLinks.baseUrl}/#/claim/${token}`;
}

/** The application a claim link names; CLAIM_LINK_INVALID when forged, altered or past its time. */
export function claimedApplication(deps: Links, token: string, now: Date): string {
  const signed = readSignedId(deps.claimLinks.key, PURPOSE, token);
  if (!signed || signed.expiresAt <= now) {
    throw new DomainError({
      code: 'CLAIM_LINK_INVALID',
      detail: {
        id: 'Tautan ini rusak atau sudah lewat waktunya. Masuk ke aplikasi dan buka permohonan Anda.',
        en: 'This link is damaged or too old. Log in to the app and open your application.',
      },
    });
  }
  return signed.id;
}
