import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer } from '../support/server-process.ts';

/** Start-up refuses bad settings with one message naming each, and exits non-zero (issue 3, item 2). */
describe('when settings are wrong', () => {
  it('then the server lists every bad setting and exits 1', async () => {
    const server = await spawnServer({ env: { PORT: 'eighty', SIMULATION: 'maybe', RATE_LIMIT_SCALE: '0' } });
    expect(await server.exited).toBe(1);
    const output = server.output();
    expect(output).toContain('Invalid configuration (3 problems)');
    for (const name of ['PORT', 'SIMULATION', 'RATE_LIMIT_SCALE']) expect(output).toContain(`  - ${name}: `);
  });

  it('then production refuses simulation, the embedded database and default secrets, saying which', async () => {
    const server = await spawnServer({
      env: { NODE_ENV: 'production', SIMULATION: 'on', SIMPONI_WEBHOOK_SECRET: 'change-me' },
    });
    expect(await server.exited).toBe(1);
    const output = server.output();
    expect(output).toContain('SIMULATION: must be "off" when NODE_ENV=production');
    expect(output).toContain('DATABASE_URL: required when NODE_ENV=production');
    expect(output).toContain('SIMPONI_WEBHOOK_SECRET: a default or short value is refused in production');
  });

  it('then SIMULATION=off without the partners names each missing URL in one message, no stack trace', async () => {
    const server = await spawnServer({ env: { SIMULATION: 'off' } });
    expect(await server.exited).toBe(1);
    const output = server.output();
    expect(output).toContain('Invalid configuration (3 problems)');
    for (const name of ['SMTP_URL', 'DUKCAPIL_URL', 'SIMPONI_URL']) {
      expect(output).toContain(`  - ${name}: required when SIMULATION=off`);
    }
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('then an unreachable PostgreSQL is named as DATABASE_URL, without a stack trace', async () => {
    const port = await freePort();
    const server = await spawnServer({
      env: { DATABASE_URL: `postgres://postgres:hidden@127.0.0.1:${port}/mpaspor`, SIMULATION: 'on' },
    });
    expect(await server.exited).toBe(1);
    const output = server.output();
    expect(output).toContain(
      `DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${port}/mpaspor (ECONNREFUSED)`,
    );
    expect(output).not.toContain('hidden');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('then a port already in use is named as PORT, without a stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const dataDir = await mkdtemp(join(tmpdir(), 'mpaspor-config-'));
    try {
      const server = await spawnServer({ env: { PORT: String(port), DATA_DIR: dataDir } });
      expect(await server.exited).toBe(1);
      const output = server.output();
      expect(output).toContain(`PORT: 127.0.0.1:${port} is already in use by another process`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
