import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { PaymentChannel, PaymentNotification } from '#shared/contracts/payments.ts';
import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { simSimponiBillings } from '../../db/schema/sim.ts';
import type { Clock } from '../../platform/clock.ts';
import { createCoalescer } from '../../platform/coalescer.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  newBillingCode,
  signPayload,
  type SimponiBilling,
  type SimponiBillingRequest,
  type SimponiPayment,
  type SimponiPaymentStatus,
  type SimponiPort,
} from '../billing/index.ts';

/**
 * The simulated SIMPONI: issues billing codes into its own ledger (`sim_simponi_billings`), takes
 * payments as a bank or minimarket would, and then calls M-Paspor's signed webhook in the background,
 * retrying like a real payment partner until it is accepted. `delivery` reproduces what goes wrong in
 * real life (DOMAIN.md "Payment", June 2024): duplicates, late and out-of-order notifications, and
 * notifications that never come, so that only reconciliation or the applicant's NTPN finds the payment.
 */
export type SimponiDelivery =
  | { readonly mode: 'NORMAL' }
  | { readonly mode: 'TWICE' }
  | { readonly mode: 'DELAYED'; readonly delaySeconds: number }
  | { readonly mode: 'NEVER' };

export interface SimPayInput {
  readonly billingCode: string;
  readonly channel: PaymentChannel;
  readonly delivery?: SimponiDelivery | undefined;
}

export interface SimPayReceipt {
  readonly paymentId: string;
  readonly ntpn: string;
  readonly ntb: string;
  readonly paidAt: Date;
}

/** A real partner retries for minutes, then a person has to look (or reconciliation finds it). */
const REDELIVERY = { baseDelayMs: 1_000, maxDelayMs: 30_000, giveUpAfterMs: 5 * 60_000 };

/** Sends one notification (raw JSON body, X-Simponi-Signature header); answers the HTTP status. */
export type DeliverNotification = (rawBody: string, signatureHeader: string) => Promise<{ status: number }>;

export interface SimSimponiDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly deliver: DeliverNotification;
  /** The shared webhook secret (SIMPONI_WEBHOOK_SECRET). */
  readonly secret: string;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Pauses between redeliveries (real time, not the simulated clock); tests shorten them. */
  readonly redelivery?: Partial<typeof REDELIVERY>;
}

/** A billing as the simulated SIMPONI holds it, with its state by the injected clock. */
export interface SimponiLedgerEntry extends SimponiBillingRequest {
  readonly billingCode: string;
  readonly createdAt: Date;
  readonly state: 'UNPAID' | 'PAID' | 'EXPIRED' | 'VOIDED';
  readonly payment: SimponiPayment | null;
}

export interface SimSimponi {
  readonly port: SimponiPort;
  /** As port.createBilling; with an idempotency key, a replayed request answers the billing it made. */
  createBilling(request: SimponiBillingRequest, idempotencyKey?: string): Promise<SimponiBilling>;
  pay(input: SimPayInput): Promise<SimPayReceipt>;
  findBilling(billingCode: string): Promise<SimponiLedgerEntry | null>;
  /** Resolves once every notification under way was accepted or given up; for tests and demos. */
  settled(): Promise<void>;
  /** Abandons pending redeliveries (server shutdown). */
  stop(): void;
}

type BillingRow = typeof simSimponiBillings.$inferSelect;

export function createSimSimponi(deps: SimSimponiDeps): SimSimponi {
  const courier = createCourier(deps);
  // A crowd's billings arriving together are made in one statement (platform/coalescer.ts).
  const fresh = createCoalescer((requests: readonly NewBilling[]) => insertBillings(deps.db, requests));
  const createBilling = (request: SimponiBillingRequest, idempotencyKey?: string) =>
    idempotencyKey === undefined
      ? fresh.write({ request, now: deps.clock.now() })
      : replayOrInsert(deps.db, request, idempotencyKey, deps.clock.now());
  return {
    port: {
      createBilling: (request) => createBilling(request),
      getPaymentStatus: async (billingCode) => paymentStatus(await readBilling(deps.db, billingCode)),
      async extendBilling(billingCode, expiresAt) {
        await deps.db
          .update(simSimponiBillings)
          .set({ expiresAt })
          .where(and(eq(simSimponiBillings.billingCode, billingCode), isNull(simSimponiBillings.paymentId)));
      },
      async voidBilling(billingCode) {
        await deps.db
          .update(simSimponiBillings)
          .set({ voidedAt: deps.clock.now() })
          .where(
            and(
              eq(simSimponiBillings.billingCode, billingCode),
              isNull(simSimponiBillings.paymentId),
              isNull(simSimponiBillings.voidedAt),
            ),
          );
      },
    },
    createBilling,
    async pay(input) {
      const row = await payableBilling(deps.db, input.billingCode, deps.clock.now());
      const receipt = await recordPayment(deps.db, row, input.channel, deps.clock.now());
      courier.dispatch(notificationOf(row, input.channel, receipt), input.delivery ?? { mode: 'NORMAL' });
      return receipt;
    },
    async findBilling(billingCode) {
      const row = await readBilling(deps.db, billingCode);
      return row ? ledgerEntry(row, deps.clock.now()) : null;
    },
    settled: courier.settled,
    stop: courier.stop,
  };
}

