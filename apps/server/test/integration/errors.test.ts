import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** RFC 9457 problem details for every kind of bad input (issue 3; API.md "Conventions"). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { bodyLimitBytes: 2048 } });
});
afterAll(() => t.close());

const json = { 'content-type': 'application/json' };

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `/api/v1/problems/${code}` });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

describe('when the body is malformed JSON', () => {
  it('then it answers 400 BAD_REQUEST in Bahasa Indonesia by default', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sim/clock',
      headers: json,
      payload: '{"advanceMinutes":',
    });
    const body = expectProblem(response, 400, 'BAD_REQUEST');
    expect(body.detail).toBe('Isi permintaan bukan JSON yang benar.');
    expect(response.headers['content-language']).toBe('id');
  });

  it('then it answers in English when Accept-Language asks for it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sim/clock',
      headers: { ...json, 'accept-language': 'en-US,en;q=0.9,id;q=0.5' },
      payload: '{not json',
    });
    const body = expectProblem(response, 400, 'BAD_REQUEST');
    expect(body.detail).toBe('The request body is not valid JSON.');
    expect(response.headers['content-language']).toBe('en');
  });
});

describe('when the route does not exist', () => {
  it('then it answers 404 NOT_FOUND as a problem, in both languages', async () => {
    const id = expectProblem(await t.app.inject({ url: '/api/v1/nothing-here' }), 404, 'NOT_FOUND');
    expect(id.title).toBe('Data tidak ditemukan');
    const en = expectProblem(
      await t.app.inject({ url: '/api/v1/nothing-here', headers: { 'accept-language': 'en' } }),
      404,
      'NOT_FOUND',
    );
    expect(en.title).toBe('Not found');
  });

  it('then a wrong method on a known path is also 404', async () => {
    expectProblem(await t.app.inject({ method: 'DELETE', url: '/healthz' }), 404, 'NOT_FOUND');
  });
});

describe('when the body is larger than the limit', () => {
  it('then it answers 413 PAYLOAD_TOO_LARGE and the clock does not move', async () => {
    const before = (await t.app.inject({ url: '/sim/clock' })).json();
    const payload = JSON.stringify({ advanceMinutes: 5, padding: 'x'.repeat(4096) });
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/sim/clock', headers: json, payload }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect((await t.app.inject({ url: '/sim/clock' })).json()).toEqual(before);
  });
});

describe('when fields have the wrong type', () => {
  it('then it answers 422 VALIDATION naming each field, in Indonesian', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sim/clock',
      headers: json,
      payload: { advanceMinutes: 'sixty', unexpected: true },
    });
    const body = expectProblem(response, 422, 'VALIDATION');
    expect(body.errors).toEqual([
      { path: 'advanceMinutes', message: expect.stringContaining('diharapkan number') },
      { path: 'unexpected', message: 'Kolom ini tidak dikenal.' },
    ]);
  });

  it('then the same errors come in English', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sim/clock',
      headers: { ...json, 'accept-language': 'en' },
      payload: {},
    });
    const body = expectProblem(response, 422, 'VALIDATION');
    expect(body.errors).toEqual([{ path: 'advanceMinutes', message: 'Required.' }]);
  });

  it('then a bad query parameter is a 422 as well, and never echoes the input', async () => {
    const response = await t.app.inject({ url: '/sim/dukcapil/residents?limit=3273056010900009x' });
    const body = expectProblem(response, 422, 'VALIDATION');
    expect(JSON.stringify(body)).not.toContain('3273056010900009');
    expect((body.errors as { path: string }[])[0]?.path).toBe('limit');
  });
});

describe('when the content type is not supported', () => {
  it('then it answers 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sim/clock',
      headers: { 'content-type': 'application/x-shockwave-flash' },
      payload: 'data',
    });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('request ids', () => {
  it('keeps a well-formed X-Request-Id from the caller and replaces a hostile one', async () => {
    const kept = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123.abc' } });
    expect(kept.headers['x-request-id']).toBe('trace-123.abc');
    const replaced = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('problem types', () => {
  it('are documented at their type URI', async () => {
    const response = await t.app.inject({ url: '/api/v1/problems/VALIDATION' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      code: 'VALIDATION',
      status: 422,
      title: { id: 'Data yang dikirim belum sesuai', en: 'Some of the submitted data is not valid' },
    });
    expectProblem(await t.app.inject({ url: '/api/v1/problems/NO_SUCH_CODE' }), 404, 'NOT_FOUND');
  });
});
