import type { PartnerHealthView } from '#shared/contracts/officer-admin.ts';
import type { Database } from '../../db/database.ts';
import type { PartnerHealth as Health } from '../billing/index.ts';
import type { ActingOfficer, OfficerDesk } from './desk.ts';
import { requireRole } from './desk.ts';

type Partner = PartnerHealthView['partners'][number]['partner'];
type Recorder = (tx: Database, extended: number) => Promise<void>;

/** The billing module's partner health, as the console's HQ switch uses it (issue 15). */
export interface PartnerHealthDeps {
  readonly desk: Pick<OfficerDesk, 'audit'>;
  readonly partnerHealth: {
    health(partners: readonly Partner[]): Promise<Health>;
    declareDown(
      partner: Partner,
      by: string,
      reason: string,
      record?: Recorder,
    ): Promise<{ extended: number }>;
    declareUp(partner: Partner, by: string, options?: { record?: Recorder }): Promise<{ extended: number }>;
  };
  readonly partners: readonly Partner[];
}

/**
 * Payment partners up or down: any administrator reads it; only HQ declares an outage or its end,
 * since a freeze moves every applicant's deadline in the country. Each change is audited with it.
 */
export function createPartnerHealthDesk(deps: PartnerHealthDeps) {
  const read = async (): Promise<PartnerHealthView> => toView(await deps.partnerHealth.health(deps.partners));
  const audited =
    (who: ActingOfficer, action: string, details: Record<string, unknown>): Recorder =>
    (tx, extended) =>
      deps.desk.audit(who, action, null, { ...details, extended })(tx);

  return {
    async health(who: ActingOfficer) {
      if (!who.officer.roles.includes('HQ_ADMIN')) requireRole(who.officer, 'OFFICE_ADMIN');
      return read();
    },
    async declareDown(who: ActingOfficer, partner: Partner, reason: string) {
      requireRole(who.officer, 'HQ_ADMIN');
      const { extended } = await deps.partnerHealth.declareDown(
        partner,
        who.officer.username,
        reason,
        audited(who, 'partner.down', { partner, reason }),
      );
      return { health: await read(), extended };
    },
    async declareUp(who: ActingOfficer, partner: Partner, reason: string) {
      requireRole(who.officer, 'HQ_ADMIN');
      const { extended } = await deps.partnerHealth.declareUp(partner, who.officer.username, {
        record: audited(who, 'partner.up', { partner, reason }),
      });
      return { health: await read(), extended };
    },
  };
}

export type PartnerHealthDesk = ReturnType<typeof createPartnerHealthDesk>;

function toView(health: Health): PartnerHealthView {
  const at = (date: Date | null) => date?.toISOString() ?? null;
  return {
    partners: health.partners.map((p) => ({ ...p, partner: p.partner as Partner, since: at(p.since) })),
    paymentsFrozenSince: at(health.paymentsFrozenSince),
    recent: health.recent.map((o) => ({
      ...o,
      startedAt: o.startedAt.toISOString(),
      endedAt: at(o.endedAt),
    })),
  };
}
