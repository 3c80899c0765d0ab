import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import type { WalkInCreate, WalkInLaneCode, WalkInSlip } from '#shared/contracts/walk-ins.ts';
import type { Readable } from 'node:stream';
import type { Database } from '../../db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Counter, OfficeDesk } from '../applications/index.ts';
import type { LaneQuota } from '../scheduling/index.ts';
import { requireRole, type ActingOfficer, type OfficerDesk } from './desk.ts';

/**
 * The walk-in counter as officers drive it (issue 16): the COUNTER role files, scans and bills; any
 * officer of the office sees the day's quota left per lane; the office administrator sets it. Every
 * walk-in is audited with the officer's reason, in the transaction that makes it.
 */
export interface CounterDeps {
  readonly db: Database;
  readonly counter: Counter;
  readonly desk: Pick<OfficeDesk, 'view'>;
  readonly officerDesk: Pick<OfficerDesk, 'audit'>;
  readonly walkIn: {
    quotas(officeCode: string): Promise<LaneQuota[]>;
    setQuota(tx: Database, officeCode: string, lane: WalkInLaneCode, daily: number): Promise<void>;
  };
}

export function createOfficerCounter(deps: CounterDeps) {
  const { audit } = deps.officerDesk;
  const actorOf = (who: ActingOfficer, role: 'COUNTER' | 'OFFICE_ADMIN' | null) => {
    const officeCode = who.officer.officeCode;
    if (!officeCode) throw new DomainError({ code: 'FORBIDDEN' });
    if (role) requireRole(who.officer, role);
    return { username: who.officer.username, officeCode };
  };

  return {
    async create(who: ActingOfficer, input: WalkInCreate): Promise<OfficerApplicationView> {
      const actor = actorOf(who, 'COUNTER');
      const details = { lane: input.lane, priorityGroup: input.priorityGroup ?? null, reason: input.reason };
      const row = await deps.counter.create(actor, input, (tx, id) => audit(who, 'walk-in', id, details)(tx));
      return deps.desk.view(row.id, who.language);
    },

    async upload(
      who: ActingOfficer,
      id: string,
      kind: string,
      upload: { body: Readable; declaredLength?: number },
    ): Promise<OfficerApplicationView> {
      const actor = actorOf(who, 'COUNTER');
      await deps.counter.upload(actor, id, kind, upload);
      await audit(who, 'walk-in.scan', id, { kind })(deps.db);
      return deps.desk.view(id, who.language);
    },

    submit(who: ActingOfficer, id: string): Promise<WalkInSlip> {
      const actor = actorOf(who, 'COUNTER');
      return deps.counter.submit(actor, id, audit(who, 'walk-in.submit', id));
    },

    quotas(who: ActingOfficer): Promise<LaneQuota[]> {
      return deps.walkIn.quotas(actorOf(who, null).officeCode);
    },

    async setQuota(who: ActingOfficer, lane: WalkInLaneCode, daily: number): Promise<LaneQuota[]> {
      const { officeCode } = actorOf(who, 'OFFICE_ADMIN');
      await deps.db.transaction(async (tx) => {
        await deps.walkIn.setQuota(tx, officeCode, lane, daily);
        await audit(who, 'walk-in.quota', null, { lane, daily })(tx);
      });
      return deps.walkIn.quotas(officeCode);
    },
  };
}
export type OfficerCounter = ReturnType<typeof createOfficerCounter>;
