import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession } from '../support/accounts.ts';
import { jpegWithGps, minimalPdf, shellScript } from '../support/files.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Scans uploaded to a draft (issue 5; API.md PUT/GET /applications/{id}/documents/{kind}). */
let smtp: TestSmtpServer;
let t: TestApp;
let owner: Awaited<ReturnType<typeof registeredSession>>;
let draftId: string;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, uploadMaxBytes: 5 * 1024 * 1024 } });
  owner = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
  draftId = await newDraft();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const as = (session: { token: string }) => ({ authorization: `Bearer ${session.token}` });

async function newDraft(): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers: as(owner),
    payload: {
      type: 'NEW',
      product: 'ELECTRONIC_5Y',
      applicant: applicantOf(takeResident(adultWithoutPassport)),
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

const put = (
  id: string,
  kind: string,
  payload: Buffer | Readable,
  contentType = 'image/jpeg',
  session = owner,
) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/applications/${id}/documents/${kind}`,
    headers: { ...as(session), 'content-type': contentType },
    payload,
  });

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(t.config.blobs.dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('when a photo with GPS data is uploaded', () => {
  it('then it is stored without its EXIF, and the owner gets back exactly what is stored', async () => {
    const photo = jpegWithGps();
    const response = await put(draftId, 'KTP_EL', photo);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      kind: 'KTP_EL',
      contentType: 'image/jpeg',
      uploadedAt: t.clock.now().toISOString(),
    });
    expect(body.size).toBeLessThan(photo.length);

    const download = await t.app.inject({
      url: `/api/v1/applications/${draftId}/documents/KTP_EL`,
      headers: as(owner),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['cache-control']).toBe('private, no-store');
    const stored = download.rawPayload;
    expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(stored.includes(Buffer.from('Exif'))).toBe(false);
    expect(stored.includes(Buffer.from('GPS'))).toBe(false);
    expect(stored.length).toBe(body.size);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(body.sha256);

    const application = (
      await t.app.inject({ url: `/api/v1/applications/${draftId}`, headers: as(owner) })
    ).json();
    expect(application.requirements.find((r: { kind: string }) => r.kind === 'KTP_EL').uploaded).toBe(true);
    expect(application.documents).toEqual([expect.objectContaining({ kind: 'KTP_EL', size: body.size })]);
  });

  it('then the file on disk is ciphertext', async () => {
    for (const file of await storedFiles()) {
      const { readFile } = await import('node:fs/promises');
      const bytes = await readFile(file);
      expect(bytes.includes(Buffer.from('JFIF'))).toBe(false);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    }
  });
});

describe('when a file is not what it says', () => {
  it('then a shell script sent as image/jpeg is 415 and nothing is stored', async () => {
    const before = await storedFiles();
    const response = await put(draftId, 'KARTU_KELUARGA', shellScript, 'image/jpeg');
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await storedFiles()).toEqual(before);
  });
});

describe('when a file is larger than 5 MB', () => {
  it('then 6 MB is 413 FILE_TOO_LARGE and nothing is stored, whether or not the length was declared', async () => {
    const before = await storedFiles();
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    const declared = await put(draftId, 'KARTU_KELUARGA', big, 'application/pdf');
    expect(declared.statusCode).toBe(413);
    expect(declared.json().code).toBe('FILE_TOO_LARGE');
    const streamed = await put(
      draftId,
      'KARTU_KELUARGA',
      Readable.from([big.subarray(0, 1 << 20), big.subarray(1 << 20)]),
      'application/pdf',
    );
    expect(streamed.statusCode).toBe(413);
    expect(await storedFiles()).toEqual(before);
  });
});

describe('uploading in other ways', () => {
  it('accepts multipart form data with the field "file", and replaces an earlier scan of a draft', async () => {
    const boundary = '----mpaspor';
    const pdf = minimalPdf();
    const multipart = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kk.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const first = await put(
      draftId,
      'IDENTITY_PROOF',
      multipart,
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ contentType: 'application/pdf', size: pdf.length });
    const filesAfterFirst = (await storedFiles()).length;
    const second = await put(draftId, 'IDENTITY_PROOF', jpegWithGps(500));
    expect(second.statusCode).toBe(201);
    expect((await storedFiles()).length).toBe(filesAfterFirst);
    const download = await t.app.inject({
      url: `/api/v1/applications/${draftId}/documents/IDENTITY_PROOF`,
      headers: as(owner),
    });
    expect(download.headers['content-type']).toBe('image/jpeg');
  });
});

describe('when the document does not belong', () => {
  it('then a kind the application does not need is 422 DOCUMENT_NOT_REQUIRED', async () => {
    const response = await put(draftId, 'POLICE_LOSS_REPORT', minimalPdf(), 'application/pdf');
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('DOCUMENT_NOT_REQUIRED');
  });

  it('then another account gets 404 for the upload and the file', async () => {
    const stranger = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    expect((await put(draftId, 'KARTU_KELUARGA', jpegWithGps(), 'image/jpeg', stranger)).statusCode).toBe(
      404,
    );
    const download = await t.app.inject({
      url: `/api/v1/applications/${draftId}/documents/KTP_EL`,
      headers: as(stranger),
    });
    expect(download.statusCode).toBe(404);
    expect(download.json().code).toBe('NOT_FOUND');
  });

  it('then a cancelled application takes no more uploads (409 INVALID_STATE)', async () => {
    const id = await newDraft();
    await t.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/cancel`, headers: as(owner) });
    const response = await put(id, 'KTP_EL', jpegWithGps());
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('INVALID_STATE');
  });
});
