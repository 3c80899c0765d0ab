import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpSimponi, type HttpSimponiOptions } from './http-simponi.ts';
import { SimponiUnavailableError, type SimponiBillingRequest } from './simponi.port.ts';

/**
 * The real adapter against real HTTP servers on this machine (no mocks of fetch): the README's wire
 * contract, retries, timeouts and the circuit breaker as a caller would experience them.
 */
const USER = 'mpaspor';
const PASSWORD = 'rahasia';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const CODE = '820261125000017';
const PAYER = 'Siti Rahma';
const request: SimponiBillingRequest = {
  reference: '0b9f6a1e-5d1c-4e0a-9d59-2f8a3f6c1a11',
  description: 'Paspor MP2026-00000123',
  amount: 650_000,
  expiresAt: new Date('2026-11-25T05:00:00.000Z'),
  payerName: PAYER,
  satker: '418237',
};
const paidAnswer = {
  status: 'SUDAH_BAYAR',
  pembayaran: {
    idPembayaran: 'pay-1',
    jumlah: 650_000,
    kanal: 'MOBILE_BANKING',
    waktuBayar: '2026-11-25T03:10:00.000Z',
    ntpn: 'A1B2C3D4E5F6G7H8',
    ntb: 'MB000000123456',
  },
};

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly authorization: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly body: Record<string, unknown> | null;
}
type Handler = (request: Received, response: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function startSimponi(handler: Handler) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const header = req.headers['idempotency-key'];
      const request = {
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        idempotencyKey: typeof header === 'string' ? header : undefined,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      };
      received.push(request);
      handler(request, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/simponi`, received };
}

function reply(res: ServerResponse, status: number, body?: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** A SIMPONI that knows one billing code, paid, and issues CODE for any billing request. */
const simponi: Handler = (request, res) => {
  if (request.authorization !== BASIC) return reply(res, 401, { pesan: 'unauthorized' });
  if (request.method === 'POST' && request.url === '/simponi/billing') {
    return reply(res, 201, { kodeBilling: CODE, kedaluwarsa: request.body?.kedaluwarsa });
  }
  if (request.url === `/simponi/billing/${CODE}`) return reply(res, 200, paidAnswer);
  if (request.url === '/simponi/billing/820261125000025') return reply(res, 200, { status: 'BELUM_BAYAR' });
  reply(res, 404, { pesan: 'Kode billing tidak ditemukan' });
};

const noWait = async () => {};

function adapter(url: string, options: Partial<HttpSimponiOptions> = {}) {
  return createHttpSimponi({
    url,
    user: USER,
    password: PASSWORD,
    timeoutMs: 1_000,
    sleep: noWait,
    ...options,
  });
}

async function unavailability(promise: Promise<unknown>): Promise<SimponiUnavailableError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SimponiUnavailableError);
  const unavailable = error as SimponiUnavailableError;
  // Personal data stays out of errors, which end up in logs (UU 27/2022).
  expect(unavailable.message).not.toContain(PAYER);
  return unavailable;
}

describe('createHttpSimponi against a working SIMPONI', () => {
  it('when a billing is requested, then the wire request carries Basic auth and the Idempotency-Key, and the code comes back', async () => {
    const server = await startSimponi(simponi);
    await expect(adapter(server.url).createBilling(request)).resolves.toEqual({
      billingCode: CODE,
      expiresAt: request.expiresAt,
    });
    expect(server.received).toEqual([
      {
        method: 'POST',
        url: '/simponi/billing',
        authorization: BASIC,
        idempotencyKey: request.reference,
        body: {
          referensi: request.reference,
          uraian: 'Paspor MP2026-00000123',
          jumlah: 650_000,
          kedaluwarsa: '2026-11-25T05:00:00.000Z',
          namaWajibBayar: PAYER,
          kodeSatker: '418237',
        },
      },
    ]);
  });

  it('when SUDAH_BAYAR, then PAID with the payment mapped to the port', async () => {
    const server = await startSimponi(simponi);
    await expect(adapter(`${server.url}/`).getPaymentStatus(CODE)).resolves.toEqual({
      status: 'PAID',
      payment: {
        paymentId: 'pay-1',
        billingCode: CODE,
        amount: 650_000,
        channel: 'MOBILE_BANKING',
        paidAt: new Date('2026-11-25T03:10:00.000Z'),
        ntpn: 'A1B2C3D4E5F6G7H8',
        ntb: 'MB000000123456',
      },
    });
    expect(server.received[0]).toMatchObject({ method: 'GET', url: `/simponi/billing/${CODE}` });
  });

  it('when BELUM_BAYAR, then UNPAID; when 404, then NOT_FOUND', async () => {
    const server = await startSimponi(simponi);
    const port = adapter(server.url);
    await expect(port.getPaymentStatus('820261125000025')).resolves.toEqual({ status: 'UNPAID' });
    await expect(port.getPaymentStatus('820261125000033')).resolves.toEqual({ status: 'NOT_FOUND' });
  });
});

describe('createHttpSimponi when SIMPONI misbehaves', () => {
  it('when it answers 503 twice and then 201, then the billing is created by the third attempt, with the same key each time', async () => {
    let calls = 0;
    const server = await startSimponi((received, res) =>
      ++calls <= 2 ? reply(res, 503, { pesan: 'sibuk' }) : simponi(received, res),
    );
    const pauses: number[] = [];
    const sleep = async (ms: number) => void pauses.push(ms);
    await expect(adapter(server.url, { sleep }).createBilling(request)).resolves.toMatchObject({
      billingCode: CODE,
    });
    expect(server.received.map((r) => r.idempotencyKey)).toEqual(Array(3).fill(request.reference));
    expect(pauses).toHaveLength(2);
    expect(pauses[1]).toBeGreaterThan(pauses[0] ?? Infinity);
  });

  it('when a status lookup meets 500 then 200, then the retried answer counts', async () => {
    let calls = 0;
    const server = await startSimponi((received, res) =>
      ++calls === 1 ? reply(res, 500) : simponi(received, res),
    );
    await expect(adapter(server.url).getPaymentStatus(CODE)).resolves.toMatchObject({ status: 'PAID' });
    expect(server.received).toHaveLength(2);
  });

  it('when it never answers, then each call times out as unavailable, and once the breaker opens calls fail in milliseconds', async () => {
    const server = await startSimponi(() => {});
    const port = adapter(server.url, {
      timeoutMs: 100,
      retries: 1,
      breaker: { failureThreshold: 2, coolDownMs: 60_000 },
    });
    for (let call = 1; call <= 2; call++) {
      const started = performance.now();
      await unavailability(port.getPaymentStatus(CODE));
      expect(performance.now() - started).toBeGreaterThanOrEqual(190); // two attempts of 100 ms
    }
    expect(server.received).toHaveLength(4);

    const started = performance.now();
    const error = await unavailability(port.createBilling(request));
    expect(performance.now() - started).toBeLessThan(50);
    expect(error.message).toContain('circuit open');
    expect(server.received).toHaveLength(4);
  });

  it('when it refuses our credentials (401), then unavailable, not retried, naming the settings to check', async () => {
    const server = await startSimponi(simponi);
    const error = await unavailability(adapter(server.url, { password: 'salah' }).createBilling(request));
    expect(error.message).toContain('SIMPONI_PASSWORD');
    expect(server.received).toHaveLength(1);
  });

  it('when it refuses a billing request (422), then unavailable without a retry, and such refusals never open the breaker', async () => {
    const server = await startSimponi((_, res) => reply(res, 422, { pesan: 'satker tidak dikenal' }));
    const port = adapter(server.url, { breaker: { failureThreshold: 2 } });
    for (let call = 1; call <= 4; call++) await unavailability(port.createBilling(request));
    expect(server.received).toHaveLength(4);
  });

  it('when nothing listens on the port, then unavailable, quickly', async () => {
    const closed = await startSimponi(simponi);
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const started = performance.now();
    await unavailability(adapter(closed.url, { retries: 2 }).getPaymentStatus(CODE));
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('when it answers 200 in another shape, then unavailable rather than a guessed status', async () => {
    const server = await startSimponi((_, res) => reply(res, 200, { status: 'SUDAH_BAYAR' }));
    await unavailability(adapter(server.url).getPaymentStatus(CODE));
    const garbled = await startSimponi((_, res) => res.end('<html>pemeliharaan</html>'));
    await unavailability(adapter(garbled.url).createBilling(request));
  });
});
