import type { Readable } from 'node:stream';
import { passportProducts } from '#shared/contracts/fees.ts';
import { DomainError } from '../../platform/errors.ts';
import { whileRunning } from '../../platform/jobs.ts';
import { photoFault, type PhotoFault } from './photo-rules.ts';
import { addDays, localDate, type OfficeZone } from '../scheduling/index.ts';
import {
  nikToPersonalNumber,
  passportExpiryDate,
  splitIndonesianName,
  td3Mrz,
} from '../travel-documents/index.ts';
import type { ApplicationsDeps } from './deps.ts';
import { tellDecision, tellReady } from './office-messages.ts';
import { readyDateFor } from './ready-date.ts';
import * as repository from './repository.ts';
import { move, officeStep, reasonRequired, type OfficeActor, type Within } from './visit.ts';
import * as visits from './visit-repository.ts';

/** A passport not collected within 30 days of its ready date is cancelled (DOMAIN.md "Pick-up"). */
export const PICK_UP_DAYS = 30;
export const PHOTO_KIND = 'BIOMETRIC_PHOTO';

export interface IssuedPassport {
  readonly number: string;
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly mrz: [string, string];
}

/** The photo is streamed to the blob store first; the record is written in the step's transaction. */
export async function recordPhoto(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  upload: { body: Readable; declaredLength?: number },
  within: Within,
): Promise<void> {
  const blob = await deps.documents.writeBlob(upload.body, { declaredLength: upload.declaredLength });
  if (blob.contentType === 'application/pdf') {
    await deps.documents.deleteBlob(blob.storageKey);
    throw new DomainError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: { id: 'Foto harus berupa JPEG atau PNG.', en: 'The photo must be a JPEG or PNG image.' },
    });
  }
  const fault = photoFault(blob.dimensions);
  if (fault) {
    await deps.documents.deleteBlob(blob.storageKey);
    throw notAPortrait(fault, blob.dimensions);
  }
  let replaced: string | null = null;
  try {
    await officeStep(deps, id, actor, 'VERIFIED', within, async (context) => {
      ({ replacedStorageKey: replaced } = await deps.documents.recordScan(
        context.tx,
        id,
        PHOTO_KIND,
        blob,
        context.now,
      ));
      const photo = { contentType: blob.contentType, size: blob.size, at: context.now.toISOString() };
      await visits.updateVisit(context.tx, id, { photo }, context.now);
    });
  } catch (error) {
    await deps.documents.deleteBlob(blob.storageKey);
    throw error;
  }
  if (replaced) await deps.documents.deleteBlob(replaced);
}

export function interview(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  input: { notes: string; recommendation: 'APPROVE' | 'REJECT' },
  within: Within,
) {
  return officeStep(deps, id, actor, 'VERIFIED', within, async (context) => {
    const visit = await visits.findVisit(context.tx, id);
    if (!visit?.photo || !visit.fingerprintsAt) throw biometricsIncomplete();
    const closed = await deps.scheduling.closedDays(
      context.appointment.officeCode,
      context.today,
      addDays(context.today, 60),
      context.tx,
    );
    const readyDate = readyDateFor(context.today, context.row.service as 'REGULAR' | 'EXPRESS', closed);
    const record = { ...input, at: context.now.toISOString(), by: actor.username };
    await visits.updateVisit(context.tx, id, { interview: record }, context.now);
    await visits.setOutcome(context.tx, id, { readyDate });
    await move(context, 'VERIFIED', 'INTERVIEWED', `Siap diambil ${readyDate}`);
  });
}

export function adjudicate(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  input: { decision: 'APPROVE' | 'REJECT'; reason?: string | undefined },
  within: Within,
  fourEyes: boolean,
) {
  return officeStep(deps, id, actor, 'INTERVIEWED', within, async (context) => {
    if (input.decision === 'REJECT' && !input.reason) throw reasonRequired();
    const interviewer = ((await visits.findVisit(context.tx, id))?.interview as { by?: string } | null)?.by;
    if (fourEyes && interviewer === actor.username) throw fourEyesRequired();
    const record = {
      decision: input.decision,
      reason: input.reason ?? null,
      at: context.now.toISOString(),
      by: actor.username,
    };
    await visits.updateVisit(context.tx, id, { adjudication: record }, context.now);
    if (input.decision === 'APPROVE') return move(context, 'INTERVIEWED', 'APPROVED');
    await move(context, 'INTERVIEWED', 'REJECTED', input.reason);
    await tellDecision(deps, context.tx, context.row, { kind: 'REJECTED', reason: input.reason ?? '' });
  });
}

