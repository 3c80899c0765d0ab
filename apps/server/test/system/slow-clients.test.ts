import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, waitUntilReady, type ServerProcess } from '../support/server-process.ts';

/**
 * Slow and greedy clients (issue 18): a client that drips its headers or its body is cut off by the
 * headers and request timeouts instead of holding a socket forever, connections beyond the cap are
 * closed at once, and ordinary requests are answered all the while. Raw sockets, a real server process
 * with small limits (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, MAX_CONNECTIONS).
 */
const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 3_000;
const MAX_CONNECTIONS = 20;
/** One byte this often: a slow-loris client. */
const DRIP_MS = 300;
/** How late a cut may come: the first byte starts the clock, the server checks every 250 ms, CI is busy. */
const SLACK_MS = 1_500;

const dataDir = mkdtempSync(join(tmpdir(), 'mpaspor-slow-clients-'));
let server: ServerProcess;

beforeAll(async () => {
  server = await spawnServer({
    env: {
      DATA_DIR: dataDir,
      HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      MAX_CONNECTIONS: String(MAX_CONNECTIONS),
    },
  });
  await waitUntilReady(server);
});

afterAll(async () => {
  if (server) await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 10_000))]);
  server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What a raw connection saw: what the server wrote, and when (after connecting) it was closed. */
interface Seen {
  readonly received: string;
  readonly closedAfterMs: number;
}

/**
 * Connects, writes `head` at once, then drips `drip` one byte every DRIP_MS until the server closes
 * the connection (or `giveUpMs` passes: then the connection is closed here and `closedAfterMs` is
 * Infinity).
 */
function dripClient(head: string, drip: string, giveUpMs: number): Promise<Seen> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    let started = 0;
    let i = 0;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => finish(Infinity), giveUpMs);
    const finish = (closedAfterMs: number) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ received, closedAfterMs });
    };
    socket.on('connect', () => {
      started = performance.now();
      if (head) socket.write(head);
      timer = setInterval(() => {
        if (!socket.writable) return;
        socket.write(drip[i++ % drip.length]!);
      }, DRIP_MS);
    });
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined); // a reset is one way of being cut off
    socket.on('close', () => finish(performance.now() - started));
  });
}

/** An ordinary request on a connection of its own: the status, and how long it took. */
function normalRequest(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(`${server.url}/healthz`, { agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

/** Normal requests every 250 ms until `until` settles. */
async function normalRequestsDuring(until: Promise<unknown>): Promise<{ status: number; ms: number }[]> {
  const answers: { status: number; ms: number }[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    answers.push(await normalRequest());
    await new Promise((r) => setTimeout(r, 250));
  }
  return answers;
}

/**
 * A keep-alive connection that asks for /healthz once and then stays open, idle; or the connection
 * the server closed without a word because the cap was reached.
 */
function idleConnection(): Promise<{ socket: Socket; answered: boolean; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    const started = performance.now();
    let settled = false;
    const settle = (answered: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ socket, answered, closedAfterMs: answered ? NaN : performance.now() - started });
    };
    socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    socket.on('data', (chunk: Buffer) => {
      if (chunk.toString('latin1').startsWith('HTTP/1.1 200')) settle(true);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => settle(false));
  });
}

describe('when clients are slow or hold many connections', () => {
  it('then a client dripping its headers is cut off by the headers timeout, one dripping its body by the request timeout, and others are answered meanwhile', async () => {
    const headersDrip = dripClient(
      '',
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(500)}`,
      HEADERS_TIMEOUT_MS + 8_000,
    );
    const body = JSON.stringify({ email: 'lambat@contoh.id', note: 'b'.repeat(2_000) });
    const bodyDrip = dripClient(
      'POST /api/v1/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      body,
      REQUEST_TIMEOUT_MS + 8_000,
    );
    const both = Promise.all([headersDrip, bodyDrip]);
    const [[headers, bodySeen], normal] = await Promise.all([both, normalRequestsDuring(both)]);

    console.log(
      `slow clients: headers drip cut after ${Math.round(headers.closedAfterMs)} ms ` +
        `(HEADERS_TIMEOUT_MS ${HEADERS_TIMEOUT_MS}), body drip cut after ${Math.round(bodySeen.closedAfterMs)} ms ` +
        `(REQUEST_TIMEOUT_MS ${REQUEST_TIMEOUT_MS}); ${normal.length} normal requests meanwhile, ` +
        `slowest ${Math.round(Math.max(...normal.map((n) => n.ms)))} ms`,
    );
    // Cut off, never answered as if the request were whole: a 408 problem document when the socket
    // still takes one (Bahasa Indonesia: no request, no language to read), else a bare close.
    for (const seen of [headers, bodySeen]) {
      expect(seen.received.slice(0, 12)).toMatch(/^(HTTP\/1\.1 408)?$/);
      if (seen.received !== '') {
        expect(seen.received).toContain('Content-Type: application/problem+json');
        expect(seen.received).toContain('"code":"REQUEST_TIMEOUT"');
      }
    }
    expect(headers.received).not.toBe('');
    expect(headers.closedAfterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(headers.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
    // Its headers were whole at once: the headers timeout no longer applies, the request timeout does.
    expect(bodySeen.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(bodySeen.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
    expect(normal.length).toBeGreaterThan(3);
    expect(normal.map((n) => n.status)).toEqual(normal.map(() => 200));
    expect(Math.max(...normal.map((n) => n.ms))).toBeLessThan(1_000);
  });

  it('then connections beyond MAX_CONNECTIONS are closed at once, and once they go the server answers again', async () => {
    const extra = 5;
    const opened = await Promise.all(Array.from({ length: MAX_CONNECTIONS + extra }, () => idleConnection()));
    try {
      const held = opened.filter((c) => c.answered);
      const dropped = opened.filter((c) => !c.answered);
      // While the cap is full, one more is closed without an answer, promptly.
      const another = await idleConnection();
      another.socket.destroy();
      console.log(
        `slow clients: ${opened.length + 1} connections opened with MAX_CONNECTIONS ${MAX_CONNECTIONS}: ` +
          `${held.length} held, ${dropped.length + (another.answered ? 0 : 1)} closed unanswered ` +
          `within ${Math.round(Math.max(another.closedAfterMs, ...dropped.map((c) => c.closedAfterMs)))} ms`,
      );
      // Another client's idle keep-alive connection (this test's readiness check) may take a place.
      expect(held.length).toBeLessThanOrEqual(MAX_CONNECTIONS);
      expect(held.length).toBeGreaterThanOrEqual(MAX_CONNECTIONS - 2);
      expect(dropped.length).toBeGreaterThanOrEqual(extra);
      expect(another.answered).toBe(false);
      for (const c of [...dropped, another]) expect(c.closedAfterMs).toBeLessThan(1_000);
    } finally {
      for (const c of opened) c.socket.destroy();
    }

    // The held sockets are gone: ordinary requests are answered again, at once.
    let answer = await normalRequest();
    for (let tries = 0; answer.status !== 200 && tries < 20; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await normalRequest();
    }
    expect(answer.status).toBe(200);
    const after = await Promise.all(Array.from({ length: 5 }, () => normalRequest()));
    expect(after.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(server.child.exitCode).toBeNull();
    // Operators see the refusals: nothing else records a socket closed before its request.
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const refused = Number(/^http_connections_refused_total (\d+)/m.exec(metrics)?.[1]);
    expect(refused).toBeGreaterThanOrEqual(extra + 1);
  });
});
