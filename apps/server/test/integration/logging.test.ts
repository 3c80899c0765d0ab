import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logging.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** JSON logs with request ids and no personal data (issue 3, item 4). */
const lines: string[] = [];
let t: TestApp;
const nik = '3273056010900009';
const email = 'siti.rahma@example.co.id';
const phone = '081234567890';

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  t = await createTestApp({
    logger: createLogger('info', stream),
    extend(app) {
      app.post('/test/boom', async (request) => {
        throw new Error(`could not register ${JSON.stringify(request.body)}`);
      });
    },
  });
});
afterAll(() => t.close());

describe('request logs', () => {
  it('are JSON lines with the request id and no NIK, e-mail or phone number anywhere', async () => {
    await t.app.inject({ url: `/sim/outbox?to=${encodeURIComponent(email)}&nik=${nik}` });
    await t.app.inject({
      method: 'POST',
      url: '/sim/clock',
      headers: { 'x-request-id': 'req-personal-1' },
      payload: { nik, email, phone },
    });
    const failed = await t.app.inject({ method: 'POST', url: '/test/boom', payload: { nik, email, phone } });
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toMatchObject({ code: 'INTERNAL', status: 500 });
    expect(failed.body).not.toContain(nik);

    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.some((entry) => entry.reqId === 'req-personal-1')).toBe(true);
    expect(parsed.some((entry) => entry.msg === 'unhandled error')).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toContain(nik);
    expect(all).not.toContain(email);
    expect(all).not.toContain(phone);
    expect(all).not.toContain('81234567890');
  });
});
