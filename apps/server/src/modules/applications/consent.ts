import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { ConsentRequested, ConsentView } from '#shared/contracts/consent.ts';
import { jakartaDate } from '#shared/eligibility.ts';
import type { ApplicationStatus } from '#shared/statuses.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  CONSENT_CODE_ATTEMPTS,
  CONSENT_CODE_MINUTES,
  CONSENT_RESEND_SECONDS,
  CONSENT_WINDOW_DAYS,
  consentNeed,
  maskDestination,
  type ConsentNeed,
} from './consent-rules.ts';
import * as consents from './consent-repository.ts';
import type { ResidentRecord } from '../identity/index.ts';
import type { ApplicationsDeps } from './deps.ts';
import * as repository from './repository.ts';
import { invalidState, mine } from './scans.ts';

/**
 * The NIK holder's consent (issue 15). Booking under someone else's adult NIK is how brokers work: the
 * holder confirms with a code sent to their own verified contact, and without it nothing is booked,
 * queued or waited for. Every refusal is recorded (booking_refusals) and counted (metrics).
 */
const MINUTE = 60_000;

export async function assertConsent(
  deps: ApplicationsDeps,
  accountId: string,
  accountNik: string,
  row: repository.ApplicationRow,
): Promise<void> {
  if (row.applicantNik === accountNik) return;
  if ((await consents.findConsent(deps.db, row.id))?.consentedAt) return;
  if ((await needOf(deps, accountNik, row.applicantNik)) !== 'CONSENT') return;
  await refuse(deps, accountId, row, 'CONSENT_REQUIRED');
  throw new DomainError({
    code: 'CONSENT_REQUIRED',
    detail: {
      id: 'NIK ini milik orang dewasa lain. Minta kode persetujuan: kode dikirim ke kontak pemilik NIK yang terverifikasi, lalu masukkan kode itu.',
      en: 'This NIK belongs to another adult. Ask for a consent code: it goes to the NIK holder’s verified contact; then enter that code.',
    },
  });
}

export async function consentOf(deps: ApplicationsDeps, accountId: string, applicationId: string) {
  const row = await mine(deps, accountId, applicationId);
  const { nik } = await deps.contacts.contactOf(accountId);
  const given = await consents.findConsent(deps.db, row.id);
  const needed = await needOf(deps, nik, row.applicantNik);
  return { needed, consentedAt: given?.consentedAt?.toISOString() ?? null } satisfies ConsentView;
}

/** Sends a code to the holder's own verified contact: their account's e-mail, else the registry's phone. */
export async function requestConsent(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
): Promise<ConsentRequested> {
  const row = await mine(deps, accountId, applicationId);
  if (row.status !== 'DRAFT') throw invalidState(row.status as ApplicationStatus, 'submit');
  const requester = await deps.contacts.contactOf(accountId);
  const given = await consents.findConsent(deps.db, row.id);
  const check = given?.consentedAt ? null : await registryCheck(deps, requester.nik, row.applicantNik);
  if (check?.need !== 'CONSENT') throw notNeeded();
  const now = deps.clock.now();
  const wait = given ? CONSENT_RESEND_SECONDS - (now.getTime() - given.requestedAt.getTime()) / 1000 : 0;
  if (wait > 0) throw tooSoon(Math.ceil(wait));
  await assertUnderCap(deps, accountId, row, now);
  const to = await holderContact(deps, row.applicantNik, check.applicant);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CONSENT_CODE_MINUTES * MINUTE);
  await deps.db.transaction(async (tx) => {
    await consents.saveCode(tx, {
      applicationId: row.id,
      accountId,
      holderNik: row.applicantNik,
      channel: to.channel,
      destination: to.address,
      codeHash: hashCode(deps.consent.key, row.id, code),
      codeExpiresAt: expiresAt,
      requestedAt: now,
    });
    await deps.notifications.enqueue(tx, {
      channel: to.channel,
      to: to.address,
      template: 'consent.code',
      language: to.language,
      variables: {
        requesterName: requester.fullName,
        applicationNumber: row.number,
        code,
        validMinutes: CONSENT_CODE_MINUTES,
      },
    });
  });
  return {
    channel: to.channel,
    destination: maskDestination(to.address),
    expiresAt: expiresAt.toISOString(),
  };
}

export async function confirmConsent(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
  code: string,
): Promise<ConsentView> {
  const row = await mine(deps, accountId, applicationId);
  const given = await consents.findConsent(deps.db, row.id);
  const now = deps.clock.now();
  if (!given?.consentedAt) {
    if (!given || given.codeExpiresAt <= now || given.attempts >= CONSENT_CODE_ATTEMPTS)
      throw codeInvalid(true);
    if (!sameCode(given.codeHash, hashCode(deps.consent.key, row.id, code))) {
      await consents.countAttempt(deps.db, row.id, given.attempts + 1);
      throw codeInvalid(given.attempts + 1 >= CONSENT_CODE_ATTEMPTS);
    }
    await deps.db.transaction(async (tx) => {
      await consents.markConsented(tx, row.id, now);
      const note = 'Pemilik NIK menyetujui permohonan ini';
      await repository.insertHistory(tx, row.id, row.status as ApplicationStatus, now, 'NIK_HOLDER', note);
    });
  }
  return consentOf(deps, accountId, applicationId);
}

