import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '../../src/db/database.ts';
import { travelDocuments as travelDocumentsTable } from '../../src/db/schema/travel-documents.ts';
import { createOfficesService } from '../../src/modules/offices/index.ts';
import { simResidents, type Resident } from '../../src/modules/sim/index.ts';
import {
  createTravelDocumentsService,
  type TravelDocumentsService,
} from '../../src/modules/travel-documents/index.ts';
import { FixedClock, SimulatedClock } from '../../src/platform/clock.ts';
import { registeredSession } from '../support/accounts.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { createTestApp, TEST_START, type TestApp } from '../support/test-app.ts';

/** The passport registry and the fee schedule (API.md `GET /travel-documents`, `GET /fees`). */
const TODAY = '2026-11-25'; // TEST_START in Asia/Jakarta
const DAY_MS = 86_400_000;

let smtp: TestSmtpServer;
let db: DatabaseHandle;
let clock: SimulatedClock;
let registry: TravelDocumentsService;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  db = await openTestDatabase();
  clock = new SimulatedClock(0, new FixedClock(TEST_START));
  registry = createTravelDocumentsService({ db: db.db, clock, offices: createOfficesService({ db: db.db }) });
  t = await createTestApp({ db, clock, config: { smtpUrl: smtp.url } });
});
afterAll(async () => {
  await t.close();
  await db.close();
  await smtp.close();
});

const residents = () => simResidents(t.config.simResidents);
const withPassport = (r: Resident) => r.previousPassport !== null;
const allRows = () => db.db.select().from(travelDocumentsTable).orderBy(asc(travelDocumentsTable.number));
/** xmin changes whenever PostgreSQL rewrites a row, even with the same values. */
const rowVersions = () =>
  queryRows<{ number: string; xmin: string }>(
    db.db,
    sql`select number, xmin::text from travel_documents order by number`,
  );
