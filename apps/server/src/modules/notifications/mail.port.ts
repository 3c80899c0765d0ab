/** Port: e-mail delivery. Adapters: SMTP (smtp-mail.ts) and the simulation's dev mailbox. */
export interface OutgoingEmail {
  /** The outbox row id: used as the Message-ID, so a re-delivery is recognisable as the same message. */
  readonly messageId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments?: readonly MailAttachment[];
}

/** A file sent with an e-mail (a payment receipt), small and textual: kept in the outbox row until sent. */
export interface MailAttachment {
  readonly filename: string;
  /** E.g. `text/plain; charset=utf-8`. */
  readonly contentType: string;
  readonly content: string;
}

export interface MailSender {
  send(email: OutgoingEmail): Promise<void>;
}
