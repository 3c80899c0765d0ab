import type { ReplacementReason } from '#shared/document-requirements.ts';
import type { LossDecisionInput, LossReportInput, LossReportView } from '#shared/contracts/losses.ts';
import type { SpecialRescheduleInput } from '#shared/contracts/corrections.ts';
import type { ContestDecisionInput } from '#shared/contracts/contests.ts';
import { jakartaDate } from '#shared/eligibility.ts';
import type { Database } from '../../db/database.ts';
import type { OtherBillingOutcome } from '../billing/index.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ApplicationsDeps } from './deps.ts';
import { contestState, decideContest } from './contest.ts';
import { checkDeferral, fineDue, lossKindOf } from './loss-rules.ts';
import * as losses from './loss-repository.ts';
import { satkerOf } from './messages.ts';
import { tellDecision } from './office-messages.ts';
import { specialReschedule } from './office-reschedule.ts';
import * as repository from './repository.ts';
import { notFound } from './scans.ts';
import { move, officeStep, type OfficeActor, type Within } from './visit.ts';

/**
 * A lost or damaged passport at the visit (issue 16; loss-rules.ts has the law): after check-in an
 * officer records the examination report (BAP); the head of office decides; a decision to issue bills
 * the fine, unless force majeure; the documents are accepted only once that is settled.
 */
export function recordLossReport(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  input: LossReportInput,
  within: Within,
) {
  return officeStep(deps, id, actor, 'CHECKED_IN', within, async (context) => {
    const kind = lossKindOf(context.row.replacementReason);
    if (!kind) throw notALoss();
    if ((await losses.findLossReport(context.tx, id))?.decision) throw alreadyDecided();
    await losses.saveLossReport(context.tx, {
      applicationId: id,
      kind,
      circumstances: input.circumstances,
      occurredOn: input.occurredOn ?? null,
      place: input.place ?? null,
      policeReportNumber: input.policeReportNumber ?? null,
      forceMajeureClaimed: input.forceMajeureClaimed,
      recordedBy: actor.username,
      recordedAt: context.now,
    });
    await repository.insertHistory(context.tx, id, 'CHECKED_IN', context.now, context.actor, 'BAP dicatat');
  });
}

export async function decideLoss(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  input: LossDecisionInput,
  within: Within,
) {
  const row = await repository.findById(deps.db, id);
  if (!row) throw notFound();
  const reason = row.replacementReason as ReplacementReason | null;
  const fine = input.decision === 'ISSUE' ? fineDue(reason, input.forceMajeureConfirmed === true) : null;
  // SIMPONI is asked before the transaction: no lock waits on it. Unused if the step then refuses.
  const billing = fine ? await fineBilling(deps, row, fine, actor.officeCode) : null;
  const earlierLosses = input.decision === 'DEFER' ? await countEarlierLosses(deps, row) : 0;
  return officeStep(deps, id, actor, 'CHECKED_IN', within, async (context) => {
    const report = await losses.findLossReport(context.tx, id);
    if (!report) throw reportRequired();
    if (report.decision) throw alreadyDecided();
    const decided = {
      decision: input.decision,
      decisionReason: input.reason,
      decidedBy: actor.username,
      decidedAt: context.now,
      forceMajeureConfirmed: input.forceMajeureConfirmed ?? false,
    };
    if (input.decision === 'REFUSE') {
      await losses.saveDecision(context.tx, id, decided);
      await move(context, 'CHECKED_IN', 'REJECTED', `Penggantian ditolak kepala kantor: ${input.reason}`);
      return tellDecision(deps, context.tx, context.row, { kind: 'REJECTED', reason: input.reason });
    }
    if (input.decision === 'DEFER') {
      const until = checkDeferral(input.deferredUntil, context.today, earlierLosses);
      await losses.saveDecision(context.tx, id, { ...decided, deferredUntil: until });
      await move(context, 'CHECKED_IN', 'REJECTED', `Penerbitan ditangguhkan sampai ${until}`);
      const text = `${input.reason} (penerbitan paspor pengganti ditangguhkan sampai ${until})`;
      return tellDecision(deps, context.tx, context.row, { kind: 'REJECTED', reason: text });
    }
    await losses.saveDecision(context.tx, id, {
      ...decided,
      ...(billing
        ? { fineCode: billing.code, fineAmount: billing.amount, fineExpiresAt: billing.expiresAt }
        : {}),
    });
    const note = billing
      ? `Diputuskan terbit; biaya beban Rp${billing.amount.toLocaleString('id-ID')} ditagih (kode billing ${billing.code})`
      : 'Diputuskan terbit tanpa biaya beban (keadaan kahar)';
    await repository.insertHistory(context.tx, id, 'CHECKED_IN', context.now, context.actor, note);
  });
}

