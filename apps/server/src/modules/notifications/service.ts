import type { Language } from '#shared/i18n.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { MailAttachment } from './mail.port.ts';
import * as repository from './repository.ts';
import {
  renderTemplate,
  type TemplateChannel,
  type TemplateName,
  type TemplateVariables,
} from './templates.ts';

/** One variant per template, so the variables and the channel are checked against the template. */
export type EnqueueRequest = {
  readonly [T in TemplateName]: {
    readonly channel: TemplateChannel<T>;
    /** An e-mail address, or an E.164 phone number (+62…) for SMS. */
    readonly to: string;
    readonly template: T;
    /** The account's language. */
    readonly language: Language;
    readonly variables: TemplateVariables[T];
    /** Business time (the injected clock); now when absent. */
    readonly deliverAfter?: Date;
    /** Lets the caller withdraw the message while it is not sent yet (see `withdraw`). */
    readonly topic?: string;
    /** E-mail only: files sent with it (a payment receipt). */
    readonly attachments?: readonly MailAttachment[];
  };
}[TemplateName];

export interface NotificationService {
  /**
   * Renders the message and writes it to the outbox through `db`, the caller's transaction: the
   * message exists if and only if the event it tells about committed.
   */
  enqueue(db: Database, request: EnqueueRequest): Promise<{ readonly id: string }>;
  /** Like `enqueue` for many messages (a batch of submits), rendered first and written in one statement. */
  enqueueMany(db: Database, requests: readonly EnqueueRequest[]): Promise<void>;
  /** Withdraws the unsent messages of a topic, in the caller's transaction; returns how many. */
  withdraw(db: Database, topic: string): Promise<number>;
  /** Messages in the outbox by status, for operators (a growing PENDING count means trouble). */
  backlog(): Promise<Record<repository.OutboxStatus, number>>;
}

export interface NotificationServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** Usually the in-process worker's `wake`: a hint to deliver soon instead of at the next poll. */
  readonly wake?: () => void;
}

const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

export function createNotificationService(deps: NotificationServiceDeps): NotificationService {
  return {
    async enqueue(db, request) {
      const id = await repository.insertMessage(db, outboxMessage(request, deps.clock.now()));
      deps.wake?.();
      return { id };
    },
    async enqueueMany(db, requests) {
      const now = deps.clock.now();
      await repository.insertMessages(
        db,
        requests.map((request) => outboxMessage(request, now)),
      );
      if (requests.length > 0) deps.wake?.();
    },
    withdraw: (db, topic) => repository.cancelPendingByTopic(db, topic),
    backlog: () => repository.countByStatus(deps.db),
  };
}

function outboxMessage(request: EnqueueRequest, now: Date): repository.NewOutboxMessage {
  checkRecipient(request);
  const { template, channel, language, variables } = request;
  const rendered = renderTemplate(template, channel, language, variables);
  return {
    channel,
    recipient: request.to,
    template,
    language,
    subject: rendered.subject,
    body: rendered.body,
    deliverAfter: request.deliverAfter ?? now,
    createdAt: now,
    topic: request.topic ?? null,
    attachments: request.attachments && request.attachments.length > 0 ? [...request.attachments] : null,
  };
}

/** A bad recipient is a programming error upstream: refuse it rather than retry it eight times. */
function checkRecipient(request: EnqueueRequest): void {
  const valid = request.channel === 'SMS' ? E164.test(request.to) : EMAIL_ADDRESS.test(request.to);
  if (!valid) throw new Error(`The ${request.channel} recipient is not valid for the outbox`);
  if (request.channel === 'SMS' && request.attachments?.length)
    throw new Error('An SMS cannot carry attachments');
}