/** Prints the passport: number, validity, ICAO 9303 TD3 MRZ; registered, the old one replaced. */
export async function issuePassport(deps: ApplicationsDeps, id: string, actor: OfficeActor, within: Within) {
  // The receipt for the ready e-mail: read before the step's transaction (a paid billing never changes).
  const billing = (await deps.billing.billingsOf([id])).get(id);
  return officeStep(deps, id, actor, 'APPROVED', within, async (context): Promise<IssuedPassport> => {
    const { row, tx, today } = context;
    const product = passportProducts.find((p) => p.code === row.product);
    if (!product) throw new Error(`unknown product ${row.product}`);
    const number = await deps.travelDocuments.issueNumber(tx, product.kind);
    const expiryDate = passportExpiryDate({
      issueDate: today,
      dateOfBirth: row.applicantDateOfBirth,
      validityYears: product.validityYears,
      married: row.applicantMarried,
      dualCitizenship: row.applicantDualCitizenship,
    });
    const name = splitIndonesianName(row.applicantFullName);
    const mrz = td3Mrz({
      issuingState: 'IDN',
      nationality: 'IDN',
      surname: name.surname,
      givenNames: name.givenNames,
      passportNumber: number,
      dateOfBirth: row.applicantDateOfBirth,
      sex: row.applicantSex as 'M' | 'F',
      expiryDate,
      personalNumber: nikToPersonalNumber(row.applicantNik),
    });
    await deps.travelDocuments.register(tx, {
      number,
      type: product.kind,
      issueDate: today,
      expiryDate,
      issuingOfficeCode: actor.officeCode,
      holderNik: row.applicantNik,
      holderName: row.applicantFullName,
    });
    const previous = (row.previousPassport as { number?: string } | null)?.number;
    if (previous) await deps.travelDocuments.markReplacedIfOpen(tx, previous, number);
    const passport: IssuedPassport = { number, issueDate: today, expiryDate, mrz };
    await visits.setOutcome(tx, id, { passport });
    await move(context, 'APPROVED', 'READY', `Paspor ${number}`);
    const readyDate = row.readyDate ?? today;
    await tellReady(
      deps,
      tx,
      row,
      {
        readyDate,
        pickUpBy: addDays(readyDate, PICK_UP_DAYS),
        officeName: context.appointment.officeName,
      },
      { billing, appointment: context.appointment },
    );
    return passport;
  });
}

export function handOver(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  nikLastDigits: string | undefined,
  within: Within,
) {
  return officeStep(deps, id, actor, 'READY', within, async (context) => {
    if (!nikLastDigits || !context.row.applicantNik.endsWith(nikLastDigits)) throw identityUnconfirmed();
    await visits.updateVisit(context.tx, id, { handedOverAt: context.now }, context.now);
    await move(context, 'READY', 'COLLECTED', `KTP dicocokkan: NIK berakhiran ${nikLastDigits}`);
  });
}

function fourEyesRequired(): DomainError {
  return new DomainError({
    code: 'FOUR_EYES',
    detail: {
      id: 'Anda mewawancarai pemohon ini: adjudikasi dilakukan pejabat lain (prinsip empat mata kantor ini).',
      en: 'You interviewed this applicant: another officer adjudicates (this office’s four-eyes rule).',
    },
  });
}

function identityUnconfirmed(): DomainError {
  return new DomainError({
    code: 'HANDOVER_IDENTITY_UNCONFIRMED',
    detail: {
      id: 'Paspor hanya diserahkan kepada pemiliknya: cocokkan KTP yang ditunjukkan dan ketik 4 angka terakhir NIK-nya.',
      en: 'The passport goes only to its holder: compare the KTP shown and type the last 4 digits of its NIK.',
    },
  });
}

