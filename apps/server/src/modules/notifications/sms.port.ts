/** Port: SMS delivery through an HTTP gateway. Adapters: http-sms.ts and the simulation's dev mailbox. */
export interface OutgoingSms {
  /** The outbox row id: sent as the gateway's idempotency key. */
  readonly messageId: string;
  /** E.164, e.g. +6281234567890. */
  readonly to: string;
  readonly text: string;
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<void>;
}
