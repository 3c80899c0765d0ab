import { ADULT_AGE, ageOn } from '#shared/eligibility.ts';

/**
 * Who needs whose consent (issue 15, against brokers booking under their customers' NIKs). An account
 * may apply without consent for its holder's own NIK, and for a minor on the holder's family card (KK):
 * parents apply for their children (DOMAIN.md, "Anak di bawah 17 tahun"). Anyone else is an adult the
 * holder does not speak for, and confirms with a code sent to their own verified contact.
 */
export type ConsentNeed = 'OWN' | 'FAMILY_MINOR' | 'CONSENT';

export interface RegistryFacts {
  readonly familyCardNumber: string;
  readonly dateOfBirth: string;
  readonly married: boolean;
}

export function consentNeed(input: {
  readonly accountNik: string;
  readonly applicantNik: string;
  /** What the registry holds: the form's own "married" box is not trusted here. */
  readonly account: RegistryFacts | null;
  readonly applicant: RegistryFacts | null;
  readonly today: string;
}): ConsentNeed {
  if (input.accountNik === input.applicantNik) return 'OWN';
  const { account, applicant } = input;
  if (!account || !applicant) return 'CONSENT';
  const minor = !applicant.married && ageOn(applicant.dateOfBirth, input.today) < ADULT_AGE;
  return minor && applicant.familyCardNumber === account.familyCardNumber ? 'FAMILY_MINOR' : 'CONSENT';
}

/** Distinct other adults one account may get consent for within CONSENT_WINDOW_DAYS (default). */
export const DEFAULT_MAX_OTHER_ADULTS = 2;
export const CONSENT_WINDOW_DAYS = 30;
/** A consent code lives this long, allows this many tries, and is re-sent at most once a minute. */
export const CONSENT_CODE_MINUTES = 15;
export const CONSENT_CODE_ATTEMPTS = 5;
export const CONSENT_RESEND_SECONDS = 60;

/** "+6281234567890" → "+628******7890"; "siti@contoh.id" → "s***@contoh.id". */
export function maskDestination(destination: string): string {
  const at = destination.indexOf('@');
  if (at > 0) return `${destination[0]}***${destination.slice(at)}`;
  return `${destination.slice(0, 4)}${'*'.repeat(Math.max(0, destination.length - 8))}${destination.slice(-4)}`;
}