interface NewBilling {
  readonly request: SimponiBillingRequest;
  readonly now: Date;
}

/** Makes the billings in one statement; answers them in the order asked. */
async function insertBillings(db: Database, wanted: readonly NewBilling[]): Promise<SimponiBilling[]> {
  const made: SimponiBilling[] = [];
  let todo = wanted.map((billing, i) => ({ i, billing }));
  // 10^13 random codes: a collision is rare, and then those draw again.
  while (todo.length > 0) {
    const codes = new Set<string>();
    while (codes.size < todo.length) codes.add(newBillingCode());
    const drawnCodes = [...codes];
    const drawn = todo.map((t, k) => ({ ...t, code: drawnCodes[k]! }));
    const rows = await db
      .insert(simSimponiBillings)
      .values(drawn.map((d) => ({ ...d.billing.request, billingCode: d.code, createdAt: d.billing.now })))
      .onConflictDoNothing({ target: simSimponiBillings.billingCode })
      .returning({ billingCode: simSimponiBillings.billingCode, expiresAt: simSimponiBillings.expiresAt });
    const inserted = new Map(rows.map((r) => [r.billingCode, r]));
    for (const d of drawn) {
      const row = inserted.get(d.code);
      if (row) made[d.i] = { billingCode: row.billingCode, expiresAt: row.expiresAt };
    }
    todo = drawn.filter((d) => !inserted.has(d.code));
  }
  return made;
}

/**
 * Honours the adapter's Idempotency-Key: a request with the same reference, amount and deadline as a
 * billing already made is a replay (a retry after a timeout), and answers that billing. The ledger has
 * no key column; our adapter sends the reference as the key. The lock orders concurrent replays.
 */
function replayOrInsert(db: Database, request: SimponiBillingRequest, key: string, now: Date) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sim-simponi:${key}`}, 0))`);
    const [replayed] = await tx
      .select()
      .from(simSimponiBillings)
      .where(
        and(
          eq(simSimponiBillings.reference, request.reference),
          eq(simSimponiBillings.amount, request.amount),
          eq(simSimponiBillings.expiresAt, request.expiresAt),
        ),
      );
    if (replayed) return { billingCode: replayed.billingCode, expiresAt: replayed.expiresAt };
    return (await insertBillings(tx, [{ request, now }]))[0]!;
  });
}

async function readBilling(db: Database, billingCode: string): Promise<BillingRow | null> {
  const [row] = await db
    .select()
    .from(simSimponiBillings)
    .where(eq(simSimponiBillings.billingCode, billingCode));
  return row ?? null;
}

/** "Already paid" is told before "expired": a bill paid in time and looked at later was paid. */
async function payableBilling(db: Database, billingCode: string, now: Date): Promise<BillingRow> {
  const row = await readBilling(db, billingCode);
  if (!row) throw new DomainError({ code: 'BILLING_NOT_FOUND' });
  if (row.paymentId) throw new DomainError({ code: 'BILLING_ALREADY_PAID' });
  if (row.voidedAt) throw new DomainError({ code: 'BILLING_VOIDED' });
  if (row.expiresAt.getTime() <= now.getTime()) throw new DomainError({ code: 'BILLING_EXPIRED' });
  return row;
}

/**
 * One conditional update: of two payments of one billing at the same moment, only the one that still
 * finds it unpaid (and unexpired) writes; the other is told it was already paid.
 */
async function recordPayment(
  db: Database,
  row: BillingRow,
  channel: PaymentChannel,
  now: Date,
): Promise<SimPayReceipt> {
  for (;;) {
    const receipt = { paymentId: randomUUID(), ntpn: newNtpn(), ntb: newNtb(channel), paidAt: now };
    try {
      const updated = await db
        .update(simSimponiBillings)
        .set({ ...receipt, channel })
        .where(
          and(
            eq(simSimponiBillings.billingCode, row.billingCode),
            isNull(simSimponiBillings.paymentId),
            isNull(simSimponiBillings.voidedAt),
            gt(simSimponiBillings.expiresAt, now),
          ),
        )
        .returning({ billingCode: simSimponiBillings.billingCode });
      if (updated.length === 0) throw new DomainError({ code: 'BILLING_ALREADY_PAID' });
      return receipt;
    } catch (error) {
      // 36^16 NTPNs: a repeat is near impossible, but the unique index makes it a retry, not a 500.
      if (!isUniqueViolation(error, 'sim_simponi_billings_ntpn_unique')) throw error;
    }
  }
}

const NTPN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function newNtpn(): string {
  let ntpn = '';
  for (let i = 0; i < 16; i++) ntpn += NTPN_ALPHABET[randomInt(0, NTPN_ALPHABET.length)];
  return ntpn;
}

