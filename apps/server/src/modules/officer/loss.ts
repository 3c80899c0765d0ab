import type { LossDecisionInput, LossReportInput, LossReportView } from '#shared/contracts/losses.ts';
import type { SpecialRescheduleInput } from '#shared/contracts/corrections.ts';
import type { ContestDecisionInput, ContestState } from '#shared/contracts/contests.ts';
import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import type { LossDesk, OfficeDesk } from '../applications/index.ts';
import type { ActingOfficer, OfficerDesk } from './desk.ts';

/**
 * Lost and damaged passports at the visit (issue 16): a verifier records the examination report
 * (BAP), the head of office (OFFICE_ADMIN) decides; each step audited in its own transaction.
 */
export interface LossOfficeDeps {
  readonly losses: LossDesk;
  readonly desk: Pick<OfficeDesk, 'view'>;
  readonly officerDesk: Pick<OfficerDesk, 'audit' | 'actor'>;
}

export function createOfficerLosses(deps: LossOfficeDeps) {
  const { actor } = deps.officerDesk;
  return {
    async record(who: ActingOfficer, id: string, input: LossReportInput): Promise<OfficerApplicationView> {
      const a = await actor(who, id, 'VERIFIER');
      const details = { forceMajeureClaimed: input.forceMajeureClaimed };
      await deps.losses.record(id, a, input, deps.officerDesk.audit(who, 'loss-report', id, details));
      return deps.desk.view(id, who.language);
    },
    async decide(who: ActingOfficer, id: string, input: LossDecisionInput): Promise<LossReportView> {
      const a = await actor(who, id, 'OFFICE_ADMIN');
      const details = {
        decision: input.decision,
        forceMajeureConfirmed: input.forceMajeureConfirmed ?? false,
      };
      await deps.losses.decide(id, a, input, deps.officerDesk.audit(who, 'loss-decision', id, details));
      return (await deps.losses.reportOf(id))!;
    },
    /** The office's special reschedule (issue 16): a supervisor's (OFFICE_ADMIN) correction, audited. */
    async specialReschedule(
      who: ActingOfficer,
      id: string,
      input: SpecialRescheduleInput,
    ): Promise<OfficerApplicationView> {
      const a = await actor(who, id, 'OFFICE_ADMIN');
      const details = { reason: input.reason, note: input.note, sessionId: input.sessionId };
      await deps.losses.specialReschedule(
        id,
        a,
        input,
        deps.officerDesk.audit(who, 'special-reschedule', id, details),
      );
      return deps.desk.view(id, who.language);
    },
    /** The applicant's objection to a rejection (issue 16): any officer of the office reads it. */
    async contest(who: ActingOfficer, id: string): Promise<ContestState> {
      await actor(who, id, null);
      return deps.losses.contestOf(id);
    },
    /** An adjudicator other than the one who rejected decides it (the four eyes are checked in the step). */
    async decideContest(who: ActingOfficer, id: string, input: ContestDecisionInput): Promise<ContestState> {
      const a = await actor(who, id, 'ADJUDICATOR');
      const audit = deps.officerDesk.audit(who, 'contest-decision', id, { decision: input.decision });
      await deps.losses.decideContest(id, a, input, audit);
      return deps.losses.contestOf(id);
    },
    /** Null while no report is recorded yet, so a page can ask before there is one. */
    async read(who: ActingOfficer, id: string): Promise<LossReportView | null> {
      await actor(who, id, null);
      return deps.losses.reportOf(id);
    },
  };
}
export type OfficerLosses = ReturnType<typeof createOfficerLosses>;
