import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repository from './outage-repository.ts';
import { AUTOMATIC_OUTAGE_AFTER_FAILURES, paymentsImpossible, type PaymentPartner } from './outages.ts';
import type { PaymentEffects } from './payments.ts';
import type { SimponiPort } from './simponi.port.ts';

export const AUTOMATIC = 'AUTOMATIC';
/** Writes alongside a change of partner health, told how many deadlines it moved. */
type Recorder = (tx: Database, extended: number) => Promise<void>;
/** How often a process that sees SIMPONI answer checks whether an automatic outage can end. */
const RECOVERY_CHECK_MS = 30_000;

export interface PartnerHealthDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly simponi: SimponiPort;
  readonly effects: () => PaymentEffects;
  /** Where a failed follow-up call to SIMPONI is reported (the deadline moved here regardless). */
  readonly warn: (message: string, error: unknown) => void;
}

export interface PartnerHealth {
  readonly partners: readonly {
    partner: string;
    down: boolean;
    since: Date | null;
    declaredBy: string | null;
    reason: string | null;
  }[];
  /** Since when nobody can pay (SIMPONI or every channel down), or null. */
  readonly paymentsFrozenSince: Date | null;
  readonly recent: readonly repository.OutageRow[];
}

/**
 * Partner health (issue 15): outages declared by HQ or, for SIMPONI, after repeated failed calls; and
 * the payment freeze they add up to. While frozen no billing expires; when it ends, every pending
 * deadline that fell inside it moves by its length, the applicant is told, and SIMPONI is asked to
 * keep the code payable that long.
 */
export function createPartnerHealth(deps: PartnerHealthDeps) {
  const { db, clock } = deps;
  let failures = 0;
  let lastRecoveryCheck = 0;

  /** After any change: opens or ends the freeze the open outages now add up to. */
  async function settleFreeze(tx: Database, at: Date) {
    const down = new Set((await repository.openOutages(tx)).map((o) => o.partner));
    const freeze = await repository.openFreeze(tx);
    if (paymentsImpossible(down)) {
      if (!freeze) await repository.startFreeze(tx, at);
      return [];
    }
    if (!freeze) return [];
    const moved = await repository.extendPendingDueWithin(tx, freeze.startedAt, at);
    await repository.endFreeze(tx, freeze.id, at, moved.length);
    const minutes = Math.ceil((at.getTime() - freeze.startedAt.getTime()) / 60_000);
    if (moved.length > 0) await deps.effects().deadlinesExtended(tx, moved, minutes);
    return moved;
  }

  /** SIMPONI keeps each moved code payable until its new deadline; a failure is reported, not fatal. */
  async function tellSimponi(moved: readonly { code: string; expiresAt: Date }[]) {
    for (const billing of moved) {
      try {
        await deps.simponi.extendBilling(billing.code, billing.expiresAt);
      } catch (error) {
        deps.warn('SIMPONI did not take a moved payment deadline', error);
      }
    }
  }

  /** `record`: written in the same transaction when something changed (the officer's audit entry). */
  async function change(work: (tx: Database, at: Date) => Promise<boolean>, record?: Recorder) {
    const at = clock.now();
    const { changed, moved } = await db.transaction(async (tx) => {
      await repository.lockHealth(tx);
      const changed = await work(tx, at);
      if (!changed) return { changed, moved: [] };
      const moved = await settleFreeze(tx, at);
      await record?.(tx, moved.length);
      return { changed, moved };
    });
    await tellSimponi(moved);
    return { changed, extended: moved.length };
  }

  const health = {
    async declareDown(partner: PaymentPartner, by: string, reason: string, record?: Recorder) {
      const result = await change(
        async (tx, at) =>
          Boolean(await repository.insertOutage(tx, { partner, startedAt: at, declaredBy: by, reason })),
        record,
      );
      if (!result.changed) throw partnerState('ALREADY_DOWN');
      return result;
    },

    async declareUp(
      partner: PaymentPartner,
      by: string,
      options: { automaticOnly?: boolean; record?: Recorder } = {},
    ) {
      const result = await change(
        async (tx, at) =>
          Boolean(await repository.endOutage(tx, partner, { at, by, automaticOnly: options.automaticOnly })),
        options.record,
      );
      if (!result.changed && !options.automaticOnly) throw partnerState('NOT_DOWN');
      return result;
    },

    async health(partners: readonly PaymentPartner[]): Promise<PartnerHealth> {
      const open = new Map((await repository.openOutages(db)).map((o) => [o.partner, o]));
      const freeze = await repository.openFreeze(db);
      return {
        partners: partners.map((partner) => {
          const outage = open.get(partner);
          return {
            partner,
            down: Boolean(outage),
            since: outage?.startedAt ?? null,
            declaredBy: outage?.declaredBy ?? null,
            reason: outage?.reason ?? null,
          };
        }),
        paymentsFrozenSince: freeze?.startedAt ?? null,
        recent: await repository.recentOutages(db, 20),
      };
    },

    frozen: (tx: Database = db) => repository.frozen(tx),

    /** What the pay screen shows: the partners down now and since when payment is frozen. */
    async now(): Promise<{ down: string[]; frozenSince: Date | null }> {
      const [open, freeze] = await Promise.all([repository.openOutages(db), repository.openFreeze(db)]);
      return { down: open.map((o) => o.partner), frozenSince: freeze?.startedAt ?? null };
    },

    /** A SIMPONI call failed: after a few in a row, SIMPONI is declared down (once, across processes). */
    async simponiFailed(): Promise<void> {
      failures++;
      if (failures !== AUTOMATIC_OUTAGE_AFTER_FAILURES) return;
      await change(async (tx, at) =>
        Boolean(
          await repository.insertOutage(tx, {
            partner: 'SIMPONI',
            startedAt: at,
            declaredBy: AUTOMATIC,
            reason: `${AUTOMATIC_OUTAGE_AFTER_FAILURES} panggilan berturut-turut gagal`,
          }),
        ),
      );
    },

    /** A SIMPONI call succeeded: an outage declared automatically ends (one an officer declared stays). */
    async simponiAnswered(): Promise<void> {
      const now = Date.now();
      if (failures === 0 && now - lastRecoveryCheck < RECOVERY_CHECK_MS) return;
      failures = 0;
      lastRecoveryCheck = now;
      await health.declareUp('SIMPONI', AUTOMATIC, { automaticOnly: true });
    },
  };
  return health;
}

export type PartnerHealthService = ReturnType<typeof createPartnerHealth>;

function partnerState(state: 'ALREADY_DOWN' | 'NOT_DOWN') {
  return new DomainError({
    code: 'INVALID_STATE',
    detail:
      state === 'ALREADY_DOWN'
        ? {
            id: 'Mitra ini sudah dinyatakan terganggu.',
            en: 'This partner is already declared down.',
          }
        : { id: 'Mitra ini tidak sedang dinyatakan terganggu.', en: 'This partner is not declared down.' },
  });
}
