import type { Readable } from 'node:stream';
import type { WalkInCreate, WalkInLaneCode, WalkInSlip } from '#shared/contracts/walk-ins.ts';
import { jakartaDate } from '#shared/eligibility.ts';
import type { ApplicationStatus } from '#shared/statuses.ts';
import type { Database } from '../../db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { maskNik } from './arrival-pass.ts';
import { createApplication, asHeldNik } from './create.ts';
import type { ApplicationsDeps, DocumentScan } from './deps.ts';
import { blockReportedPassports } from './registry-facts.ts';
import { settleFree } from './seat-claims.ts';
import * as repository from './repository.ts';
import { checkForm } from './rules.ts';
import { invalidState, notFound, uploadScan } from './scans.ts';
import { assertComplete, billFor } from './submit.ts';
import type { OfficeActor, Within } from './visit.ts';
import { checkWalkIn } from './walk-in-rules.ts';
import { findWalkIn, insertWalkIn } from './walk-in-repository.ts';

/**
 * The counter (issue 16): an officer files an application for the person in front of them. The
 * person's NIK and biodata are checked with Dukcapil as online; the account it is filed under is
 * theirs, or the relative's whose e-mail they give, or one made for them (accounts/counter-account.ts);
 * the scans are taken at the desk under the same upload rules; the submit takes a seat of today's
 * walk-in lane instead of a session, and the billing code follows the same 2-hour rule. From there it
 * is an ordinary application: the same visit steps, messages and jobs.
 */
export async function createWalkIn(
  deps: ApplicationsDeps,
  actor: OfficeActor,
  input: WalkInCreate,
  within: (tx: Database, applicationId: string) => Promise<void>,
): Promise<repository.ApplicationRow> {
  const now = deps.clock.now();
  const today = jakartaDate(now);
  checkForm(input.application, today);
  checkWalkIn(input, input.application, today);
  const { married: _married, nik, ...biodata } = input.application.applicant;
  // Before any account is made for the person: an unknown NIK or differing biodata stops here.
  await deps.identity.verifyIdentity(nik.trim(), biodata);
  const { accountId } = await deps.contacts.accountAtCounter({
    nik: nik.trim(),
    ...biodata,
    email: input.contact.email,
    phone: input.contact.phone,
    language: input.contact.language,
  });
  return createApplication(deps, accountId, input.application, {
    actor: `OFFICER:${actor.username}`,
    identityVerified: true,
    within: async (tx, row) => {
      await insertWalkIn(tx, {
        applicationId: row.id,
        officeCode: actor.officeCode,
        lane: input.lane,
        priorityGroup: input.priorityGroup ?? null,
        reason: input.reason,
        officerUsername: actor.username,
        createdAt: now,
      });
      await within(tx, row.id);
    },
  });
}

/** A scan taken at the desk, for a walk-in of the officer's office still in DRAFT. */
export async function uploadWalkInScan(
  deps: ApplicationsDeps,
  actor: OfficeActor,
  applicationId: string,
  kind: string,
  upload: { body: Readable; declaredLength?: number },
): Promise<DocumentScan> {
  const { row } = await walkInOf(deps, actor, applicationId);
  return uploadScan(deps, row.accountId, applicationId, kind, upload);
}

/** Books today's lane seat and bills it: the slip the officer prints. */
export async function submitWalkIn(
  deps: ApplicationsDeps,
  actor: OfficeActor,
  applicationId: string,
  within: Within,
): Promise<WalkInSlip> {
  const { row, walkIn } = await walkInOf(deps, actor, applicationId);
  if (row.status !== 'DRAFT') throw invalidState(row.status as ApplicationStatus, 'submit');
  assertComplete(row, await deps.documents.listScans(row.id));
  const lane = walkIn.lane as WalkInLaneCode;
  const appointment = await deps.scheduling.walkIn.plan(actor.officeCode, lane);
  const contact = await deps.contacts.contactOf(row.accountId);
  const { billing, messages } = await billFor(deps, contact, row, appointment, actor.officeCode);
  await deps.db
    .transaction(async (tx) => {
      const locked = await repository.lockForAccount(tx, applicationId, row.accountId);
      if (!locked) throw notFound();
      if (locked.status !== 'DRAFT') throw invalidState(locked.status as ApplicationStatus, 'submit');
      if (!(await deps.scheduling.walkIn.claimSeat(tx, appointment, applicationId))) throw quotaFull(lane);
      await repository.transition(tx, {
        id: applicationId,
        from: ['DRAFT'],
        to: 'AWAITING_PAYMENT',
        at: deps.clock.now(),
        actor: `OFFICER:${actor.username}`,
        note: `Layanan langsung di loket (${laneNotes[lane]})`,
      });
      await blockReportedPassports(deps, tx, [locked]);
      if (billing) await deps.billing.record(tx, { applicationId, ...billing });
      else await settleFree(tx, deps.clock.now(), [applicationId]);
      await deps.notifications.enqueueMany(tx, messages);
      await within(tx);
    })
    .catch((error: unknown) => {
      throw asHeldNik(error);
    });
  return {
    applicationId,
    number: row.number,
    lane,
    officeName: appointment.officeName,
    date: appointment.date,
    timeZone: appointment.timeZone,
    holder: {
      fullName: row.applicantFullName,
      nik: maskNik(row.applicantNik),
    },
    billing: billing && {
      code: billing.code,
      amount: billing.amount,
      expiresAt: billing.expiresAt.toISOString(),
    },
  };
}

const laneNotes: Record<WalkInLaneCode, string> = {
  PRIORITY: 'jalur prioritas',
  LOST_DAMAGED: 'jalur paspor hilang/rusak',
  APP_OUTAGE: 'aplikasi tidak dapat digunakan',
};

/** A walk-in is found by the office that made it: another office's officer gets 404. */
async function walkInOf(deps: ApplicationsDeps, actor: OfficeActor, applicationId: string) {
  const walkIn = await findWalkIn(deps.db, applicationId);
  const row = walkIn ? await repository.findById(deps.db, applicationId) : undefined;
  if (!walkIn || !row || walkIn.officeCode !== actor.officeCode) throw notFound();
  return { row, walkIn };
}

function quotaFull(lane: WalkInLaneCode): DomainError {
  return new DomainError({
    code: 'WALK_IN_QUOTA_FULL',
    detail: {
      id: `Kuota layanan langsung ${laneNotes[lane]} hari ini sudah habis. Pemohon dapat mendaftar melalui aplikasi M-Paspor atau datang pada hari kerja berikutnya.`,
      en: `Today's walk-in quota of this lane is used up. The applicant can book through the M-Paspor app or come on the next working day.`,
    },
  });
}

/** The counter as the officer module drives it (it checks roles and writes the audit). */
export function createCounter(deps: ApplicationsDeps) {
  return {
    create: (actor: OfficeActor, input: WalkInCreate, within: (tx: Database, id: string) => Promise<void>) =>
      createWalkIn(deps, actor, input, within),
    upload: (
      actor: OfficeActor,
      id: string,
      kind: string,
      upload: { body: Readable; declaredLength?: number },
    ) => uploadWalkInScan(deps, actor, id, kind, upload),
    submit: (actor: OfficeActor, id: string, within: Within) => submitWalkIn(deps, actor, id, within),
  };
}
export type Counter = ReturnType<typeof createCounter>;
