/** Port: e-mail delivery. Adapters: SMTP (smtp-mail.ts) and the simulation's dev mailbox. */
export interface OutgoingEmail {
  /** The outbox row id: used as the Message-ID, so a re-delivery is recognisable as the same message. */
  readonly messageId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface MailSender {
  send(email: OutgoingEmail): Promise<void>;
}
