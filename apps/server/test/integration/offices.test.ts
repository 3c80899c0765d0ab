import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeView } from '#shared/contracts/offices.ts';
import type { Problem } from '#shared/contracts/problem.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { officeCapabilities } from '../../src/db/schema/offices.ts';
import { createOfficesService, seedOfficeCapabilities } from '../../src/modules/offices/index.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The office directory (API.md `GET /api/v1/offices`, DOMAIN.md "office and slot"). */
const SOUTH_JAKARTA = '-6.2615,106.8106';

let db: DatabaseHandle;
let t: TestApp;

beforeAll(async () => {
  db = await openTestDatabase();
  // Idempotent: a no-op once start-up runs it for the template database.
  await seedOfficeCapabilities(db.db);
  t = await createTestApp({ db });
});
afterAll(async () => {
  await t.close();
  await db.close();
});

async function list(query: Record<string, string> = {}): Promise<OfficeView[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/offices', query });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<OfficeView[]>();
}

const problemFor = async (url: string, query: Record<string, string> = {}) => {
  const response = await t.app.inject({ method: 'GET', url, query });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return { status: response.statusCode, problem: response.json<Problem>() };
};

const codes = (offices: readonly OfficeView[]) => offices.map((o) => o.code);

describe('when the applicant shares a position', () => {
  it('then the nearest office to Warung Buncit comes first: Jakarta Selatan', async () => {
    const [nearest] = await list({ near: SOUTH_JAKARTA });
    expect(nearest).toMatchObject({
      code: 'JAKARTA_SELATAN',
      timeZone: 'Asia/Jakarta',
      timeZoneLabel: 'WIB',
    });
    expect(nearest?.distanceKm).toBeLessThan(5);
  });

  it('then distances ascend, each to 0.1 km', async () => {
    const offices = await list({ near: SOUTH_JAKARTA, limit: '1000' });
    const distances = offices.map((o) => o.distanceKm ?? Number.NaN);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => Number.isFinite(d) && Math.round(d * 10) / 10 === d)).toBe(true);
  });

  it('then a position in Papua finds a WIT office first', async () => {
    const [nearest] = await list({ near: '-2.5337,140.7181' });
    expect(nearest).toMatchObject({ timeZone: 'Asia/Jayapura', timeZoneLabel: 'WIT' });
  });
});

describe('when no position is given', () => {
  it('then offices come by province then name, without distances, 50 by default', async () => {
    const offices = await list();
    expect(offices).toHaveLength(50);
    expect(offices.some((o) => 'distanceKm' in o)).toBe(false);
    const collator = new Intl.Collator('id');
    const keys = offices.map((o) => [o.province, o.name] as const);
    const sorted = [...keys].sort((a, b) => collator.compare(a[0], b[0]) || collator.compare(a[1], b[1]));
    expect(keys).toEqual(sorted);
  });

  it('then limit=1000 returns all 151 offices, in the three zones with their labels', async () => {
    const offices = await list({ limit: '1000' });
    expect(offices).toHaveLength(151);
    const zones = new Map(offices.map((o) => [o.timeZone, o.timeZoneLabel]));
    expect(Object.fromEntries(zones)).toEqual({
      'Asia/Jakarta': 'WIB',
      'Asia/Makassar': 'WITA',
      'Asia/Jayapura': 'WIT',
    });
    expect(offices.filter((o) => o.address === null).length).toBeGreaterThan(0);
  });
});

describe('when the applicant searches by text', () => {
  it('then q=bandung finds Bandung', async () => {
    expect(codes(await list({ q: 'bandung' }))).toContain('BANDUNG');
  });

  it('then case and accents are ignored and every word must match', async () => {
    expect(codes(await list({ q: 'JAKARTA selatan' }))).toEqual(['JAKARTA_SELATAN']);
    expect(codes(await list({ q: '  jakárta   SELÀTAN ' }))).toEqual(['JAKARTA_SELATAN']);
    expect(await list({ q: 'jakarta surabaya' })).toEqual([]);
  });

  it('then the province counts too, and a position still orders the matches', async () => {
    const inPapua = await list({ q: 'papua', near: '-2.5337,140.7181', limit: '1000' });
    expect(inPapua.length).toBeGreaterThan(1);
    expect(inPapua.every((o) => o.province.startsWith('Papua'))).toBe(true);
    expect(inPapua[0]?.distanceKm).toBeLessThan(inPapua[1]?.distanceKm ?? 0);
  });
});

