import { describe, expect, it } from 'vitest';
import { spawnServer } from '../support/server-process.ts';

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
});
