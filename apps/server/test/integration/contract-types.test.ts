import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../contract/generate.ts';
import { demoOfficers } from '../support/visit.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The OpenAPI document as partners generate clients from it: the committed client types are what
 * the live document generates (so a test typed against them breaks when an operation changes), and
 * every operation names itself, says how it is authenticated and how it fails.
 */
interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes: Record<string, { name?: string }>;
  };
}

let t: TestApp;
let doc: Document;
beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );

describe('the committed client types (apps/server/test/contract/api-types.ts)', () => {
  it('when generated again from the live document, then they are the same', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    expect(await generateApiTypes({ ...doc }), 'stale: run node scripts/generate-api-client.ts').toBe(
      committed,
    );
  });
});

describe('every operation of the document', () => {
  it('has a unique camelCase operationId, a summary, a security requirement and problem+json errors', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.length).toBeGreaterThan(50);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations()) {
      const where = `${method} ${path}`;
      expect(operation.operationId, where).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(operation.summary, where).toBeTruthy();
      expect(Array.isArray(operation.security), where).toBe(true);
      for (const range of ['4XX', '5XX']) {
        expect(Object.keys(operation.responses[range]?.content ?? {}), where).toEqual([
          'application/problem+json',
        ]);
      }
    }
  });

  it('is secured as its route is: applicant, officer, the SIMPONI signature, or nothing', () => {
    const security = (path: string, method: string) => doc.paths[path]?.[method]?.security;
    expect(security('/api/v1/me', 'get')).toEqual([{ applicantBearer: [] }, { applicantCookie: [] }]);
    expect(security('/api/v1/applications', 'post')).toEqual([
      { applicantBearer: [] },
      { applicantCookie: [], csrfToken: [] },
    ]);
    expect(security('/api/v1/officer/queue', 'get')).toEqual([{ officerBearer: [] }, { officerCookie: [] }]);
    expect(security('/api/v1/webhooks/simponi', 'post')).toEqual([{ simponiSignature: [] }]);
    expect(security('/api/v1/offices', 'get')).toEqual([]);
    expect(security('/api/v1/sessions', 'post')).toEqual([]);
    expect(security('/sim/clock', 'get')).toEqual([]);
  });

  it('names the problems to expect: 401 when it is secured, 422 when it takes input', () => {
    const statuses = (path: string, method: string) =>
      Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses('/api/v1/me', 'get')).toEqual(['200', '401', '4XX', '5XX']);
    expect(statuses('/api/v1/offices', 'get')).toEqual(['200', '422', '4XX', '5XX']);
    expect(statuses('/api/v1/webhooks/simponi', 'post')).toEqual(['200', '401', '422', '4XX', '5XX']);
    expect(statuses('/api/v1/applications/{id}/submit', 'post')).toEqual(['200', '401', '422', '4XX', '5XX']);
  });

  it('refers to every component schema it holds, and holds every one it refers to', () => {
    const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas: {} } });
    const schemas = JSON.stringify(doc.components.schemas);
    const referred = new Set(
      [...`${text}${schemas}`.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]),
    );
    expect([...referred].sort()).toEqual(Object.keys(doc.components.schemas).sort());
  });
});

describe('the cookie security schemes', () => {
  it('name the cookie the officer log-in really sets', async () => {
    const [officer] = await demoOfficers(t.app);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/officer/sessions',
      payload: { username: officer!.username, password: officer!.password },
    });
    expect(login.statusCode).toBe(201);
    const names = login.cookies.map((cookie) => cookie.name);
    expect(names).toContain(doc.components.securitySchemes.officerCookie?.name);
  });
});
