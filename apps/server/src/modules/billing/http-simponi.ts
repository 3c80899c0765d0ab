import { createPartnerClient, discard, type PartnerClientOptions } from '../../platform/partner-client.ts';
import {
  SimponiUnavailableError,
  type SimponiBilling,
  type SimponiBillingRequest,
  type SimponiPaymentStatus,
  type SimponiPort,
} from './simponi.port.ts';
import {
  fromWireBilling,
  fromWirePaymentStatus,
  simponiBillingResponseSchema,
  simponiPaymentStatusResponseSchema,
  toWireBillingRequest,
} from './simponi-wire.ts';

/**
 * The real SIMPONI adapter over the README's wire contract (HTTP Basic auth, deadlines, retries and a
 * circuit breaker: platform/partner-client.ts). No error message carries the payer's name (UU 27/2022
 * on personal data).
 */
export type HttpSimponiOptions = PartnerClientOptions;

export function createHttpSimponi(options: HttpSimponiOptions): SimponiPort {
  const client = createPartnerClient(options, {
    name: 'SIMPONI',
    credentialSettings: 'SIMPONI_USER and SIMPONI_PASSWORD',
    inputRefusals: new Set([400, 409, 413, 422]),
    Unavailable: SimponiUnavailableError,
  });
  const { base, headers } = client;

  const createBilling = async (request: SimponiBillingRequest): Promise<SimponiBilling> => {
    const init: RequestInit = {
      method: 'POST',
      // A retry after a timeout may reach SIMPONI twice and would issue two billing codes for one
      // application. The key makes the retry a replay: SIMPONI must honour it (answer the first
      // billing again for the same key), and the simulator does.
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': request.reference },
      body: JSON.stringify(toWireBillingRequest(request)),
    };
    const response = await client.send(`${base}/billing`, init);
    if (response.status === 201 || response.status === 200) return readBilling(response);
    throw await client.refusal(response);
  };

  // A lookup: safe to retry as often as the options allow.
  const getPaymentStatus = async (billingCode: string): Promise<SimponiPaymentStatus> => {
    const url = `${base}/billing/${encodeURIComponent(billingCode)}`;
    const response = await client.send(url, { method: 'GET', headers });
    if (response.status === 200) return readPaymentStatus(billingCode, response);
    if (response.status === 404) {
      await discard(response);
      return { status: 'NOT_FOUND' };
    }
    throw await client.refusal(response);
  };

  // Setting the same deadline twice is harmless: safe to retry.
  const extendBilling = async (billingCode: string, expiresAt: Date): Promise<void> => {
    const response = await client.send(`${base}/billing/${encodeURIComponent(billingCode)}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kedaluwarsa: expiresAt.toISOString() }),
    });
    if (response.status === 200 || response.status === 204 || response.status === 404) {
      await discard(response);
      return;
    }
    throw await client.refusal(response);
  };

  const voidBilling = async (billingCode: string): Promise<void> => {
    const response = await client.send(`${base}/billing/${encodeURIComponent(billingCode)}`, {
      method: 'DELETE',
      headers,
    });
    // 409: already paid — nothing to void; the payment's notification is handled as it comes.
    if ([200, 204, 404, 409].includes(response.status)) {
      await discard(response);
      return;
    }
    throw await client.refusal(response);
  };

  return {
    createBilling: (request) => client.guarded(() => createBilling(request)),
    voidBilling: (billingCode) => client.guarded(() => voidBilling(billingCode)),
    getPaymentStatus: (billingCode) => client.guarded(() => getPaymentStatus(billingCode)),
    extendBilling: (billingCode, expiresAt) => client.guarded(() => extendBilling(billingCode, expiresAt)),
  };
}

async function readBilling(response: Response): Promise<SimponiBilling> {
  const parsed = simponiBillingResponseSchema.safeParse(await response.json());
  if (!parsed.success) throw new SimponiUnavailableError('SIMPONI answered in a shape we do not understand');
  return fromWireBilling(parsed.data);
}

async function readPaymentStatus(billingCode: string, response: Response): Promise<SimponiPaymentStatus> {
  const parsed = simponiPaymentStatusResponseSchema.safeParse(await response.json());
  const status = parsed.success ? fromWirePaymentStatus(billingCode, parsed.data) : null;
  if (!status) throw new SimponiUnavailableError('SIMPONI answered in a shape we do not understand');
  return status;
}
