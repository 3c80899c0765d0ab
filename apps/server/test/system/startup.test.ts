import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getJson, spawnServer, waitUntilReady } from '../support/server-process.ts';

/** README's first command on a fresh machine: `npm start` on an empty DATA_DIR (issue 3, item 7). */
const dataDir = mkdtempSync(join(tmpdir(), 'mpaspor-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start on an empty data directory', () => {
  it('brings up the API, the web app, the docs and the simulators, and prints the logins', async () => {
    const server = await spawnServer({ via: 'npm-start', env: { DATA_DIR: dataDir } });
    try {
      await waitUntilReady(server, '/healthz');
      await waitUntilReady(server, '/readyz');
      expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({
        status: 'ready',
        database: 'pglite',
        rateLimits: 'database',
      });

      const app = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
      expect(app.status).toBe(200);
      expect(await app.text()).toMatch(/<div id="root"[ >]/);
      const consolePage = await fetch(`${server.url}/console/queue`, { headers: { accept: 'text/html' } });
      expect(await consolePage.text()).toContain('Konsol Petugas');
      expect((await fetch(`${server.url}/api/docs/`)).status).toBe(200);
      expect((await fetch(`${server.url}/sim/officers`)).status).toBe(200);

      const printed = server.output();
      expect(printed).toContain(`Applicant app    ${server.url}/`);
      expect(printed).toContain(`Officer console  ${server.url}/console`);
      expect(printed).toContain(`API docs         ${server.url}/api/docs`);
      expect(printed).toMatch(/spv\.jakarta-selatan\s+[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
      expect(existsSync(join(dataDir, 'mpaspor.lock'))).toBe(true);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect(existsSync(join(dataDir, 'mpaspor.lock'))).toBe(false);
    expect(server.output()).not.toMatch(/"level":(50|60)/);
  });

  it('starts again on the same directory with its data kept', async () => {
    const first = await spawnServer({ env: { DATA_DIR: dataDir } });
    await waitUntilReady(first);
    await fetch(`${first.url}/sim/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMinutes: 30 }),
    });
    const officers = await (await fetch(`${first.url}/sim/officers`)).json();
    expect(await first.stop()).toBe(0);

    const again = await spawnServer({ env: { DATA_DIR: dataDir } });
    try {
      await waitUntilReady(again);
      expect((await getJson<{ offsetMinutes: number }>(`${again.url}/sim/clock`)).offsetMinutes).toBe(30);
      expect(await (await fetch(`${again.url}/sim/officers`)).json()).toEqual(officers);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });
});