/** Each channel numbers its own transactions; a prefix makes the simulated ones recognisable. */
const NTB_PREFIX = {
  TOKOPEDIA: 'TKPD',
  BUKALAPAK: 'BL',
  BANK_TELLER: 'TLR',
  ATM: 'ATM',
  MOBILE_BANKING: 'MB',
  POS_INDONESIA: 'POS',
  INDOMARET: 'IDM',
  ALFAMART: 'ALF',
} as const satisfies Record<PaymentChannel, string>;

function newNtb(channel: PaymentChannel): string {
  return NTB_PREFIX[channel] + String(randomInt(0, 1e12)).padStart(12, '0');
}

function paymentOf(row: BillingRow): SimponiPayment | null {
  const { paymentId, billingCode, amount, channel, paidAt, ntpn, ntb } = row;
  if (!paymentId || !paidAt || !channel || !ntpn || !ntb) return null;
  return { paymentId, billingCode, amount, channel, paidAt, ntpn, ntb };
}

function paymentStatus(row: BillingRow | null): SimponiPaymentStatus {
  if (!row) return { status: 'NOT_FOUND' };
  const payment = paymentOf(row);
  return payment ? { status: 'PAID', payment } : { status: 'UNPAID' };
}

function ledgerEntry(row: BillingRow, now: Date): SimponiLedgerEntry {
  const { billingCode, reference, description, amount, payerName, satker, expiresAt, createdAt } = row;
  const payment = paymentOf(row);
  const state = payment
    ? 'PAID'
    : row.voidedAt
      ? 'VOIDED'
      : expiresAt.getTime() <= now.getTime()
        ? 'EXPIRED'
        : 'UNPAID';
  const billing = { billingCode, reference, description, amount, payerName, satker, expiresAt, createdAt };
  return { ...billing, state, payment };
}

function notificationOf(
  row: BillingRow,
  channel: PaymentChannel,
  receipt: SimPayReceipt,
): PaymentNotification {
  return {
    paymentId: receipt.paymentId,
    billingCode: row.billingCode,
    amount: row.amount,
    channel,
    paidAt: receipt.paidAt.toISOString(),
    ntpn: receipt.ntpn,
    ntb: receipt.ntb,
  };
}

/** Background delivery of notifications, with redelivery until a 2xx; logs ids and statuses only. */
function createCourier(deps: SimSimponiDeps) {
  const options = { ...REDELIVERY, ...deps.redelivery };
  const inFlight = new Set<Promise<void>>();
  const stopping = new AbortController();

  /** False when the courier was stopped meanwhile. */
  const wait = (ms: number) =>
    delay(ms, undefined, { signal: stopping.signal }).then(
      () => true,
      () => false,
    );

  const attempt = async (rawBody: string): Promise<number | 'error'> => {
    // Signed at each attempt: a redelivery minutes later must not carry a stale timestamp.
    const signature = signPayload(deps.secret, rawBody, Math.floor(deps.clock.now().getTime() / 1000));
    try {
      return (await deps.deliver(rawBody, signature)).status;
    } catch {
      return 'error';
    }
  };

  const deliverUntilAccepted = async (notification: PaymentNotification, firstDelayMs: number) => {
    const ids = { paymentId: notification.paymentId, billingCode: notification.billingCode };
    const rawBody = JSON.stringify(notification);
    if (firstDelayMs > 0 && !(await wait(firstDelayMs))) return;
    let waited = 0;
    for (let attempts = 1; !stopping.signal.aborted; attempts++) {
      const status = await attempt(rawBody);
      if (typeof status === 'number' && status >= 200 && status < 300) {
        deps.logger.info({ ...ids, attempts }, 'sim SIMPONI notification accepted');
        return;
      }
      const pause = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempts - 1));
      if (waited + pause > options.giveUpAfterMs) {
        deps.logger.error({ ...ids, attempts, status }, 'sim SIMPONI gave up delivering a notification');
        return;
      }
      deps.logger.warn({ ...ids, attempts, status }, 'sim SIMPONI notification refused; will retry');
      waited += pause;
      if (!(await wait(pause))) return;
    }
  };

  const track = (notification: PaymentNotification, firstDelayMs: number) => {
    const task = deliverUntilAccepted(notification, firstDelayMs).finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  return {
    dispatch(notification: PaymentNotification, delivery: SimponiDelivery) {
      if (delivery.mode === 'NEVER') {
        deps.logger.info({ paymentId: notification.paymentId }, 'sim SIMPONI notification withheld (NEVER)');
        return;
      }
      const firstDelayMs = delivery.mode === 'DELAYED' ? delivery.delaySeconds * 1000 : 0;
      track(notification, firstDelayMs);
      // Both copies at once: the webhook must stay idempotent also when duplicates race.
      if (delivery.mode === 'TWICE') track(notification, 0);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stop() {
      stopping.abort();
    },
  };
}
