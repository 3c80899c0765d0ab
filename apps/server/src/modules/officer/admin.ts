import type { OfficeScheduleInput } from '#shared/contracts/officer.ts';
import type { OfficerRole } from '#shared/roles.ts';
import type { Database } from '../../db/database.ts';
import type { OfficerPrincipal } from '../../platform/access.ts';
import { DomainError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import type { ActingOfficer, OfficerDesk } from './desk.ts';
import { requireRole } from './desk.ts';
import * as repository from './repository.ts';
import { newTotpSecret, totpUri } from './totp.ts';

/** Office administration (schedule, payments needing attention) and headquarters (audit, officers). */
export interface AdminDeps {
  readonly db: Database;
  readonly desk: Pick<OfficerDesk, 'audit'>;
  readonly scheduling: {
    officeSchedule(code: string): Promise<OfficeScheduleInput>;
    previewSchedule(code: string, input: OfficeScheduleInput): Promise<unknown>;
    saveSchedule(tx: Database, code: string, input: OfficeScheduleInput): Promise<void>;
  };
  readonly payments: {
    paymentsNeedingAttention(limit?: number): Promise<readonly AttentionRow[]>;
    findPayment(paymentId: string): Promise<AttentionRow | undefined>;
    resolvePayment(tx: Database, paymentId: string, resolution: string): Promise<boolean>;
  };
  readonly officesOf: (applicationIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  readonly officeExists: (code: string) => Promise<boolean>;
}

export interface AttentionRow {
  readonly paymentId: string;
  readonly billingCode: string;
  readonly amount: number;
  readonly channel: string;
  readonly paidAt: Date;
  readonly ntpn: string;
  readonly ntb: string;
  readonly source: string;
  readonly outcome: string;
  readonly receivedAt: Date;
  readonly applicationId: string | null;
}

export function createOfficerAdmin(deps: AdminDeps) {
  /** OFFICE_ADMIN of that office, or HQ_ADMIN; another office's admin does not see it at all. */
  function mayAdminister(officer: OfficerPrincipal, code: string) {
    if (officer.roles.includes('HQ_ADMIN')) return;
    if (officer.officeCode !== code) throw new DomainError({ code: 'NOT_FOUND' });
    requireRole(officer, 'OFFICE_ADMIN');
  }
  async function knownOffice(code: string) {
    if (!(await deps.officeExists(code))) throw new DomainError({ code: 'NOT_FOUND' });
  }

  return {
    async schedule(who: ActingOfficer, code: string) {
      mayAdminister(who.officer, code);
      await knownOffice(code);
      return deps.scheduling.officeSchedule(code);
    },
    async preview(who: ActingOfficer, code: string, input: OfficeScheduleInput) {
      mayAdminister(who.officer, code);
      await knownOffice(code);
      return deps.scheduling.previewSchedule(code, input);
    },
    async saveSchedule(who: ActingOfficer, code: string, input: OfficeScheduleInput) {
      mayAdminister(who.officer, code);
      await knownOffice(code);
      await deps.db.transaction(async (tx) => {
        await deps.scheduling.saveSchedule(tx, code, input);
        await deps.desk.audit(who, 'schedule.save', null, { officeCode: code, schedule: input })(tx);
      });
      return deps.scheduling.officeSchedule(code);
    },

    /** Late, mismatched or double payments to refund or reinstate: the office's own, or all for HQ. */
    async paymentsNeedingAttention(who: ActingOfficer) {
      const hq = who.officer.roles.includes('HQ_ADMIN');
      if (!hq) requireRole(who.officer, 'OFFICE_ADMIN');
      if (!hq && !who.officer.officeCode) throw new DomainError({ code: 'FORBIDDEN' });
      const rows = await deps.payments.paymentsNeedingAttention(500);
      const offices = await deps.officesOf(
        rows.flatMap((row) => (row.applicationId ? [row.applicationId] : [])),
      );
      const withOffice = rows.map((row) => ({
        row,
        officeCode: row.applicationId ? (offices.get(row.applicationId) ?? null) : null,
      }));
      await deps.desk.audit(who, 'payments.attention.read', null)(deps.db);
      return withOffice
        .filter((p) => hq || p.officeCode === who.officer.officeCode)
        .map(({ row, officeCode }) => ({
          paymentId: row.paymentId,
          billingCode: row.billingCode,
          amount: row.amount,
          channel: row.channel,
          paidAt: row.paidAt.toISOString(),
          ntpn: row.ntpn,
          ntb: row.ntb,
          source: row.source,
          outcome: row.outcome,
          receivedAt: row.receivedAt.toISOString(),
          applicationId: row.applicationId,
          officeCode,
        }));
    },

    /**
     * Records what the office did about a flagged payment: REFUND (the applicant is refunded through
     * the PNBP refund procedure) or SETTLED (handled otherwise, e.g. a new application paid with it).
     * The payment stays in the inbox; it only leaves the list.
     */
    async resolvePayment(
      who: ActingOfficer,
      paymentId: string,
      input: { resolution: 'REFUND' | 'SETTLED'; note: string },
    ) {
      const hq = who.officer.roles.includes('HQ_ADMIN');
      if (!hq) requireRole(who.officer, 'OFFICE_ADMIN');
      if (!hq && !who.officer.officeCode) throw new DomainError({ code: 'FORBIDDEN' });
      const payment = await deps.payments.findPayment(paymentId);
      const office = payment?.applicationId
        ? (await deps.officesOf([payment.applicationId])).get(payment.applicationId)
        : undefined;
      if (!payment || (!hq && office !== who.officer.officeCode))
        throw new DomainError({ code: 'NOT_FOUND' });
      const resolved = await deps.db.transaction(async (tx) => {
        const done = await deps.payments.resolvePayment(tx, paymentId, `${input.resolution}: ${input.note}`);
        if (done)
          await deps.desk.audit(who, 'payment.resolve', payment.applicationId, { paymentId, ...input })(tx);
        return done;
      });
      if (!resolved) {
        throw new DomainError({
          code: 'INVALID_STATE',
          detail: {
            id: 'Pembayaran ini tidak perlu ditindaklanjuti atau sudah diselesaikan.',
            en: 'This payment needs no action or was already resolved.',
          },
        });
      }
      return { paymentId, resolution: input.resolution };
    },

    async audit(
      who: ActingOfficer,
      query: Omit<repository.AuditQuery, 'limit'> & { limit?: number | undefined },
    ) {
      // Headquarters reads every office; an office's administrator reads their own office only (issue 17).
      const hq = who.officer.roles.includes('HQ_ADMIN');
      if (!hq) requireRole(who.officer, 'OFFICE_ADMIN');
      if (!hq && !who.officer.officeCode) throw new DomainError({ code: 'FORBIDDEN' });
      const officeCode = hq ? query.officeCode : (who.officer.officeCode ?? '');
      const rows = await repository.queryAudit(deps.db, {
        ...query,
        officeCode,
        limit: query.limit ?? 200,
      });
      return rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        officer: r.officerUsername,
        officeCode: r.officeCode,
        action: r.action,
        applicationId: r.applicationId,
        requestId: r.requestId,
        details: r.details as Record<string, unknown>,
      }));
    },

    async officers(who: ActingOfficer, officeCode?: string) {
      requireRole(who.officer, 'HQ_ADMIN');
      const rows = await repository.listOfficers(deps.db, officeCode);
      return rows.map((r) => ({
        username: r.username,
        fullName: r.fullName,
        officeCode: r.officeCode,
        roles: r.roles,
        active: r.active,
        totpEnrolled: r.totpSecret !== null,
      }));
    },

    /** HQ creates an officer; the TOTP secret is shown once, for the officer's authenticator app. */
    async createOfficer(
      who: ActingOfficer,
      input: {
        username: string;
        fullName: string;
        password: string;
        officeCode: string | null;
        roles: OfficerRole[];
      },
    ) {
      requireRole(who.officer, 'HQ_ADMIN');
      if (input.officeCode) await knownOffice(input.officeCode);
      const username = input.username.trim().toLowerCase();
      const totpSecret = newTotpSecret();
      const passwordHash = await hashPassword(input.password);
      const created = await deps.db.transaction(async (tx) => {
        const inserted = await repository.insertOfficers(tx, [
          {
            username,
            fullName: input.fullName,
            passwordHash,
            officeCode: input.officeCode,
            roles: input.roles,
          },
        ]);
        if (inserted === 0) return false;
        await repository.setTotpSecret(tx, username, totpSecret);
        await deps.desk.audit(who, 'officer.create', null, {
          username,
          officeCode: input.officeCode,
          roles: input.roles,
        })(tx);
        return true;
      });
      if (!created) throw new DomainError({ code: 'USERNAME_TAKEN' });
      return { username, totpSecret, totpUri: totpUri(totpSecret, username) };
    },
  };
}

export type OfficerAdmin = ReturnType<typeof createOfficerAdmin>;
