import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, waitUntilReady } from '../support/server-process.ts';

/**
 * Redis configured but unreachable (issue 18): log-ins answered at once (no generic 500, no growing
 * delay), rate limits counted in the database meanwhile, and readiness says so.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'mpaspor-redis-down-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('when REDIS_URL names a Redis that does not answer', () => {
  it('then log-ins still answer quickly with their real outcome, and /readyz reports the fallback', async () => {
    const server = await spawnServer({ env: { DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      await waitUntilReady(server);
      const timings: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        const login = await fetch(`${server.url}/api/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'tidak.ada@contoh.id', password: 'kata sandi yang salah' }),
        });
        timings.push(Date.now() - started);
        expect(login.status).toBe(401);
        expect(((await login.json()) as { code: string }).code).toBe('INVALID_CREDENTIALS');
      }
      expect(Math.max(...timings)).toBeLessThan(3_000);
      const ready = (await (await fetch(`${server.url}/readyz`)).json()) as { rateLimits: string };
      expect(ready.rateLimits).toBe('fallback');
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });
});
