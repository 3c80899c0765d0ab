import type pg from 'pg';
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
  const waiting = { urgent: [] as Waiter[], other: [] as Waiter[] };
  let out = 0;

  const turn = () =>
    new Promise<void>((resolve, reject) => {
      if (out < max) {
        out++;
        return resolve();
      }
      const queue = isUrgent() ? waiting.urgent : waiting.other;
      const waiter: Waiter = {
        go: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(waiter), 1);
        reject(new Error('timeout exceeded when trying to connect'));
      }, timeoutMs);
      queue.push(waiter);
    });

  // The place passes straight to the next waiter: nobody overtakes between a release and its turn.
  const giveBack = () => {
    const next = waiting.urgent.shift() ?? waiting.other.shift();
    if (next) next.go();
    else out--;
  };

  const connect = async (): Promise<pg.PoolClient> => {
    await turn();
    let client: pg.PoolClient;
    try {
      client = await checkout();
    } catch (error) {
      giveBack();
      throw error;
    }
    const release = client.release.bind(client);
    let released = false;
    client.release = (error?: Error | boolean) => {
      if (!released) {
        released = true;
        giveBack();
      }
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
  return { waiting: () => waiting.urgent.length + waiting.other.length };
}

interface Waiter {
  go(): void;
}
