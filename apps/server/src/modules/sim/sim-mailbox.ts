import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { simMailbox } from '../../db/schema/sim.ts';
import type { Clock } from '../../platform/clock.ts';
import { createCoalescer } from '../../platform/coalescer.ts';
import type { MailAttachment, MailSender, SmsSender } from '../notifications/index.ts';

/**
 * The dev mailbox of simulation mode: adapters of the notification ports that "send" by keeping the
 * message in `sim_mailbox`, for `/sim/outbox` to show. A re-delivery by the outbox worker shows up
 * as a second row with the same message id, as it would in a real inbox.
 */
export interface MailboxMessage {
  readonly to: string;
  readonly channel: 'EMAIL' | 'SMS';
  readonly subject: string | null;
  readonly text: string;
  readonly attachments: MailAttachment[];
  /** ISO 8601, in the simulated clock's time. */
  readonly createdAt: string;
}

interface SimSenderDeps {
  readonly db: Database;
  readonly clock: Clock;
}

type MailboxRow = typeof simMailbox.$inferInsert;

/** Messages "sent" together are kept in one statement, as the outbox worker sends them in batches. */
const mailboxWriter = (db: Database) =>
  createCoalescer(async (rows: readonly MailboxRow[]) => {
    await db.insert(simMailbox).values([...rows]);
  });

export function createSimMailSender(deps: SimSenderDeps): MailSender {
  const mailbox = mailboxWriter(deps.db);
  return {
    send: (email) =>
      mailbox.write({
        channel: 'EMAIL',
        recipient: email.to,
        subject: email.subject,
        text: email.text,
        attachments: email.attachments?.length ? [...email.attachments] : null,
        messageId: email.messageId,
        createdAt: deps.clock.now(),
      }),
  };
}

export function createSimSmsSender(deps: SimSenderDeps): SmsSender {
  const mailbox = mailboxWriter(deps.db);
  return {
    send: (sms) =>
      mailbox.write({
        channel: 'SMS',
        recipient: sms.to,
        subject: null,
        text: sms.text,
        messageId: sms.messageId,
        createdAt: deps.clock.now(),
      }),
  };
}

/**
 * Newest first. E-mail addresses match whatever their case, as people type them; phone numbers
 * match exactly (E.164).
 */
export async function listMailbox(
  db: Database,
  query: { readonly to?: string | undefined; readonly limit: number },
): Promise<MailboxMessage[]> {
  const to = query.to;
  const recipientMatches =
    to === undefined
      ? undefined
      : to.includes('@')
        ? sql`lower(${simMailbox.recipient}) = lower(${to})`
        : eq(simMailbox.recipient, to);
  const rows = await db
    .select({
      to: simMailbox.recipient,
      channel: simMailbox.channel,
      subject: simMailbox.subject,
      text: simMailbox.text,
      attachments: simMailbox.attachments,
      createdAt: simMailbox.createdAt,
    })
    .from(simMailbox)
    .where(recipientMatches)
    // Rows written at the same instant keep a stable (if arbitrary) order.
    .orderBy(desc(simMailbox.createdAt), desc(simMailbox.id))
    .limit(query.limit);
  return rows.map((row) => ({
    ...row,
    channel: row.channel === 'SMS' ? 'SMS' : 'EMAIL',
    attachments: (row.attachments as MailAttachment[] | null) ?? [],
    createdAt: row.createdAt.toISOString(),
  }));
}
