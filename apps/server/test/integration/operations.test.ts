import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** /healthz, /readyz, /metrics, OpenAPI and the docs UI (issue 3, item 4). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('answers /healthz with ok and /readyz once the database answers', async () => {
    const health = await t.app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.db.kind, rateLimits: 'database' });
  });

  it('answers /readyz with 503 when the database does not answer', async () => {
    const broken: DatabaseHandle = {
      ...t.db,
      ping: () => Promise.reject(new Error('connection refused')),
    };
    const other = await createTestApp({ db: broken });
    try {
      const response = await other.app.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        detail: 'Basis data belum menjawab.',
      });
      expect((await other.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('metrics', () => {
  it('exposes HTTP latency by route template and the database pool', async () => {
    await t.app.inject({ url: '/sim/dukcapil/residents?limit=1' });
    await t.app.inject({ url: '/no/such/route' });
    const response = await t.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.body;
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/sim\/dukcapil\/residents",status_code="200"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1/,
    );
    expect(text).toMatch(/db_pool_connections\{state="total"\} \d+/);
    expect(text).toContain('process_cpu_seconds_total');
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await t.app.inject({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/metrics', '/sim/clock', '/sim/dukcapil/residents']),
    );
    expect(
      doc.paths['/sim/clock'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('advanceMinutes');
    expect(doc.paths['/healthz'].get.responses).toHaveProperty('4XX');
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.paths).not.toHaveProperty('/api/v1/openapi.json');
  });

  it('serves the docs UI at /api/docs', async () => {
    const response = await t.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('swagger');
  });
});
