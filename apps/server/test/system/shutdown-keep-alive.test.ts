import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, waitUntilReady } from '../support/server-process.ts';

/**
 * A rolling deploy (issue 18): SIGTERM while a client keeps an idle keep-alive connection open must
 * not wait for that client until SHUTDOWN_TIMEOUT_MS and exit 1; the server closes idle connections
 * and exits 0 at once.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'mpaspor-keep-alive-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function get(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('when the server is stopped while keep-alive clients hold idle connections', () => {
  it('then it exits 0 well within the shutdown budget', async () => {
    const server = await spawnServer({ env: { DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '10000' } });
    const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000, maxSockets: 4 });
    try {
      await waitUntilReady(server);
      await Promise.all([1, 2, 3].map(() => get(`${server.url}/api/v1/offices?q=Bandung`, agent)));
      const started = Date.now();
      const code = await server.stop('SIGTERM');
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      agent.destroy();
      server.kill();
    }
  });
});
