import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Transactional outbox (module: notifications): written in the same transaction as the event it tells
 * about, delivered by workers that claim rows with FOR UPDATE SKIP LOCKED. The row id is the message's
 * idempotency key (the e-mail Message-ID). The body is erased once delivered: it may hold a one-time code.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    language: text('language').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    /** Business time (the injected clock): not before this instant. */
    deliverAfter: instant('deliver_after').notNull(),
    /** Real time: retry backoff and the lease of the worker holding the row. */
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    lockedUntil: instant('locked_until'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
    /** Groups messages that can be withdrawn together (e.g. a payment reminder once paid). */
    topic: text('topic'),
    /** Files sent with an e-mail (a payment receipt): [{ filename, contentType, content }]; erased with the body. */
    attachments: jsonb('attachments'),
  },
  (t) => [
    check('notification_outbox_channel_valid', sql`${t.channel} in ('EMAIL', 'SMS')`),
    check('notification_outbox_status_valid', sql`${t.status} in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')`),
    index('notification_outbox_topic_idx').on(t.topic),
    index('notification_outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