async function fineBilling(
  deps: ApplicationsDeps,
  row: repository.ApplicationRow,
  fine: 'LOST' | 'DAMAGED',
  officeCode: string,
) {
  const on = jakartaDate(deps.clock.now());
  const quote = deps.fees.computeFee({ product: row.product, service: 'REGULAR', fine, on });
  const amount = quote.items.find((item) => item.code.startsWith('FINE_'))!.amount;
  const issued = await deps.billing.requestBillingCode({
    reference: `${row.id}:fine`,
    description: `Biaya beban paspor ${fine === 'LOST' ? 'hilang' : 'rusak'} ${row.number}`,
    amount,
    payerName: row.applicantFullName,
    satker: satkerOf(officeCode),
  });
  return { code: issued.billingCode, amount, expiresAt: issued.expiresAt };
}

/** Passports of the NIK the registry already records lost, other than the one being replaced. */
async function countEarlierLosses(deps: ApplicationsDeps, row: repository.ApplicationRow) {
  const current = (row.previousPassport as { number?: string } | null)?.number;
  const passports = await deps.travelDocuments.listByNik(row.applicantNik);
  return passports.filter((p) => p.status === 'LOST' && p.number !== current).length;
}

/** A SIMPONI payment for a fine's code (billing knows only the application's own billing). */
export async function finePaid(
  deps: ApplicationsDeps,
  tx: Database,
  payment: { billingCode: string; amount: number; paidAt: Date; ntpn: string },
): Promise<OtherBillingOutcome> {
  const report = await losses.lockByFineCode(tx, payment.billingCode);
  if (!report) return null;
  if (report.finePaidAt) return 'ALREADY_PAID';
  if (report.fineAmount !== payment.amount) return 'AMOUNT_MISMATCH';
  await losses.saveDecision(tx, report.applicationId, { finePaidAt: payment.paidAt, fineNtpn: payment.ntpn });
  const note = `Biaya beban dibayar (NTPN ${payment.ntpn})`;
  await repository.insertHistory(tx, report.applicationId, 'CHECKED_IN', deps.clock.now(), 'SYSTEM', note);
  return 'APPLIED';
}

export async function lossReportOf(deps: ApplicationsDeps, id: string): Promise<LossReportView | null> {
  const row = await losses.findLossReport(deps.db, id);
  if (!row) return null;
  return {
    kind: row.kind as LossReportView['kind'],
    circumstances: row.circumstances,
    occurredOn: row.occurredOn,
    place: row.place,
    policeReportNumber: row.policeReportNumber,
    forceMajeureClaimed: row.forceMajeureClaimed,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
    decision: (row.decision as LossReportView['decision']) ?? null,
    decisionReason: row.decisionReason,
    forceMajeureConfirmed: row.forceMajeureConfirmed,
    deferredUntil: row.deferredUntil,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    fine: row.fineCode
      ? {
          code: row.fineCode,
          amount: row.fineAmount!,
          expiresAt: row.fineExpiresAt!.toISOString(),
          paidAt: row.finePaidAt?.toISOString() ?? null,
          ntpn: row.fineNtpn,
        }
      : null,
  };
}

function notALoss(): DomainError {
  return new DomainError({
    code: 'LOSS_REPORT_NOT_APPLICABLE',
    detail: {
      id: 'BAP hanya untuk penggantian paspor yang hilang atau rusak.',
      en: 'An examination report is only for replacing a lost or damaged passport.',
    },
  });
}

function reportRequired(): DomainError {
  return new DomainError({
    code: 'LOSS_REPORT_REQUIRED',
    detail: {
      id: 'Catat BAP (berita acara pemeriksaan) dulu sebelum keputusan.',
      en: 'Record the examination report (BAP) before the decision.',
    },
  });
}

function alreadyDecided(): DomainError {
  return new DomainError({
    code: 'INVALID_STATE',
    detail: { id: 'Keputusan atas BAP ini sudah diambil.', en: 'This report has already been decided.' },
  });
}

/** The loss steps and the office's corrections as the officer module drives them (it checks office and roles, and audits). */
export function createLossDesk(deps: ApplicationsDeps) {
  return {
    record: (id: string, actor: OfficeActor, input: LossReportInput, within: Within) =>
      recordLossReport(deps, id, actor, input, within),
    decide: (id: string, actor: OfficeActor, input: LossDecisionInput, within: Within) =>
      decideLoss(deps, id, actor, input, within),
    reportOf: (id: string) => lossReportOf(deps, id),
    specialReschedule: (id: string, actor: OfficeActor, input: SpecialRescheduleInput, within: Within) =>
      specialReschedule(deps, id, actor, input, within),
    /** The applicant's objection to a rejection (issue 16), as the office reads and decides it. */
    contestOf: async (id: string) => (await contestState(deps, id)).state,
    decideContest: (id: string, actor: OfficeActor, input: ContestDecisionInput, within: Within) =>
      decideContest(deps, id, actor, input, within),
  };
}
export type LossDesk = ReturnType<typeof createLossDesk>;