describe('when the query is malformed', () => {
  it.each(['-6.2', 'abc,def', '91,0', '0,181', '-6.2;106.8', '1e1,2', ''])(
    'then near=%j is 422 VALIDATION naming near',
    async (near) => {
      const { status, problem } = await problemFor('/api/v1/offices', { near });
      expect(status).toBe(422);
      expect(problem.code).toBe('VALIDATION');
      expect(problem.errors?.map((e) => e.path)).toEqual(['near']);
    },
  );

  it.each(['0', '1001', 'many'])('then limit=%j is 422 naming limit', async (limit) => {
    const { status, problem } = await problemFor('/api/v1/offices', { limit });
    expect(status).toBe(422);
    expect(problem.errors?.map((e) => e.path)).toEqual(['limit']);
  });
});

describe('the OpenAPI document', () => {
  it('describes the directory with its query parameters and the Office schema', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    const operation = doc.paths['/api/v1/offices'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['limit', 'near', 'q']);
    expect(doc.paths['/api/v1/offices/{code}'].get.responses).toHaveProperty('200');
    expect(doc.components.schemas.Office.properties).toHaveProperty('passportKinds');
  });
});

describe('one office', () => {
  it('when the code exists, then it is answered with its class and passport kinds', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/offices/JAKARTA_SELATAN' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: 'JAKARTA_SELATAN',
      officeClass: 'I Khusus',
      timeZoneLabel: 'WIB',
      passportKinds: ['NON_ELECTRONIC', 'ELECTRONIC', 'POLYCARBONATE'],
    });
    expect(response.json()).not.toHaveProperty('distanceKm');
  });

  it('when the code is unknown, then it is a 404 NOT_FOUND problem', async () => {
    const { status, problem } = await problemFor('/api/v1/offices/NOWHERE');
    expect(status).toBe(404);
    expect(problem.code).toBe('NOT_FOUND');
  });
});

describe('passport kinds by office', () => {
  it('every office issues both booklets; polycarbonate only the ten Kelas I Khusus offices', async () => {
    const offices = await list({ limit: '1000' });
    for (const office of offices) {
      expect(office.passportKinds, office.code).toEqual(
        office.officeClass === 'I Khusus'
          ? ['NON_ELECTRONIC', 'ELECTRONIC', 'POLYCARBONATE']
          : ['NON_ELECTRONIC', 'ELECTRONIC'],
      );
    }
    expect(offices.filter((o) => o.passportKinds.includes('POLYCARBONATE'))).toHaveLength(10);
  });

  it('capabilitiesOf answers the kinds of an office, null for an unknown one', async () => {
    const offices = createOfficesService({ db: db.db });
    expect(await offices.capabilitiesOf('BANDUNG')).toEqual(['NON_ELECTRONIC', 'ELECTRONIC']);
    expect(await offices.capabilitiesOf('NOWHERE')).toBeNull();
  });
});

describe('the start-up seed of passport kinds', () => {
  const rowOf = async (code: string) =>
    (await db.db.select().from(officeCapabilities).where(eq(officeCapabilities.officeCode, code)))[0];
  const allRows = () => db.db.select().from(officeCapabilities).orderBy(officeCapabilities.officeCode);

  it('when run again, then it changes nothing: one row per office', async () => {
    const before = await allRows();
    expect(before).toHaveLength(151);
    expect(await seedOfficeCapabilities(db.db)).toBe(0);
    expect(await allRows()).toEqual(before);
  });

  it('when an office changed its kinds, then the seed keeps them and the directory shows them within 5 s', async () => {
    const original = await rowOf('BATAM');
    await db.db
      .update(officeCapabilities)
      .set({ passportKinds: ['NON_ELECTRONIC'] })
      .where(eq(officeCapabilities.officeCode, 'BATAM'));
    try {
      expect(await seedOfficeCapabilities(db.db)).toBe(0);
      expect((await rowOf('BATAM'))?.passportKinds).toEqual(['NON_ELECTRONIC']);
      // Each process keeps the directory for 5 s (offices/service.ts): the change shows by then.
      const shown = async () =>
        (await t.app.inject({ method: 'GET', url: '/api/v1/offices/BATAM' })).json<OfficeView>()
          .passportKinds;
      await expect.poll(shown, { timeout: 6_000, interval: 250 }).toEqual(['NON_ELECTRONIC']);
    } finally {
      await db.db
        .update(officeCapabilities)
        .set({ passportKinds: original?.passportKinds ?? [] })
        .where(eq(officeCapabilities.officeCode, 'BATAM'));
    }
  });

  it('when an office has no row, then the seed gives it the default for its class', async () => {
    await db.db.delete(officeCapabilities).where(eq(officeCapabilities.officeCode, 'TANGERANG'));
    expect(await seedOfficeCapabilities(db.db)).toBe(1);
    expect((await rowOf('TANGERANG'))?.passportKinds).toEqual([
      'NON_ELECTRONIC',
      'ELECTRONIC',
      'POLYCARBONATE',
    ]);
  });
});
