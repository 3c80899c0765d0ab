import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { urgently } from '../platform/urgency.ts';
import { orderCheckouts } from './checkout-order.ts';

/** A stand-in for pg.Pool: hands out numbered clients at once and counts what is out. */
function fakePool() {
  let next = 0;
  const state = { out: 0, most: 0 };
  const pool = {
    async connect() {
      state.out++;
      state.most = Math.max(state.most, state.out);
      const client = { id: ++next, release: () => void state.out-- };
      return client as unknown as pg.PoolClient;
    },
  };
  return { pool: pool as unknown as pg.Pool, state };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('orderCheckouts (issue 14: admitted submits before the crowd’s reads)', () => {
  it('serves urgent checkouts first when every connection is out, the others in arrival order', async () => {
    const { pool, state } = fakePool();
    orderCheckouts(pool, 1, 5_000);
    const held = await pool.connect();
    const served: string[] = [];
    const take = (name: string) =>
      pool.connect().then((client) => {
        served.push(name);
        client.release();
      });
    const all = [take('read 1'), urgently(() => take('submit')), take('read 2')];
    await tick();
    expect(served).toEqual([]);
    held.release();
    await Promise.all(all);
    expect(served).toEqual(['submit', 'read 1', 'read 2']);
    expect(state.most).toBe(1);
    expect(state.out).toBe(0);
  });

  it('serves pg’s callback form (Pool.query) too, and a second release gives back one place only', async () => {
    const { pool } = fakePool();
    const order = orderCheckouts(pool, 2, 5_000);
    const client = await new Promise<pg.PoolClient>((resolve, reject) =>
      pool.connect((error, c) => (error ? reject(error) : resolve(c!))),
    );
    client.release();
    client.release();
    const [a, b] = await Promise.all([pool.connect(), pool.connect()]);
    const third = pool.connect();
    await tick();
    expect(order.waiting()).toBe(1);
    a.release();
    (await third).release();
    b.release();
    expect(order.waiting()).toBe(0);
  });

  it('fails a checkout that waited too long with the pool’s own message, and forgets it', async () => {
    const { pool } = fakePool();
    const order = orderCheckouts(pool, 1, 30);
    const held = await pool.connect();
    await expect(pool.connect()).rejects.toThrow('timeout exceeded when trying to connect');
    expect(order.waiting()).toBe(0);
    held.release();
    (await pool.connect()).release();
  });
});