async function needOf(
  deps: ApplicationsDeps,
  accountNik: string,
  applicantNik: string,
): Promise<ConsentNeed> {
  return (await registryCheck(deps, accountNik, applicantNik)).need;
}

/** Whose consent is needed, and the applicant's registry record (where a consent code would go). */
async function registryCheck(
  deps: ApplicationsDeps,
  accountNik: string,
  applicantNik: string,
): Promise<{ need: ConsentNeed; applicant: ResidentRecord | null }> {
  if (accountNik === applicantNik) return { need: 'OWN', applicant: null };
  const [account, applicant] = await Promise.all([
    deps.identity.residentRecord(accountNik),
    deps.identity.residentRecord(applicantNik),
  ]);
  const today = jakartaDate(deps.clock.now());
  return { need: consentNeed({ accountNik, applicantNik, account, applicant, today }), applicant };
}

async function assertUnderCap(
  deps: ApplicationsDeps,
  accountId: string,
  row: repository.ApplicationRow,
  now: Date,
) {
  const since = new Date(now.getTime() - CONSENT_WINDOW_DAYS * 24 * 60 * MINUTE);
  const others = await consents.consentedNiksSince(deps.db, accountId, since, row.applicantNik);
  if (others < deps.consent.maxOtherAdults) return;
  await refuse(deps, accountId, row, 'CONSENT_LIMIT');
  const max = deps.consent.maxOtherAdults;
  throw new DomainError({
    code: 'CONSENT_LIMIT',
    detail: {
      id: `Satu akun dapat mengajukan untuk paling banyak ${max} orang dewasa lain dalam ${CONSENT_WINDOW_DAYS} hari. Orang tersebut dapat mengajukan dari akunnya sendiri.`,
      en: `One account may apply for at most ${max} other adults within ${CONSENT_WINDOW_DAYS} days. That person can apply from their own account.`,
    },
    headers: { 'Retry-After': String(24 * 60 * 60) },
  });
}

async function holderContact(deps: ApplicationsDeps, nik: string, record: ResidentRecord | null) {
  const account = await deps.contacts.contactOfNik(nik);
  if (account) return { channel: 'EMAIL' as const, address: account.email, language: account.language };
  if (record?.phone && deps.smsEnabled)
    return { channel: 'SMS' as const, address: record.phone, language: 'id' as const };
  if (record?.email) return { channel: 'EMAIL' as const, address: record.email, language: 'id' as const };
  throw new DomainError({
    code: 'CONSENT_UNDELIVERABLE',
    detail: {
      id: 'Pemilik NIK belum punya akun M-Paspor dan kontak terverifikasi di Dukcapil. Minta ia mendaftar di M-Paspor dan mengajukan sendiri.',
      en: 'The NIK holder has no M-Paspor account and no contact verified by Dukcapil. Ask them to register with M-Paspor and apply themselves.',
    },
  });
}

/** Records a booking refused against brokers (audit) and counts it (metrics). */
export async function refuse(
  deps: ApplicationsDeps,
  accountId: string,
  row: repository.ApplicationRow,
  reason: string,
) {
  deps.refusals.count(reason);
  await consents.recordRefusal(deps.db, {
    at: deps.clock.now(),
    accountId,
    applicationId: row.id,
    applicantNik: row.applicantNik,
    reason,
  });
}

const hashCode = (key: string, applicationId: string, code: string) =>
  createHmac('sha256', key).update(`consent:${applicationId}:${code}`).digest('base64url');

function sameCode(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function notNeeded() {
  return new DomainError({
    code: 'CONSENT_NOT_NEEDED',
    detail: {
      id: 'Permohonan ini tidak memerlukan (atau sudah mendapat) persetujuan pemilik NIK.',
      en: 'This application needs no (or already has the) NIK holder’s consent.',
    },
  });
}

function tooSoon(seconds: number) {
  return new DomainError({
    code: 'RATE_LIMITED',
    detail: {
      id: `Kode baru saja dikirim. Coba lagi dalam ${seconds} detik.`,
      en: `A code was just sent. Try again in ${seconds} seconds.`,
    },
    headers: { 'Retry-After': String(seconds) },
  });
}

function codeInvalid(askAgain: boolean) {
  return new DomainError({
    code: 'CONSENT_CODE_INVALID',
    detail: askAgain
      ? {
          id: 'Kode ini tidak berlaku lagi. Minta kode baru untuk pemilik NIK.',
          en: 'This code is no longer valid. Ask for a new code for the NIK holder.',
        }
      : { id: 'Kode salah. Periksa kembali 6 angkanya.', en: 'Wrong code. Check its 6 digits.' },
  });
}
