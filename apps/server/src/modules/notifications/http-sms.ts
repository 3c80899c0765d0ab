import type { OutgoingSms, SmsSender } from './sms.port.ts';

export interface HttpSmsSenderOptions {
  /** The gateway's send endpoint (README.md describes the wire format). */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Keep it under the outbox worker's lease. */
  readonly timeoutMs: number;
}

/**
 * Adapter of the SmsSender port over a JSON HTTP gateway. Anything but a 2xx answer, and no answer
 * in time, throws: the outbox worker retries, and the Idempotency-Key lets the gateway drop a
 * repeat of a message it already took.
 */
export function createHttpSmsSender(options: HttpSmsSenderOptions): SmsSender {
  return {
    async send(sms: OutgoingSms) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${options.token}`,
            'idempotency-key': sms.messageId,
          },
          body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.messageId }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'TimeoutError') {
          throw new Error(`SMS gateway did not answer within ${options.timeoutMs} ms`, { cause: error });
        }
        const detail =
          error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        throw new Error(`SMS gateway unreachable: ${detail}`, { cause: error });
      }
      // The answer's body is not needed (and may echo the number); drain it so the socket is reused.
      await response.body?.cancel();
      if (!response.ok) throw new Error(`SMS gateway answered HTTP ${response.status}`);
    },
  };
}
