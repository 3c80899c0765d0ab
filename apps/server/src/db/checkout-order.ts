import type pg from 'pg';
import { createGate } from '../platform/gate.ts';
import { isUrgent } from '../platform/urgency.ts';

/**
 * The pool's connections in order of urgency: when all `max` are out, an urgent checkout
 * (`platform/urgency.ts`) is served before the others waiting, which keep their arrival order. A
 * pool's own queue is first come first served, so at a release instant every admitted submit's
 * statements waited behind thousands of ticket reads. Waiting is bounded as the pool's own was: after
 * `timeoutMs` the checkout fails with the pool's message.
 */
export function orderCheckouts(pool: pg.Pool, max: number, timeoutMs: number): { waiting(): number } {
  const checkout = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const gate = createGate(max);
  const timeout = { ms: timeoutMs, error: () => new Error('timeout exceeded when trying to connect') };

  const connect = async (): Promise<pg.PoolClient> => {
    const leave = await gate.enter({ first: isUrgent(), timeout });
    let client: pg.PoolClient;
    try {
      client = await checkout();
    } catch (error) {
      leave();
      throw error;
    }
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      leave();
      return release(error);
    };
    return client;
  };

  // pg's Pool.query checks out through this.connect with a callback; transactions use the promise.
  pool.connect = ((callback?: (error?: Error, client?: pg.PoolClient, done?: () => void) => void) => {
    const client = connect();
    if (!callback) return client;
    client.then(
      (c) => callback(undefined, c, () => c.release()),
      (error: Error) => callback(error),
    );
    return undefined;
  }) as typeof pool.connect;
  return { waiting: () => gate.load().waiting };
}
