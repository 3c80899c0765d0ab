import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getJson, spawnServer, waitUntilReady } from '../support/server-process.ts';

/** PGlite has no lock between processes; ours makes a second opener fail clearly (issue 3, item 3). */
const dataDir = mkdtempSync(join(tmpdir(), 'mpaspor-lock-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('when a second process opens a data directory that is in use', () => {
  it('then it exits with a clear error and the directory stays intact for its owner and after', async () => {
    const owner = await spawnServer({ env: { DATA_DIR: dataDir } });
    try {
      await waitUntilReady(owner);
      await fetch(`${owner.url}/sim/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMinutes: 45 }),
      });

      const intruder = await spawnServer({ env: { DATA_DIR: dataDir } });
      expect(await intruder.exited).toBe(1);
      expect(intruder.output()).toContain(
        `The data directory ${dataDir} is in use by another M-Paspor process`,
      );
      expect(intruder.output()).toContain(`pid ${owner.child.pid}`);

      expect((await fetch(`${owner.url}/readyz`)).status).toBe(200);
      expect((await getJson<{ offsetMinutes: number }>(`${owner.url}/sim/clock`)).offsetMinutes).toBe(45);
    } finally {
      expect(await owner.stop()).toBe(0);
    }

    const next = await spawnServer({ env: { DATA_DIR: dataDir } });
    try {
      await waitUntilReady(next);
      expect((await getJson<{ offsetMinutes: number }>(`${next.url}/sim/clock`)).offsetMinutes).toBe(45);
    } finally {
      expect(await next.stop()).toBe(0);
    }
  });

  it('then a lock left by a process that died is taken over', async () => {
    const crashed = await spawnServer({ env: { DATA_DIR: dataDir } });
    await waitUntilReady(crashed);
    await crashed.stop('SIGKILL');
    const next = await spawnServer({ env: { DATA_DIR: dataDir } });
    try {
      await waitUntilReady(next);
    } finally {
      expect(await next.stop()).toBe(0);
    }
  });
});
