import type { Readable } from 'node:stream';
import type { OfficerApplicationView, QueueEntry, VisitRules } from '#shared/contracts/officer.ts';
import type { Language } from '#shared/i18n.ts';
import type { OfficerRole } from '#shared/roles.ts';
import type { Database } from '../../db/database.ts';
import type { OfficerPrincipal } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { OfficeDesk } from '../applications/index.ts';
import * as repository from './repository.ts';
import * as visitRules from './visit-rules-repository.ts';

/**
 * The visit as officers drive it: every call checks the office (404 outside it — the application does
 * not exist for them) and then the role of the step (403), and writes one audit row — in the step's
 * own transaction for actions, right after the read for reads.
 */
export interface ActingOfficer {
  readonly officer: OfficerPrincipal;
  readonly requestId: string;
  readonly language: Language;
}

export interface DeskDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly desk: OfficeDesk;
}

const APPLICATION_NUMBER = /^MP\d{4}-\d{1,12}$/i;

export function createOfficerDesk(deps: DeskDeps) {
  const { desk } = deps;

  const audit =
    (
      who: ActingOfficer,
      action: string,
      applicationId: string | null,
      details: Record<string, unknown> = {},
    ) =>
    (db: Database) =>
      repository.appendAudit(db, {
        at: deps.clock.now(),
        officerId: who.officer.officerId,
        officerUsername: who.officer.username,
        officeCode: who.officer.officeCode,
        action,
        applicationId,
        requestId: who.requestId,
        details,
      });

  /** The application in the officer's office, or 404; then the role, or 403. */
  async function actor(who: ActingOfficer, id: string, role: OfficerRole | null) {
    const office = who.officer.officeCode;
    if (!office || (await desk.officeOf(id)) !== office) throw new DomainError({ code: 'NOT_FOUND' });
    if (role) requireRole(who.officer, role);
    return { username: who.officer.username, officeCode: office };
  }

  async function act(
    who: ActingOfficer,
    id: string,
    role: OfficerRole,
    action: string,
    run: (
      a: { username: string; officeCode: string },
      within: (tx: Database) => Promise<void>,
    ) => Promise<unknown>,
    details: Record<string, unknown> = {},
  ): Promise<OfficerApplicationView> {
    const a = await actor(who, id, role);
    await run(a, audit(who, action, id, details));
    return desk.view(id, who.language);
  }

  return {
    async queue(who: ActingOfficer, date: string, q?: string): Promise<QueueEntry[]> {
      const office = who.officer.officeCode;
      if (!office) throw new DomainError({ code: 'FORBIDDEN' });
      const entries = await desk.queue(office, date, who.language);
      await audit(who, 'queue.read', null, { date })(deps.db);
      const needle = q?.trim().toLowerCase();
      return needle
        ? entries.filter(
            (e) => e.number.toLowerCase().includes(needle) || e.fullName.toLowerCase().includes(needle),
          )
        : entries;
    },

    async read(who: ActingOfficer, id: string): Promise<OfficerApplicationView> {
      await actor(who, id, null);
      const view = await desk.view(id, who.language);
      await audit(who, 'application.read', id)(deps.db);
      return view;
    },

    async findByNumber(who: ActingOfficer, number: string): Promise<OfficerApplicationView> {
      const id = APPLICATION_NUMBER.test(number.trim()) ? await desk.idByNumber(number) : null;
      if (!id) throw new DomainError({ code: 'NOT_FOUND' });
      return this.read(who, id);
    },

    async openDocument(who: ActingOfficer, id: string, kind: string) {
      await actor(who, id, null);
      const file = await desk.openScan(id, kind);
      if (!file) throw new DomainError({ code: 'NOT_FOUND' });
      await audit(who, 'document.read', id, { kind })(deps.db);
      return file;
    },

    async checkIn(
      who: ActingOfficer,
      input: { arrivalPass: string } | { applicationNumber: string } | { shortCode: string },
    ) {
      let id: string | null;
      if ('shortCode' in input) {
        const office = who.officer.officeCode;
        if (!office) throw otherOffice();
        id = await desk.idByShortCode(office, input.shortCode);
      } else if ('arrivalPass' in input) {
        id = desk.idByArrivalPass(input.arrivalPass);
        const office = await desk.officeOf(id);
        if (office !== who.officer.officeCode) throw otherOffice();
      } else {
        id = APPLICATION_NUMBER.test(input.applicationNumber.trim())
          ? await desk.idByNumber(input.applicationNumber)
          : null;
        if (!id) throw new DomainError({ code: 'NOT_FOUND' });
      }
      const via =
        'shortCode' in input ? 'SHORT_CODE' : 'arrivalPass' in input ? 'ARRIVAL_PASS' : 'APPLICATION_NUMBER';
      return act(who, id, 'CHECK_IN', 'check-in', (a, within) => desk.checkIn(id, a, within), { via });
    },

    verifyDocuments: (who: ActingOfficer, id: string, input: Parameters<OfficeDesk['verifyDocuments']>[2]) =>
      act(
        who,
        id,
        'VERIFIER',
        'document-verification',
        (a, within) => desk.verifyDocuments(id, a, input, within),
        {
          decision: input.decision,
        },
      ),

    recordPhoto: (who: ActingOfficer, id: string, upload: { body: Readable; declaredLength?: number }) =>
      act(who, id, 'BIOMETRICS', 'photo', (a, within) => desk.recordPhoto(id, a, upload, within)),

    recordFingerprints: (who: ActingOfficer, id: string) =>
      act(who, id, 'BIOMETRICS', 'fingerprints', (a, within) => desk.recordFingerprints(id, a, within)),

    interview: (who: ActingOfficer, id: string, input: Parameters<OfficeDesk['interview']>[2]) =>
      act(who, id, 'BIOMETRICS', 'interview', (a, within) => desk.interview(id, a, input, within), {
        recommendation: input.recommendation,
      }),

    async adjudicate(who: ActingOfficer, id: string, input: Parameters<OfficeDesk['adjudicate']>[2]) {
      const { fourEyes } = await visitRules.visitRulesOf(deps.db, who.officer.officeCode ?? '');
      return act(
        who,
        id,
        'ADJUDICATOR',
        'adjudication',
        (a, within) => desk.adjudicate(id, a, input, within, fourEyes),
        { decision: input.decision, fourEyes },
      );
    },

    issuePassport: (who: ActingOfficer, id: string) =>
      act(who, id, 'ISSUER', 'issue', (a, within) => desk.issuePassport(id, a, within)),

    handOver: (who: ActingOfficer, id: string, nikLastDigits: string | undefined) =>
      act(who, id, 'ISSUER', 'hand-over', (a, within) => desk.handOver(id, a, nikLastDigits, within), {
        identity: 'KTP',
        nikLastDigits: nikLastDigits ?? null,
      }),

    /** The office's visit rules (issue 17): every officer reads them, the office administrator sets them. */
    visitRules(who: ActingOfficer): Promise<VisitRules> {
      const office = who.officer.officeCode;
      if (!office) throw new DomainError({ code: 'FORBIDDEN' });
      return visitRules.visitRulesOf(deps.db, office);
    },
    async setVisitRules(who: ActingOfficer, rules: VisitRules): Promise<VisitRules> {
      const office = who.officer.officeCode;
      if (!office) throw new DomainError({ code: 'FORBIDDEN' });
      requireRole(who.officer, 'OFFICE_ADMIN');
      await deps.db.transaction(async (tx) => {
        await visitRules.saveVisitRules(tx, office, rules, {
          username: who.officer.username,
          at: deps.clock.now(),
        });
        await audit(who, 'visit-rules', null, { ...rules })(tx);
      });
      return visitRules.visitRulesOf(deps.db, office);
    },

    /**
     * Who at an office opened these applications or their documents (issue 18: the holder may see it),
     * newest first; officers are named by their office and role of reading, not by their username.
     */
    async readsOf(applicationIds: readonly string[]) {
      const rows = (
        await Promise.all(
          applicationIds.map((applicationId) =>
            repository.queryAudit(deps.db, { applicationId, limit: 500 }),
          ),
        )
      ).flat();
      return rows
        .filter((r) => r.action === 'application.read' || r.action === 'document.read')
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .map((r) => ({
          at: r.at.toISOString(),
          applicationId: r.applicationId!,
          officeCode: r.officeCode,
          what: r.action === 'document.read' ? ('DOCUMENT' as const) : ('APPLICATION' as const),
          kind: (r.details as { kind?: string } | null)?.kind ?? null,
        }));
    },

    audit,
    /** The application in the officer's office (else 404), then the role (else 403). */
    actor,
  };
}

export type OfficerDesk = ReturnType<typeof createOfficerDesk>;

export function requireRole(officer: OfficerPrincipal, role: OfficerRole): void {
  if (!officer.roles.includes(role)) {
    throw new DomainError({
      code: 'FORBIDDEN',
      detail: {
        id: `Langkah ini memerlukan peran ${role}.`,
        en: `This step needs the ${role} role.`,
      },
    });
  }
}

function otherOffice(): DomainError {
  return new DomainError({
    code: 'ARRIVAL_PASS_OTHER_OFFICE',
    detail: {
      id: 'Kode kedatangan ini untuk kantor imigrasi lain. Arahkan pemohon ke kantor pada jadwalnya.',
      en: 'This arrival code is for another immigration office. Direct the applicant to the office booked.',
    },
  });
}
