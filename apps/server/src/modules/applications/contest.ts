import type { ContestDecisionInput, ContestInput, ContestState } from '#shared/contracts/contests.ts';
import type { Readable } from 'node:stream';
import type { Database } from '../../db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { addDays, addWorkingDays, localDate, type OfficeZone } from '../scheduling/index.ts';
import { contestRule, mayDecideContest, rejectionIn, type Rejection } from './contest-rules.ts';
import * as contests from './contest-repository.ts';
import { activeApplicationExists, asHeldNik } from './create.ts';
import type { ApplicationsDeps } from './deps.ts';
import * as losses from './loss-repository.ts';
import { tellDecision } from './office-messages.ts';
import * as repository from './repository.ts';
import { mine, notFound } from './scans.ts';
import { officeStep, type OfficeActor, type Within } from './visit.ts';
import * as visits from './visit-repository.ts';

export const CONTEST_EVIDENCE = 'CONTEST_EVIDENCE';

/**
 * A rejection contested once (keberatan, issue 16; contest-rules.ts has the law): the applicant uploads
 * a new document and files a reason within 21 working days; an adjudicator of the office other than
 * the officer who rejected upholds it (final) or overturns it, reopening the step it was rejected at.
 */
export async function contestState(deps: ApplicationsDeps, id: string, db: Database = deps.db) {
  const row = await repository.findById(db, id);
  if (!row) throw notFound();
  const [history, contest, scans] = await Promise.all([
    repository.historyOf(db, [id]),
    contests.findContest(db, id),
    deps.documents.listScans(id),
  ]);
  const rejection = row.status === 'REJECTED' || contest ? rejectionIn(history) : null;
  const evidence = scans.find((s) => s.kind === CONTEST_EVIDENCE) ?? null;
  const days = rejection ? await deadlines(deps, id, rejection, contest?.filedAt ?? null) : null;
  const loss = await losses.findLossReport(db, id);
  const lossDecided = loss?.decision === 'REFUSE' || loss?.decision === 'DEFER';
  const state: ContestState = {
    canFile:
      row.status === 'REJECTED' &&
      !contest &&
      !lossDecided &&
      rejection !== null &&
      days!.today <= days!.fileBy,
    fileBy: lossDecided ? null : (days?.fileBy ?? null),
    evidence: evidence && {
      contentType: evidence.contentType,
      size: evidence.size,
      uploadedAt: evidence.uploadedAt.toISOString(),
    },
    contest: contest
      ? {
          status:
            contest.decision === null ? 'PENDING' : contest.decision === 'UPHOLD' ? 'UPHELD' : 'OVERTURNED',
          reason: contest.reason,
          filedAt: contest.filedAt.toISOString(),
          rejectedFrom: contest.rejectedFrom as 'CHECKED_IN' | 'VERIFIED' | 'INTERVIEWED',
          decideBy: days!.decideBy!,
          decision:
            contest.decidedAt && contest.decidedBy
              ? {
                  reason: contest.decisionReason ?? '',
                  decidedBy: contest.decidedBy,
                  at: contest.decidedAt.toISOString(),
                }
              : null,
        }
      : null,
  };
  return { row, rejection, state };
}

/** The window in the office's working days (its closures and national holidays skipped). */
async function deadlines(deps: ApplicationsDeps, id: string, rejection: Rejection, filedAt: Date | null) {
  const appointment = (await deps.scheduling.appointmentsOf([id])).get(id);
  if (!appointment) throw notFound();
  const zone = appointment.timeZone as OfficeZone;
  const rejectedOn = localDate(rejection.at, zone);
  const filedOn = filedAt ? localDate(filedAt, zone) : null;
  const closed = await deps.scheduling.closedDays(
    appointment.officeCode,
    rejectedOn,
    addDays(filedOn ?? rejectedOn, 80),
  );
  return {
    today: localDate(deps.clock.now(), zone),
    fileBy: addWorkingDays(rejectedOn, contestRule.fileWithinWorkingDays, closed),
    decideBy: filedOn ? addWorkingDays(filedOn, contestRule.decideWithinWorkingDays, closed) : null,
  };
}

async function fileable(deps: ApplicationsDeps, accountId: string, id: string) {
  await mine(deps, accountId, id);
  const found = await contestState(deps, id);
  if (!found.state.canFile) throw contestNotAllowed(found.state);
  return found;
}

