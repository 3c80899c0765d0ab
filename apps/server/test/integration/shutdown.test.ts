import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.ts';

/** Graceful shutdown: stop accepting, finish in-flight requests (issue 3, item 4). */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('when the app closes while a request is in flight', () => {
  it('then the request completes, new connections are refused, and closing waits for it', async () => {
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    let finishSlow!: () => void;
    const slowGate = new Promise<void>((resolve) => (finishSlow = resolve));
    const t = await createTestApp({
      extend(app) {
        app.get('/test/slow', async () => {
          markStarted();
          await slowGate;
          return { finished: true };
        });
      },
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;

    const inFlight = get(port, '/test/slow');
    await started;
    let closed = false;
    const closing = t.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false);
    await expect(get(port, '/healthz')).rejects.toThrow(/ECONNREFUSED|ECONNRESET|socket hang up/);

    finishSlow();
    expect(await inFlight).toEqual({ status: 200, body: '{"finished":true}' });
    await closing;
    expect(closed).toBe(true);
  });
});
