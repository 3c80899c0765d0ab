import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.ts';
import { notificationOutbox } from '../../db/schema/notifications.ts';
import type { MailAttachment } from './mail.port.ts';
import type { NotificationChannel } from './templates.ts';

/**
 * The only code touching `notification_outbox`. Business time (deliver_after, created_at, sent_at)
 * comes from the injected clock; backoff and leases use the database's now(), so that workers on
 * several machines agree on them whatever their clocks say.
 */
export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED' | 'CANCELLED';

/** Long enough for an SMTP reply, short enough that a chatty gateway cannot bloat the row. */
const LAST_ERROR_MAX_LENGTH = 500;

export interface NewOutboxMessage {
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly template: string;
  readonly language: string;
  readonly subject: string | null;
  readonly body: string;
  readonly deliverAfter: Date;
  readonly createdAt: Date;
  readonly topic?: string | null;
  readonly attachments?: MailAttachment[] | null;
}

export interface ClaimedMessage {
  readonly id: string;
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly subject: string | null;
  readonly body: string;
  readonly attachments: MailAttachment[] | null;
  /** Attempts including this one; it also fences later updates to this worker's claim. */
  readonly attempts: number;
}

const millisecondsFromNow = (ms: number) =>
  sql`now() + ${Math.max(0, Math.round(ms))}::double precision * interval '1 millisecond'`;

export async function insertMessage(db: Database, message: NewOutboxMessage): Promise<string> {
  const [row] = await db.insert(notificationOutbox).values(message).returning({ id: notificationOutbox.id });
  if (!row) throw new Error('The outbox insert returned no row');
  return row.id;
}

export async function insertMessages(db: Database, messages: readonly NewOutboxMessage[]): Promise<void> {
  if (messages.length > 0) await db.insert(notificationOutbox).values([...messages]);
}

/** Withdraws messages of a topic not sent yet (e.g. a payment reminder once the bill is paid). */
export async function cancelPendingByTopic(db: Database, topic: string): Promise<number> {
  const rows = await db
    .update(notificationOutbox)
    .set({ status: 'CANCELLED', body: '', attachments: null })
    .where(and(eq(notificationOutbox.topic, topic), eq(notificationOutbox.status, 'PENDING')))
    .returning({ id: notificationOutbox.id });
  return rows.length;
}

/**
 * Claims due messages in one statement: rows another worker is claiming are skipped rather than
 * waited for, and a row whose lease ran out (its worker died) is due again. The lock is held only
 * for this statement; `locked_until` is what keeps the row while it is being delivered.
 */
export async function claimDue(
  db: Database,
  options: { readonly businessNow: Date; readonly leaseMs: number; readonly limit: number },
): Promise<ClaimedMessage[]> {
  return queryRows<ClaimedMessage>(
    db,
    sql`
      with due as (
        select id from notification_outbox
        where status = 'PENDING'
          and deliver_after <= ${options.businessNow.toISOString()}::timestamptz
          and next_attempt_at <= now()
          and (locked_until is null or locked_until < now())
        order by next_attempt_at
        limit ${options.limit}
        for update skip locked
      )
      update notification_outbox as o
      set locked_until = ${millisecondsFromNow(options.leaseMs)}, attempts = o.attempts + 1
      from due
      where o.id = due.id
      returning o.id, o.channel, o.recipient, o.subject, o.body, o.attachments, o.attempts`,
  );
}

/**
 * Erases the body (it may hold a one-time code) and the attachments (a receipt names a payment). Not fenced by attempt: the message did go out,
 * even if this worker's lease had run out meanwhile.
 */
export async function markSent(db: Database, ids: readonly string[], sentAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notificationOutbox)
    .set({ status: 'SENT', sentAt, body: '', attachments: null, lockedUntil: null })
    .where(and(inArray(notificationOutbox.id, [...ids]), eq(notificationOutbox.status, 'PENDING')));
}

/** Releases the claim and sets the next attempt; ignored if another worker claimed the row since. */
export async function markRetry(
  db: Database,
  claim: { readonly id: string; readonly attempts: number; readonly error: string; readonly delayMs: number },
): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({
      nextAttemptAt: millisecondsFromNow(claim.delayMs),
      lastError: trimError(claim.error),
      lockedUntil: null,
    })
    .where(ownClaim(claim));
}

/**
 * Hands back claims this worker will not deliver (it is stopping): due again at once for the next
 * worker, and the attempt not counted. Fenced like markRetry.
 */
export async function releaseClaims(
  db: Database,
  claims: readonly { readonly id: string; readonly attempts: number }[],
): Promise<void> {
  if (claims.length === 0) return;
  await db
    .update(notificationOutbox)
    .set({ lockedUntil: null, attempts: sql`${notificationOutbox.attempts} - 1` })
    .where(or(...claims.map(ownClaim)));
}

/** Gives up for good. The body goes too: it will never be sent, and its code expires anyway. */
export async function markFailed(
  db: Database,
  claim: { readonly id: string; readonly attempts: number; readonly error: string },
): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({
      status: 'FAILED',
      body: '',
      attachments: null,
      lastError: trimError(claim.error),
      lockedUntil: null,
    })
    .where(ownClaim(claim));
}

export async function countByStatus(db: Database): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .select({ status: notificationOutbox.status, count: sql<number>`count(*)::int` })
    .from(notificationOutbox)
    .groupBy(notificationOutbox.status);
  const counts: Record<OutboxStatus, number> = { PENDING: 0, SENT: 0, FAILED: 0, CANCELLED: 0 };
  for (const row of rows) counts[row.status as OutboxStatus] = Number(row.count);
  return counts;
}

function ownClaim(claim: { readonly id: string; readonly attempts: number }) {
  return and(
    eq(notificationOutbox.id, claim.id),
    eq(notificationOutbox.status, 'PENDING'),
    eq(notificationOutbox.attempts, claim.attempts),
  );
}

function trimError(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > LAST_ERROR_MAX_LENGTH ? `${oneLine.slice(0, LAST_ERROR_MAX_LENGTH - 1)}…` : oneLine;
}
