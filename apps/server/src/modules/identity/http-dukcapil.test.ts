import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DukcapilUnavailableError, type ResidentBiodata } from './dukcapil.port.ts';
import { createHttpDukcapil, type HttpDukcapilOptions } from './http-dukcapil.ts';

/**
 * The real adapter against real HTTP servers on this machine (no mocks of fetch): the README's wire
 * contract, retries, timeouts and the circuit breaker as a caller would experience them.
 */
const NIK = '3273056010900009';
const siti: ResidentBiodata = {
  fullName: 'Siti Rahma',
  dateOfBirth: '1990-10-20',
  placeOfBirth: 'Bandung',
  sex: 'F',
};
const USER = 'mpaspor';
const PASSWORD = 'rahasia';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly authorization: string | undefined;
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

async function startDukcapil(handler: Handler) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const request = {
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      };
      received.push(request);
      handler(request, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api`, received };
}

function reply(res: ServerResponse, status: number, body?: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** A registry that knows one resident and checks fields exactly, as the contract describes. */
const registry: Handler = (request, res) => {
  if (request.authorization !== BASIC) return reply(res, 401, { pesan: 'unauthorized' });
  const body = request.body ?? {};
  if (body.nik !== NIK) return reply(res, 200, { ditemukan: false, hasil: null });
  const verdict = (field: string, registered: string) =>
    body[field] === registered ? 'SESUAI' : 'TIDAK SESUAI';
  reply(res, 200, {
    ditemukan: true,
    hasil: {
      namaLengkap: verdict('namaLengkap', 'Siti Rahma'),
      tanggalLahir: verdict('tanggalLahir', '1990-10-20'),
      tempatLahir: verdict('tempatLahir', 'Bandung'),
      jenisKelamin: verdict('jenisKelamin', 'PEREMPUAN'),
    },
  });
};

const noWait = async () => {};

function adapter(url: string, options: Partial<HttpDukcapilOptions> = {}) {
  return createHttpDukcapil({
    url,
    user: USER,
    password: PASSWORD,
    timeoutMs: 1_000,
    sleep: noWait,
    ...options,
  });
}

async function unavailability(promise: Promise<unknown>): Promise<DukcapilUnavailableError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DukcapilUnavailableError);
  const unavailable = error as DukcapilUnavailableError;
  // Personal data stays out of errors, which end up in logs (UU 27/2022).
  expect(unavailable.message).not.toContain(NIK);
  return unavailable;
}

describe('createHttpDukcapil against a working Dukcapil', () => {
  it('when the biodata matches, then match; the request follows the wire contract with Basic auth', async () => {
    const dukcapil = await startDukcapil(registry);
    await expect(adapter(dukcapil.url).verifyResident(NIK, siti)).resolves.toEqual({ result: 'match' });
    expect(dukcapil.received).toEqual([
      {
        method: 'POST',
        url: '/api/verifikasi',
        authorization: BASIC,
        body: {
          nik: NIK,
          namaLengkap: 'Siti Rahma',
          tanggalLahir: '1990-10-20',
          tempatLahir: 'Bandung',
          jenisKelamin: 'PEREMPUAN',
        },
      },
    ]);
  });

  it('when fields are TIDAK SESUAI, then mismatch lists exactly those fields', async () => {
    const dukcapil = await startDukcapil(registry);
    const changed = { ...siti, placeOfBirth: 'Bogor', sex: 'M' as const };
    await expect(adapter(`${dukcapil.url}/`).verifyResident(NIK, changed)).resolves.toEqual({
      result: 'mismatch',
      fields: ['placeOfBirth', 'sex'],
    });
  });

  it('when ditemukan is false, then not_found', async () => {
    const dukcapil = await startDukcapil(registry);
    await expect(adapter(dukcapil.url).verifyResident('3273052010900001', siti)).resolves.toEqual({
      result: 'not_found',
    });
  });
});

describe('createHttpDukcapil when Dukcapil misbehaves', () => {
  it('when it answers 500 twice and then 200, then the third attempt’s answer counts, after growing pauses', async () => {
    let calls = 0;
    const dukcapil = await startDukcapil((request, res) =>
      ++calls <= 2 ? reply(res, 500, { pesan: 'error' }) : registry(request, res),
    );
    const pauses: number[] = [];
    const sleep = async (ms: number) => void pauses.push(ms);
    await expect(adapter(dukcapil.url, { sleep }).verifyResident(NIK, siti)).resolves.toEqual({
      result: 'match',
    });
    expect(dukcapil.received).toHaveLength(3);
    // Exponential backoff with jitter: the second pause is drawn from a range twice as high.
    expect(pauses).toHaveLength(2);
    expect(pauses[0]).toBeGreaterThanOrEqual(50);
    expect(pauses[0]).toBeLessThanOrEqual(100);
    expect(pauses[1]).toBeGreaterThanOrEqual(100);
    expect(pauses[1]).toBeLessThanOrEqual(200);
  });

  it('when it never answers, then each call times out as unavailable, and once the breaker opens calls fail in milliseconds', async () => {
    const dukcapil = await startDukcapil(() => {});
    const port = adapter(dukcapil.url, {
      timeoutMs: 100,
      retries: 1,
      breaker: { failureThreshold: 2, coolDownMs: 60_000 },
    });
    for (let call = 1; call <= 2; call++) {
      const started = performance.now();
      await unavailability(port.verifyResident(NIK, siti));
      expect(performance.now() - started).toBeGreaterThanOrEqual(190); // two attempts of 100 ms
    }
    expect(dukcapil.received).toHaveLength(4);

    const started = performance.now();
    const error = await unavailability(port.verifyResident(NIK, siti));
    expect(performance.now() - started).toBeLessThan(50);
    expect(error.message).toContain('circuit open');
    expect(dukcapil.received).toHaveLength(4);
  });

  it('when nothing listens on the port (ECONNREFUSED), then unavailable, quickly', async () => {
    const closed = await startDukcapil(registry);
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const started = performance.now();
    await unavailability(adapter(closed.url, { retries: 2 }).verifyResident(NIK, siti));
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('when it answers 400, then unavailable without a retry, and such refusals never open the breaker', async () => {
    const dukcapil = await startDukcapil((_, res) => reply(res, 400, { pesan: 'format salah' }));
    const port = adapter(dukcapil.url, { breaker: { failureThreshold: 2 } });
    for (let call = 1; call <= 5; call++) await unavailability(port.verifyResident(NIK, siti));
    expect(dukcapil.received).toHaveLength(5);
  });

  it('when it refuses our credentials (401), then unavailable, not retried, naming the settings to check', async () => {
    const dukcapil = await startDukcapil(registry);
    const error = await unavailability(
      adapter(dukcapil.url, { password: 'salah' }).verifyResident(NIK, siti),
    );
    expect(error.message).toContain('DUKCAPIL_PASSWORD');
    expect(dukcapil.received).toHaveLength(1);
  });

  it('when it answers 200 in another shape, then unavailable rather than a guessed verdict', async () => {
    const dukcapil = await startDukcapil((_, res) => reply(res, 200, { ditemukan: true }));
    await unavailability(adapter(dukcapil.url).verifyResident(NIK, siti));
    const garbled = await startDukcapil((_, res) => res.end('<html>maintenance</html>'));
    await unavailability(adapter(garbled.url).verifyResident(NIK, siti));
  });
});

describe('createHttpDukcapil asking for the family record (issue 15)', () => {
  const family: Handler = (request, res) => {
    if (request.authorization !== BASIC) return reply(res, 401, { pesan: 'unauthorized' });
    if (request.url !== '/api/data-keluarga') return reply(res, 404, {});
    if (request.body?.nik !== NIK) return reply(res, 200, { ditemukan: false });
    if (request.body?.nik === NIK)
      reply(res, 200, {
        ditemukan: true,
        noKK: '3273050101100001',
        tanggalLahir: '1990-10-20',
        statusKawin: 'KAWIN',
        telepon: '+6281234567890',
        email: null,
      });
  };

  it('when the NIK is known, then its card, marital status and verified contact; unknown → null', async () => {
    const { url, received } = await startDukcapil(family);
    await expect(adapter(url).residentRecord(NIK)).resolves.toEqual({
      familyCardNumber: '3273050101100001',
      dateOfBirth: '1990-10-20',
      married: true,
      maritalStatus: 'KAWIN',
      // An answer without the issue-16 fields reads as "not recorded" and "single citizenship".
      marriageDate: null,
      familyRelation: null,
      fatherNik: null,
      motherNik: null,
      dualCitizenship: false,
      phone: '+6281234567890',
      email: null,
    });
    expect(received[0]).toMatchObject({ method: 'POST', body: { nik: NIK } });
    await expect(adapter(url).residentRecord('3273056010900001')).resolves.toBeNull();
  });

  it('when the registry sends the marriage date, KK relation, parents and dual citizenship (issue 16), then they are read', async () => {
    const { url } = await startDukcapil((_request, res) =>
      reply(res, 200, {
        ditemukan: true,
        noKK: '3273050101100001',
        tanggalLahir: '2012-04-02',
        statusKawin: 'BELUM KAWIN',
        tanggalKawin: null,
        hubunganKeluarga: 'ANAK',
        nikAyah: '3273050101800001',
        nikIbu: '3273054101820001',
        kewarganegaraanGanda: true,
        telepon: null,
      }),
    );
    await expect(adapter(url).residentRecord(NIK)).resolves.toMatchObject({
      married: false,
      maritalStatus: 'BELUM_KAWIN',
      familyRelation: 'ANAK',
      fatherNik: '3273050101800001',
      motherNik: '3273054101820001',
      dualCitizenship: true,
    });
  });

  it('when the relation is a value the contract does not know, then unavailable (not trusted)', async () => {
    const { url } = await startDukcapil((_request, res) =>
      reply(res, 200, {
        ditemukan: true,
        noKK: '3273050101100001',
        tanggalLahir: '1990-10-20',
        statusKawin: 'KAWIN',
        hubunganKeluarga: 'TETANGGA',
      }),
    );
    await unavailability(adapter(url).residentRecord(NIK));
  });

  it('when "found" comes without the card, then unavailable (not trusted), without personal data', async () => {
    const { url } = await startDukcapil((_request, res) => reply(res, 200, { ditemukan: true }));
    await unavailability(adapter(url).residentRecord(NIK));
  });
});
