import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  simponiBillingRequestSchema,
  toWireBilling,
  type SimponiBilling,
} from '../../src/modules/billing/index.ts';
import {
  dukcapilFamilyRequestSchema,
  dukcapilVerifyRequestSchema,
  fromWireRequest,
  toWireFamily,
  toWireResponse,
} from '../../src/modules/identity/index.ts';
import { createSimDukcapil, simResidents } from '../../src/modules/sim/index.ts';

/**
 * Dukcapil and SIMPONI as real HTTP servers on this machine that misbehave on command (issue 18,
 * "partners failing"). In `ok` mode each speaks its wire contract (the modules' READMEs, through the
 * same schemas the adapters read); otherwise it fails the way real partners and the proxies in front
 * of them do:
 * - `hang`: takes the request and never answers;
 * - `stall`: sends 200 and its headers, then the body never ends;
 * - `error`: HTTP 500;
 * - `html`: HTTP 200 with a maintenance page in HTML (a captive proxy or load balancer);
 * - `wrong-shape`: HTTP 200 with JSON of another shape;
 * - `truncated`: HTTP 200 with JSON cut off half-way (properly framed).
 */
export const failureModes = ['hang', 'stall', 'error', 'html', 'wrong-shape', 'truncated'] as const;
export type PartnerMode = 'ok' | (typeof failureModes)[number];

export const PARTNER_USER = 'mpaspor';
export const PARTNER_PASSWORD = 'rahasia-mitra';
const BASIC = `Basic ${Buffer.from(`${PARTNER_USER}:${PARTNER_PASSWORD}`).toString('base64')}`;

export interface FakePartner {
  /** The base URL to configure (DUKCAPIL_URL or SIMPONI_URL). */
  readonly url: string;
  mode: PartnerMode;
  /** Requests that reached the server, whatever it then did with them. */
  readonly hits: number;
  close(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly body?: unknown;
}

interface PartnerSpec {
  readonly prefix: string;
  /** The contract's answer in `ok` mode. */
  readonly ok: (
    method: string,
    path: string,
    headers: IncomingMessage['headers'],
    body: unknown,
  ) => Answer | Promise<Answer>;
  /** A 200 answer whose JSON the adapter must not trust. */
  readonly wrongShape: unknown;
  /** A well-formed answer, to be cut in half for `truncated`. */
  readonly sample: unknown;
}

const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html lang="id"><head><title>Pemeliharaan</title></head>' +
  '<body><h1>Layanan sedang dalam pemeliharaan</h1></body></html>';

async function startFakePartner(spec: PartnerSpec): Promise<FakePartner> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      respond(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => res.destroy());
    });
  });
  const partner = {
    url: '',
    mode: 'ok' as PartnerMode,
    get hits() {
      return hits;
    },
    async close() {
      // Hanging and stalled answers hold their sockets open: end them, or close() waits for ever.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  async function respond(req: IncomingMessage, res: ServerResponse, text: string) {
    const json = (status: number, body: unknown) => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(payload);
    };
    switch (partner.mode) {
      case 'hang':
        return;
      case 'stall':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"');
        return;
      case 'error':
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(MAINTENANCE_PAGE);
        return;
      case 'wrong-shape':
        return json(200, spec.wrongShape);
      case 'truncated': {
        const whole = JSON.stringify(spec.sample);
        res.writeHead(200, { 'content-type': 'application/json' }).end(whole.slice(0, whole.length / 2));
        return;
      }
      case 'ok': {
        if (req.headers.authorization !== BASIC) return json(401, { pesan: 'Tidak berwenang' });
        const path = (req.url ?? '').startsWith(spec.prefix) ? req.url!.slice(spec.prefix.length) : '';
        const body = parseJson(text);
        if (body === undefined) return json(400, { pesan: 'JSON tidak valid' });
        const answer = await spec.ok(req.method ?? 'GET', path, req.headers, body);
        return json(answer.status, answer.body);
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  partner.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${spec.prefix}`;
  return partner;
}

/** Null for no body, undefined for one that is not JSON. */
function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return undefined;
  }
}

/** Dukcapil: `/verifikasi` and `/data-keluarga` answered from the simulator's synthetic residents. */
export function startFakeDukcapil(residents = 1000): Promise<FakePartner> {
  const registry = createSimDukcapil(simResidents(residents));
  return startFakePartner({
    prefix: '/dukcapil',
    sample: toWireResponse({ result: 'match' }),
    // "Found" without the per-field result: nothing to trust (dukcapil-wire.ts fromWireResponse).
    wrongShape: { ditemukan: true, hasil: null },
    async ok(method, path, _headers, body) {
      if (method === 'POST' && path === '/verifikasi') {
        const request = dukcapilVerifyRequestSchema.safeParse(body);
        if (!request.success) return { status: 400, body: { pesan: 'Permintaan tidak valid' } };
        const { nik, biodata } = fromWireRequest(request.data);
        return { status: 200, body: toWireResponse(await registry.verifyResident(nik, biodata)) };
      }
      if (method === 'POST' && path === '/data-keluarga') {
        const request = dukcapilFamilyRequestSchema.safeParse(body);
        if (!request.success) return { status: 400, body: { pesan: 'Permintaan tidak valid' } };
        return { status: 200, body: toWireFamily(registry.familyRecord(request.data.nik)) };
      }
      return { status: 404, body: { pesan: 'Tidak ditemukan' } };
    },
  });
}

/** SIMPONI: `POST /billing` issues 15-digit codes (replayed per Idempotency-Key); lookups say unpaid. */
export function startFakeSimponi(): Promise<FakePartner & { readonly issued: Map<string, SimponiBilling> }> {
  const issued = new Map<string, SimponiBilling>();
  let serial = 0;
  const byCode = () => new Map([...issued.values()].map((billing) => [billing.billingCode, billing]));
  return startFakePartner({
    prefix: '/simponi',
    sample: { kodeBilling: '820261125000017', kedaluwarsa: '2026-11-25T05:00:00.000Z' },
    wrongShape: { kodeBilling: 'B-17', kedaluwarsa: 'besok' },
    ok(method, path, headers, body) {
      if (method === 'POST' && path === '/billing') {
        const request = simponiBillingRequestSchema.safeParse(body);
        if (!request.success || headers['idempotency-key'] !== request.data.referensi)
          return { status: 400, body: { pesan: 'Permintaan tidak valid' } };
        const replay = issued.get(request.data.referensi);
        const billing = replay ?? {
          billingCode: `8${String(++serial).padStart(14, '0')}`,
          expiresAt: new Date(request.data.kedaluwarsa),
        };
        issued.set(request.data.referensi, billing);
        return { status: replay ? 200 : 201, body: toWireBilling(billing) };
      }
      const code = /^\/billing\/(\d{15})$/.exec(path)?.[1];
      if (!code || !byCode().has(code)) return { status: 404, body: { pesan: 'Kode billing tidak dikenal' } };
      if (method === 'GET') return { status: 200, body: { status: 'BELUM_BAYAR' } };
      return { status: 204 };
    },
  }).then((partner) => Object.assign(partner, { issued }));
}
