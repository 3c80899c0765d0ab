import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession } from '../support/accounts.ts';
import { jpegWithGps } from '../support/files.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, demoOfficers, officerSession } from '../support/visit.ts';

/**
 * Hostile input answered with a clear 4xx and nothing changed (issue 18): NUL characters and lone
 * surrogates (PostgreSQL refuses them: a 500 before), a multipart body without its boundary, a date
 * outside any sane range. Runs on PGlite and on PostgreSQL.
 */
let smtp: TestSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const problem = (response: { statusCode: number; json(): unknown }) => ({
  status: response.statusCode,
  code: (response.json() as { code?: string }).code,
});

describe('when text holds characters PostgreSQL cannot store', () => {
  it('then path, query and body answer 422 VALIDATION naming the field, and no account is made', async () => {
    expect(problem(await t.app.inject({ url: '/api/v1/offices/%00' }))).toEqual({
      status: 422,
      code: 'VALIDATION',
    });
    expect(problem(await t.app.inject({ url: '/api/v1/offices?q=a%00b' }))).toEqual({
      status: 422,
      code: 'VALIDATION',
    });
    const resident = takeResident(adultWithoutPassport);
    const registration = {
      email: 'nul@contoh.id',
      password: 'kata sandi yang cukup panjang',
      phone: '081234567890',
      fullName: `${resident.fullName}\u0000`,
      nik: resident.nik,
      dateOfBirth: resident.dateOfBirth,
      placeOfBirth: resident.placeOfBirth,
      sex: resident.sex,
    };
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: registration });
    expect(problem(refused)).toEqual({ status: 422, code: 'VALIDATION' });
    expect((refused.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('fullName');
    const surrogate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: JSON.stringify({ ...registration, fullName: 'Siti \ud800' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(problem(surrogate)).toEqual({ status: 422, code: 'VALIDATION' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'nul@contoh.id', password: registration.password },
    });
    expect(login.statusCode).toBe(401);
  });
});

describe('when a request is malformed in ways parsers meet', () => {
  it('then a multipart body without its boundary and a date of year 0 answer 4xx, never 500', async () => {
    const applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const upload = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/applications/00000000-0000-4000-8000-000000000000/documents/KTP_EL',
      headers: { ...bearer(applicant), 'content-type': 'multipart/form-data' },
      payload: 'not really multipart',
    });
    expect(upload.statusCode).toBeGreaterThanOrEqual(400);
    expect(upload.statusCode).toBeLessThan(500);
    const spv = await officerSession(
      t.app,
      (await demoOfficers(t.app)).find((o) => o.username === 'spv.bandung')!,
    );
    const ancient = await t.app.inject({
      url: '/api/v1/officer/queue?date=0000-01-01',
      headers: bearer(spv),
    });
    expect(problem(ancient)).toEqual({ status: 422, code: 'VALIDATION' });
    const far = await t.app.inject({ url: '/api/v1/officer/queue?date=9999-12-31', headers: bearer(spv) });
    expect(problem(far)).toEqual({ status: 422, code: 'VALIDATION' });
  });
});

describe('when a hostile file is uploaded as a scan', () => {
  it('then a PNG declaring 100,000 × 100,000 pixels and a PDF with JavaScript are refused and nothing is stored', async () => {
    const resident = takeResident(adultWithoutPassport);
    const applicant = await registeredSession(t.app, smtp, {}, resident);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: bearer(applicant),
      payload: { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(resident) },
    });
    const { id, requiredDocuments } = created.json() as { id: string; requiredDocuments: string[] };
    const kind = requiredDocuments[0]!;
    const header = Buffer.alloc(13);
    header.writeUInt32BE(100_000, 0);
    header.writeUInt32BE(100_000, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, data, Buffer.alloc(4)]);
    };
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', Buffer.alloc(64)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const script = Buffer.from(
      '%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF\n',
    );
    for (const [file, type] of [
      [bomb, 'image/png'],
      [script, 'application/pdf'],
    ] as const) {
      const refused = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/applications/${id}/documents/${kind}`,
        headers: { ...bearer(applicant), 'content-type': type },
        payload: file,
      });
      expect(problem(refused)).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    const view = await t.app.inject({ url: `/api/v1/applications/${id}`, headers: bearer(applicant) });
    expect((view.json() as { documents: unknown[] }).documents).toEqual([]);
  });
});

describe('when files that pretend to be scans are uploaded', () => {
  it('then an SVG and a truncated JPEG are refused, and a JPEG carrying HTML is stored without it and served as a download', async () => {
    const resident = takeResident(adultWithoutPassport);
    const applicant = await registeredSession(t.app, smtp, {}, resident);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: bearer(applicant),
      payload: { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(resident) },
    });
    const { id, requiredDocuments } = created.json() as { id: string; requiredDocuments: string[] };
    const kind = requiredDocuments[0]!;
    const put = (payload: Buffer, type: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/applications/${id}/documents/${kind}`,
        headers: { ...bearer(applicant), 'content-type': type },
        payload,
      });

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(problem(await put(svg, 'image/png'))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const full = jpegWithGps(600);
    const truncated = full.subarray(0, full.indexOf(Buffer.from([0xff, 0xda])));
    expect(problem(await put(truncated, 'image/jpeg'))).toEqual({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });

    // A JPEG whose comment segment is an HTML page: the comment goes with the metadata.
    const html = Buffer.from('<html><body><script>document.cookie</script></body></html>');
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, html.length + 2]), html]);
    const polyglot = Buffer.concat([full.subarray(0, 2), comment, full.subarray(2)]);
    expect((await put(polyglot, 'image/jpeg')).statusCode).toBe(201);
    const served = await t.app.inject({
      url: `/api/v1/applications/${id}/documents/${kind}`,
      headers: bearer(applicant),
    });
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['content-disposition']).toMatch(/^attachment/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.includes(Buffer.from('<script>'))).toBe(false);
  });
});

describe('when one multipart form carries two files', () => {
  it('then only the first is stored, exactly as sent less its metadata, and the second is never read', async () => {
    const resident = takeResident(adultWithoutPassport);
    const applicant = await registeredSession(t.app, smtp, {}, resident);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: bearer(applicant),
      payload: { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(resident) },
    });
    const { id, requiredDocuments } = created.json() as { id: string; requiredDocuments: string[] };
    const kind = requiredDocuments[0]!;
    const boundary = '----mpaspor-two-files';
    const part = (name: string, file: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        file,
        Buffer.from('\r\n'),
      ]);
    const first = jpegWithGps(300);
    const second = jpegWithGps(900);
    const answer = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/applications/${id}/documents/${kind}`,
      headers: { ...bearer(applicant), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        part('a.jpg', first),
        part('b.jpg', second),
        Buffer.from(`--${boundary}--\r\n`),
      ]),
    });
    expect(answer.statusCode).toBe(201);
    const stored = answer.json() as { size: number };
    const view = await t.app.inject({ url: `/api/v1/applications/${id}`, headers: bearer(applicant) });
    const documents = (view.json() as { documents: { size: number }[] }).documents;
    // One scan, and it is the first file: the second, three times larger, was never read.
    expect(documents.map((d) => d.size)).toEqual([stored.size]);
    expect(stored.size).toBeLessThan(first.length);
    expect(stored.size).toBeLessThan(second.length - 500);
  });
});