/**
 * Worker: passports not collected within 30 days of their ready date are cancelled in the registry and
 * the application closed, with a message; CHECKED_IN applications whose missing documents were not
 * brought within 7 days are refused. Row locks and status checks make it safe in every instance.
 */
export async function closeOverdueVisits(
  deps: ApplicationsDeps,
  signal?: AbortSignal,
  limit = 100,
): Promise<number> {
  const now = deps.clock.now();
  // The earliest zone (WIT) is ahead of the others: no office's day starts before it.
  const latestToday = localDate(now, 'Asia/Jayapura');
  const candidates = await visits.readyBefore(deps.db, addDays(latestToday, -PICK_UP_DAYS), limit);
  const overdueDocuments = await visits.documentsOverdue(deps.db, latestToday, limit);
  let closed = 0;
  for (const row of whileRunning(candidates, signal)) if (await cancelUncollected(deps, row.id)) closed++;
  for (const id of whileRunning(overdueDocuments, signal)) if (await refuseIncomplete(deps, id)) closed++;
  return closed;
}

async function cancelUncollected(deps: ApplicationsDeps, id: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const row = await visits.lockById(tx, id);
    const appointment = (await deps.scheduling.appointmentsOf([id], tx)).get(id);
    if (!row || row.status !== 'READY' || !row.readyDate || !appointment) return false;
    const today = localDate(deps.clock.now(), appointment.timeZone as OfficeZone);
    if (addDays(row.readyDate, PICK_UP_DAYS) >= today) return false;
    const passport = row.passport as { number: string } | null;
    if (passport) await deps.travelDocuments.cancel(tx, passport.number);
    await repository.transition(tx, {
      id,
      from: ['READY'],
      to: 'CANCELLED',
      at: deps.clock.now(),
      actor: 'SYSTEM',
      note: `Paspor tidak diambil dalam ${PICK_UP_DAYS} hari`,
    });
    await tellDecision(deps, tx, row, { kind: 'UNCOLLECTED' });
    return true;
  });
}

async function refuseIncomplete(deps: ApplicationsDeps, id: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const row = await visits.lockById(tx, id);
    if (!row || row.status !== 'CHECKED_IN') return false;
    const reason = 'Dokumen yang kurang tidak dilengkapi dalam 7 hari';
    const moved = await repository.transition(tx, {
      id,
      from: ['CHECKED_IN'],
      to: 'REJECTED',
      at: deps.clock.now(),
      actor: 'SYSTEM',
      note: reason,
    });
    if (moved) await tellDecision(deps, tx, row, { kind: 'REJECTED', reason });
    return moved !== undefined;
  });
}

const photoFaults = {
  NOT_AN_IMAGE: { id: 'ukuran gambar tidak terbaca', en: 'the image size cannot be read' },
  NOT_PORTRAIT: {
    id: 'bukan potret tegak 3:4 (seperti pindaian dokumen atau bingkai kamera mendatar)',
    en: 'not an upright 3:4 portrait (like a document scan or a landscape camera frame)',
  },
  TOO_SMALL: {
    id: 'terlalu kecil (sisi pendek minimal 300 piksel)',
    en: 'too small (short side at least 300 px)',
  },
  TOO_LARGE: {
    id: 'terlalu besar (sisi panjang maksimal 4000 piksel)',
    en: 'too large (long side at most 4000 px)',
  },
} as const;

function notAPortrait(fault: PhotoFault, size: { width: number; height: number } | undefined): DomainError {
  const pixels = size ? ` (${size.width} × ${size.height})` : '';
  return new DomainError({
    code: 'PHOTO_NOT_PORTRAIT',
    detail: {
      id: `Foto biometrik ${photoFaults[fault].id}${pixels}. Ambil foto wajah tegak 3:4.`,
      en: `The biometric photo is ${photoFaults[fault].en}${pixels}. Take an upright 3:4 face photo.`,
    },
  });
}

function biometricsIncomplete(): DomainError {
  return new DomainError({
    code: 'BIOMETRICS_INCOMPLETE',
    detail: {
      id: 'Ambil foto dan sidik jari pemohon sebelum mencatat wawancara.',
      en: "Take the applicant's photo and fingerprints before recording the interview.",
    },
  });
}
