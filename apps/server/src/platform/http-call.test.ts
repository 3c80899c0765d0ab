import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithRetry, HttpCallError } from './http-call.ts';

/** A partner that accepts the connection and never answers. */
let hanging: Server;
let url: string;
beforeAll(async () => {
  hanging = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  hanging.closeAllConnections();
  await new Promise((resolve) => hanging.close(resolve));
});

describe('a call to a partner that hangs (issue 18)', () => {
  it('when the call has a budget, then every attempt and the retries end inside it', async () => {
    const started = Date.now();
    const failed = await fetchWithRetry(url, {}, { timeoutMs: 1_000, retries: 5, budgetMs: 1_500 }).catch(
      (error: unknown) => error,
    );
    const took = Date.now() - started;
    expect(failed).toBeInstanceOf(HttpCallError);
    expect((failed as HttpCallError).failure).toBe('timeout');
    // Six attempts of a second each would be ≥ 6 s; the budget cuts it at 1.5 s.
    expect(took).toBeGreaterThanOrEqual(1_000);
    expect(took).toBeLessThan(2_500);
  });
});