export async function uploadContestEvidence(
  deps: ApplicationsDeps,
  accountId: string,
  id: string,
  upload: { body: Readable; declaredLength?: number },
): Promise<ContestState> {
  await fileable(deps, accountId, id);
  const blob = await deps.documents.writeBlob(upload.body, { declaredLength: upload.declaredLength });
  let replaced: string | null;
  try {
    replaced = await deps.db.transaction(async (tx) => {
      const row = await repository.lockForAccount(tx, id, accountId);
      if (!row || row.status !== 'REJECTED' || (await contests.findContest(tx, id)))
        throw contestNotAllowed(null);
      const now = deps.clock.now();
      return (await deps.documents.recordScan(tx, id, CONTEST_EVIDENCE, blob, now)).replacedStorageKey;
    });
  } catch (error) {
    await deps.documents.deleteBlob(blob.storageKey);
    throw error;
  }
  if (replaced) await deps.documents.deleteBlob(replaced);
  return (await contestState(deps, id)).state;
}

export async function fileContest(
  deps: ApplicationsDeps,
  accountId: string,
  id: string,
  input: ContestInput,
): Promise<ContestState> {
  const { rejection, state } = await fileable(deps, accountId, id);
  if (!state.evidence) throw evidenceRequired();
  await deps.db.transaction(async (tx) => {
    const row = await repository.lockForAccount(tx, id, accountId);
    if (!row || row.status !== 'REJECTED') throw contestNotAllowed(null);
    const now = deps.clock.now();
    const filed = await contests.insertContest(tx, {
      applicationId: id,
      reason: input.reason,
      rejectedFrom: rejection!.from,
      rejectedBy: rejection!.by,
      filedAt: now,
    });
    if (!filed) throw contestNotAllowed(null);
    await repository.insertHistory(
      tx,
      id,
      'REJECTED',
      now,
      'APPLICANT',
      `Keberatan diajukan: ${input.reason}`,
    );
  });
  return (await contestState(deps, id)).state;
}

export function decideContest(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  input: ContestDecisionInput,
  within: Within,
): Promise<void> {
  return officeStep(deps, id, actor, 'REJECTED', within, async (context) => {
    const contest = await contests.findContest(context.tx, id);
    if (!contest || contest.decision) throw noPendingContest();
    if (!mayDecideContest(actor.username, contest.rejectedBy)) throw ownRejection();
    await contests.saveContestDecision(context.tx, id, {
      decision: input.decision,
      decisionReason: input.reason,
      decidedBy: actor.username,
      decidedAt: context.now,
    });
    if (input.decision === 'UPHOLD') {
      const note = `Keberatan ditolak, penolakan tetap: ${input.reason}`;
      await repository.insertHistory(context.tx, id, 'REJECTED', context.now, context.actor, note);
      return tellDecision(deps, context.tx, context.row, { kind: 'CONTEST_UPHELD', reason: input.reason });
    }
    const reopened = await repository
      .transition(context.tx, {
        id,
        from: ['REJECTED'],
        to: contest.rejectedFrom as 'CHECKED_IN' | 'VERIFIED' | 'INTERVIEWED',
        at: context.now,
        actor: context.actor,
        note: `Keberatan diterima, permohonan dibuka kembali: ${input.reason}`,
      })
      .catch((error: unknown) => {
        throw asHeldNik(error);
      });
    if (!reopened) throw activeApplicationExists();
    // The missing-documents deadline of the first verification no longer runs.
    await visits.updateVisit(context.tx, id, { documentsDueBy: null }, context.now);
    await tellDecision(deps, context.tx, context.row, { kind: 'CONTEST_OVERTURNED', reason: input.reason });
  });
}

function contestNotAllowed(state: ContestState | null): DomainError {
  const closed = state?.contest
    ? {
        id: 'Keberatan atas permohonan ini sudah diajukan (hanya sekali).',
        en: 'This application was already contested (once only).',
      }
    : state?.fileBy === null && state
      ? {
          id: 'Keputusan kepala kantor atas paspor hilang/rusak tidak diajukan keberatan melalui aplikasi.',
          en: 'The head of office’s decision on a lost or damaged passport is not contested through the app.',
        }
      : state?.fileBy
        ? {
            id: `Batas pengajuan keberatan adalah ${state.fileBy}.`,
            en: `Objections were due by ${state.fileBy}.`,
          }
        : {
            id: 'Hanya permohonan yang ditolak yang dapat diajukan keberatan.',
            en: 'Only a rejected application can be contested.',
          };
  return new DomainError({ code: 'CONTEST_NOT_ALLOWED', detail: closed });
}

function evidenceRequired(): DomainError {
  return new DomainError({ code: 'CONTEST_EVIDENCE_REQUIRED' });
}
function noPendingContest(): DomainError {
  return new DomainError({ code: 'NO_PENDING_CONTEST' });
}
function ownRejection(): DomainError {
  return new DomainError({ code: 'CONTEST_OWN_REJECTION' });
}
