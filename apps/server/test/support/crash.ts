import { randomBytes, randomUUID } from 'node:crypto';
import { request, type Agent } from 'node:http';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/database.ts';
import { signPayload } from '../../src/modules/billing/index.ts';
import type { SubmitAnswer } from './booking-fixtures.ts';

/**
 * The crash-consistency tests' bookkeeping (issue 18): writes sent over HTTP while a server may be
 * killed, which of them the server acknowledged (2xx), and the checks that every acknowledged write
 * is in the database afterwards. A write the kill cut off unanswered may or may not be there; an
 * acknowledged one must be.
 */

/** What one write got: the server's answer, or the connection error of a request the kill cut. */
export type Answered<T> = T | Error;

export interface JsonAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export const isAcknowledged = (answer: Answered<{ status: number }> | undefined): boolean =>
  answer !== undefined && !(answer instanceof Error) && answer.status >= 200 && answer.status < 300;

/** A 5xx is a failure of the server that answered, not of the kill. */
export const isServerError = (answer: Answered<{ status: number }> | undefined): boolean =>
  answer !== undefined && !(answer instanceof Error) && answer.status >= 500;

/** POSTs a JSON text over plain node:http on `agent`; a connection error rejects, any HTTP answer resolves. */
export function postJson(
  agent: Agent,
  url: string,
  payload: string,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, unknown>;
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            body = { code: `unparsable body: ${text.slice(0, 200)}` };
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A payment notification as SIMPONI sends it; a partner that got no answer sends the same one again. */
export interface PaymentNotice {
  readonly paymentId: string;
  readonly billingCode: string;
  readonly raw: string;
}

export function paymentNotice(billing: { readonly code: string; readonly amount: number }): PaymentNotice {
  const paymentId = randomUUID();
  const raw = JSON.stringify({
    paymentId,
    billingCode: billing.code,
    amount: billing.amount,
    channel: 'ATM',
    paidAt: new Date().toISOString(),
    ntpn: randomBytes(8).toString('hex').toUpperCase(),
    ntb: `ATM${paymentId.slice(0, 8)}`,
  });
  return { paymentId, billingCode: billing.code, raw };
}

/** Posts the notice to the webhook, signed now with the shared secret (SIMPONI_WEBHOOK_SECRET). */
export function postPaymentNotice(
  agent: Agent,
  baseUrl: string,
  secret: string,
  notice: PaymentNotice,
): Promise<JsonAnswer> {
  const signature = signPayload(secret, notice.raw, Math.floor(Date.now() / 1000));
  return postJson(agent, `${baseUrl}/api/v1/webhooks/simponi`, notice.raw, {
    'x-simponi-signature': signature,
  });
}

/** The billing an acknowledged submit answered with (code and amount), if it did. */
export function billingOf(answer: SubmitAnswer): { code: string; amount: number } | null {
  const billing = answer.body.billing as { code?: unknown; amount?: unknown } | null | undefined;
  return typeof billing?.code === 'string' && typeof billing.amount === 'number'
    ? { code: billing.code, amount: billing.amount }
    : null;
}

/**
 * Acknowledged submits not in the database as submitted: the application must hold an open booking
 * in `sessionId` and have its billing, and be AWAITING_PAYMENT (or PAID, if a notification followed).
 */
export async function submitsMissing(
  db: Database,
  sessionId: string,
  applicationIds: readonly string[],
): Promise<string[]> {
  const rows = await queryRows<{ id: string; status: string }>(
    db,
    sql`select a.id, a.status from applications a
        join bookings k on k.application_id = a.id and k.released_at is null
        join billings b on b.application_id = a.id
        where k.session_id = ${sessionId}`,
  );
  const stored = new Map(rows.map((r) => [r.id, r.status]));
  return applicationIds.filter((id) => !['AWAITING_PAYMENT', 'PAID'].includes(stored.get(id) ?? ''));
}

/** Open bookings of a session: never more than its capacity. */
export async function seatsHeld(db: Database, sessionId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from bookings where session_id = ${sessionId} and released_at is null`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Acknowledged payment notifications not in the database: each must be in the inbox under its
 * payment id and, when it was applied, its billing PAID by that payment and its application past
 * AWAITING_PAYMENT.
 */
export async function notificationsMissing(
  db: Database,
  acknowledged: readonly { readonly paymentId: string; readonly outcome?: string | undefined }[],
): Promise<string[]> {
  const rows = await queryRows<{
    payment_id: string;
    billing_status: string | null;
    billing_payment: string | null;
    application_status: string | null;
  }>(
    db,
    sql`select n.payment_id, b.status as billing_status, b.payment_id as billing_payment,
               a.status as application_status
        from payment_notifications n
        left join billings b on b.code = n.billing_code
        left join applications a on a.id = b.application_id`,
  );
  const stored = new Map(rows.map((r) => [r.payment_id, r]));
  return acknowledged
    .filter((n) => {
      const row = stored.get(n.paymentId);
      if (!row) return true;
      if (n.outcome !== 'APPLIED') return false;
      return (
        row.billing_status !== 'PAID' ||
        row.billing_payment !== n.paymentId ||
        row.application_status === 'AWAITING_PAYMENT'
      );
    })
    .map((n) => n.paymentId);
}

/** Acknowledged registrations (201 with the account's id) whose account is not in the database. */
export async function accountsMissing(db: Database, accountIds: readonly string[]): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from accounts`);
  const stored = new Set(rows.map((r) => r.id));
  return accountIds.filter((id) => !stored.has(id));
}

/** Resolves once `count()` reaches `target` (checked as answers arrive), or `done` settles first. */
export function whenCount(count: () => number, target: number, done: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (count() >= target) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
    void done.finally(() => {
      clearInterval(timer);
      resolve();
    });
  });
}