const myPassports = (token?: string) =>
  t.app.inject({
    method: 'GET',
    url: '/api/v1/travel-documents',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('when the simulated registry is seeded', () => {
  it('then twice gives the same rows: one per resident with a previous passport, untouched the second time', async () => {
    const expected = residents().filter(withPassport);
    expect(await registry.seedSimulated(db.db, residents())).toBe(expected.length);
    const first = await allRows();
    const versions = await rowVersions();
    clock.advance(DAY_MS);
    expect(await registry.seedSimulated(db.db, residents())).toBe(expected.length);

    expect(await allRows()).toEqual(first);
    expect(await rowVersions()).toEqual(versions);
    expect(expected.length).toBeGreaterThan(50);
    expect(first.map((row) => row.number)).toEqual(expected.map((r) => r.previousPassport?.number).sort());
    const sample = expected[0]!;
    expect(first.find((row) => row.number === sample.previousPassport?.number)).toMatchObject({
      holderNik: sample.nik,
      holderName: sample.fullName,
      kind: sample.previousPassport?.kind,
      issueDate: sample.previousPassport?.issueDate,
      expiryDate: sample.previousPassport?.expiryDate,
      issuingOfficeCode: sample.previousPassport?.issuingOfficeCode,
      status: 'VALID',
      replacedBy: null,
    });
  });

  it('then a passport past its expiry date reads EXPIRED and one not yet past reads VALID', async () => {
    const holders = residents().filter(withPassport);
    const expired = holders.find((r) => r.previousPassport!.expiryDate < TODAY)!;
    const current = holders.find((r) => r.previousPassport!.expiryDate >= TODAY)!;
    expect((await registry.listByNik(expired.nik)).map((p) => p.status)).toEqual(['EXPIRED']);
    expect((await registry.listByNik(current.nik)).map((p) => p.status)).toEqual(['VALID']);
  });

  it('then a number is found whatever its case and surrounding spaces, with the office name', async () => {
    const holder = residents().find(withPassport)!;
    const passport = holder.previousPassport!;
    const found = await registry.findByNumber(`  ${passport.number.toLowerCase()} `);
    expect(found).toMatchObject({
      number: passport.number,
      holderNik: holder.nik,
      issuingOfficeCode: passport.issuingOfficeCode,
    });
    expect(found?.issuingOffice).toMatch(/^Kantor Imigrasi /);
    expect(await registry.findByNumber('Z9999999')).toBeNull();
  });
});

describe('when a resident asks for their passports', () => {
  const holder = () =>
    takeResident(
      (r) => withPassport(r) && r.previousPassport!.expiryDate < '2026-01-01' && !r.fullName.includes("'"),
    );
  let resident: Resident;
  let session: Awaited<ReturnType<typeof registeredSession>>;
  beforeAll(async () => {
    resident = holder();
    session = await registeredSession(t.app, smtp, {}, resident);
  });

  it('then the holder of a seeded passport sees exactly it, EXPIRED, with the issuing office', async () => {
    const passport = resident.previousPassport!;
    const [office] = (
      await createOfficesService({ db: db.db }).officeNames([passport.issuingOfficeCode])
    ).values();
    const response = await myPassports(session.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      {
        number: passport.number,
        type: passport.kind,
        issueDate: passport.issueDate,
        expiryDate: passport.expiryDate,
        status: 'EXPIRED',
        issuingOffice: office,
        issuingOfficeCode: passport.issuingOfficeCode,
      },
    ]);
  });

  it('then after a new passport replaces it, both are listed newest first, and re-seeding keeps REPLACED', async () => {
    const old = resident.previousPassport!;
    await db.db.transaction(async (tx) => {
      await registry.register(tx, {
        number: 'x7000001',
        type: 'POLYCARBONATE',
        issueDate: TODAY,
        expiryDate: '2036-11-24',
        issuingOfficeCode: old.issuingOfficeCode,
        holderNik: resident.nik,
        holderName: resident.fullName,
      });
      await registry.markReplaced(tx, old.number, 'X7000001');
    });
    await registry.seedSimulated(db.db, residents());

    const listed = (await myPassports(session.token)).json() as { number: string; status: string }[];
    expect(listed.map(({ number, status }) => ({ number, status }))).toEqual([
      { number: 'X7000001', status: 'VALID' },
      { number: old.number, status: 'REPLACED' },
    ]);
    await expect(
      db.db.transaction((tx) => registry.markReplaced(tx, old.number, 'X7000002')),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('then another resident, who has no passport, sees none of them', async () => {
    const other = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const response = await myPassports(other.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
  });

  it('then without a session the answer is 401 UNAUTHENTICATED', async () => {
    const response = await myPassports();
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('when anyone asks for the fees', () => {
  const fees = (language: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/fees', headers: { 'accept-language': language } });
  const pp45 = { legalBasis: 'PP 45/2024', validFrom: '2024-12-17' };

  it('then the PP 45/2024 schedule in force today is answered, labels in Bahasa Indonesia', async () => {
    const response = await fees('id');
    expect(response.statusCode).toBe(200);
    const body = response.json() as { code: string; amount: number; label: string }[];
    expect(body.map(({ code, amount }) => [code, amount])).toEqual([
      ['NON_ELECTRONIC_5Y', 350_000],
      ['NON_ELECTRONIC_10Y', 650_000],
      ['ELECTRONIC_5Y', 650_000],
      ['ELECTRONIC_10Y', 950_000],
      ['POLYCARBONATE_5Y', 650_000],
      ['POLYCARBONATE_10Y', 950_000],
      ['EXPRESS', 1_000_000],
      ['FINE_LOST', 1_000_000],
      ['FINE_DAMAGED', 500_000],
    ]);
    expect(body[0]).toEqual({
      code: 'NON_ELECTRONIC_5Y',
      amount: 350_000,
      label: 'Paspor biasa non-elektronik, masa berlaku 5 tahun',
      ...pp45,
    });
    expect(body).toEqual(body.map(() => expect.objectContaining(pp45)));
  });

  it('then in English the same schedule comes with English labels', async () => {
    const body = (await fees('en-GB,en;q=0.8')).json() as { code: string; label: string }[];
    expect(body).toHaveLength(9);
    expect(body.find((fee) => fee.code === 'EXPRESS')).toEqual({
      code: 'EXPRESS',
      amount: 1_000_000,
      label: 'Express passport service (ready the same day)',
      ...pp45,
    });
  });
});
