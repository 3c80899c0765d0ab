import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import {
  BlobNotFoundError,
  createDocumentsService,
  createFilesystemBlobStore,
  parseKeyring,
  type DocumentsService,
} from '../../src/modules/documents/index.ts';
import {
  bytesOf,
  documentsUploadApp,
  filesIn,
  formWithFile,
  insertDraftApplication,
} from '../support/documents.ts';
import { jpegWithGps, minimalPdf, shellScript } from '../support/files.ts';
import { openTestDatabase } from '../support/test-database.ts';

/** The documents module on the filesystem store, through an upload route like the applications one. */
const MAX_BYTES = 5 * 1024 * 1024;
const SIX_MB = Buffer.alloc(6 * 1024 * 1024, 0x20);
let db: DatabaseHandle;
let blobDir: string;
let documents: DocumentsService;
let app: FastifyInstance;

beforeAll(async () => {
  db = await openTestDatabase();
  blobDir = await mkdtemp(join(tmpdir(), 'mpaspor-documents-'));
  documents = createDocumentsService({
    db: db.db,
    blobStore: createFilesystemBlobStore(blobDir),
    keyring: parseKeyring(`test-1:${randomBytes(32).toString('base64')}`),
    maxBytes: MAX_BYTES,
  });
  app = await documentsUploadApp(db.db, documents, MAX_BYTES);
});
afterAll(async () => {
  await app.close();
  await db.close();
  await rm(blobDir, { recursive: true, force: true });
});

const put = (id: string, payload: Buffer | Readable, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'PUT',
    url: `/applications/${id}/documents/KTP_EL`,
    headers: { 'content-type': 'image/jpeg', ...headers },
    payload,
  });

async function readScan(service: DocumentsService, id: string, kind = 'KTP_EL') {
  const opened = await service.openScan(id, kind);
  if (!opened) throw new Error('scan not found');
  return { scan: opened.scan, bytes: await bytesOf(opened.stream) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('when a JPEG with GPS EXIF is uploaded', () => {
  let id: string;
  let photo: Buffer;
  beforeAll(async () => {
    id = await insertDraftApplication(db.db);
    photo = jpegWithGps(4_000);
    expect((await put(id, photo)).statusCode).toBe(201);
  });

  it('then it reads back without its Exif and GPS data, matching the recorded size and sha256', async () => {
    const { scan, bytes } = await readScan(documents, id);
    expect(bytes.includes('Exif')).toBe(false);
    expect(bytes.includes('GPS')).toBe(false);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(bytes.length).toBeLessThan(photo.length);
    expect(scan).toMatchObject({
      kind: 'KTP_EL',
      contentType: 'image/jpeg',
      size: bytes.length,
      sha256: sha256(bytes),
    });
    expect(await documents.listScans(id)).toEqual([scan]);
  });

  it('then the file on disk is ciphertext, not the photo', async () => {
    const { bytes } = await readScan(documents, id);
    const stored = await filesIn(blobDir);
    expect(stored).toHaveLength(1);
    const disk = await readFile(stored[0] ?? '');
    expect(disk.subarray(0, 4).toString('latin1')).toBe('MPB1');
    expect(disk.includes(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
    expect(disk.includes('JFIF')).toBe(false);
    expect(disk.includes(bytes.subarray(-64))).toBe(false);
  });

  it('then an altered object on disk makes the read fail instead of returning its bytes', async () => {
    const [path = ''] = await filesIn(blobDir);
    const original = await readFile(path);
    const altered = Buffer.from(original);
    altered[100] = (altered[100] ?? 0) ^ 0xff;
    await writeFile(path, altered);
    try {
      await expect(readScan(documents, id)).rejects.toThrow(/cannot be trusted/);
    } finally {
      await writeFile(path, original);
    }
  });
});

describe('when two stored objects are swapped on disk', () => {
  it('then each scan fails its check against its record instead of showing the other', async () => {
    const [one, two] = [await insertDraftApplication(db.db), await insertDraftApplication(db.db)];
    const a = (await put(one, jpegWithGps())).json();
    const b = (await put(two, jpegWithGps(3_000))).json();
    const files = await filesIn(blobDir);
    const pathOf = (key: string) => files.find((f) => f.endsWith(key)) ?? '';
    const [bytesA, bytesB] = [await readFile(pathOf(a.storageKey)), await readFile(pathOf(b.storageKey))];
    await writeFile(pathOf(a.storageKey), bytesB);
    await writeFile(pathOf(b.storageKey), bytesA);
    await expect(readScan(documents, one)).rejects.toThrow(/does not match its record/);
    await expect(readScan(documents, two)).rejects.toThrow(/does not match its record/);
  });
});

describe('when a file is not what it claims', () => {
  it('when a shell script is sent as image/jpeg, then it is refused 415 and nothing is stored', async () => {
    const before = await filesIn(blobDir);
    const response = await put(await insertDraftApplication(db.db), shellScript, { 'accept-language': 'id' });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: expect.stringMatching(/JPEG, PNG, atau PDF/),
    });
    expect(await filesIn(blobDir)).toEqual(before);
  });

  it('when a PDF is sent as image/jpeg, then it is stored as a PDF', async () => {
    const response = await put(await insertDraftApplication(db.db), minimalPdf());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ contentType: 'application/pdf', size: minimalPdf().length });
  });

  it('when a JPEG is cut off before its image data, then it is refused 415 as damaged', async () => {
    const response = await put(await insertDraftApplication(db.db), jpegWithGps().subarray(0, 40), {
      'accept-language': 'en',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().detail).toMatch(/damaged or incomplete/);
  });
});

describe('when 6 MB are sent and the limit is 5 MB', () => {
  it('when the length is declared, then it is refused 413 without reading the body', async () => {
    const body = new PassThrough();
    await expect(documents.writeBlob(body, { declaredLength: SIX_MB.length })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      detail: { id: expect.stringMatching(/paling besar 5 MB/), en: expect.stringMatching(/at most 5 MB/) },
    });
    expect(body.readableFlowing).toBeNull();
    const before = await filesIn(blobDir);
    const response = await put(await insertDraftApplication(db.db), SIX_MB, {
      'content-length': String(SIX_MB.length),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('FILE_TOO_LARGE');
    expect(await filesIn(blobDir)).toEqual(before);
  });

  it('when it is streamed without a length, then it is refused 413 and nothing is stored', async () => {
    const before = await filesIn(blobDir);
    const pieces = Array.from({ length: 96 }, () => Buffer.alloc(64 * 1024, 0x20));
    const streamed = Readable.from([minimalPdf(), ...pieces]);
    await expect(documents.writeBlob(streamed, {})).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    const response = await put(await insertDraftApplication(db.db), Readable.from([minimalPdf(), ...pieces]));
    expect(response.statusCode).toBe(413);
    expect(await filesIn(blobDir)).toEqual(before);
  });

  it('when it comes in a form, then it is refused 413 and nothing is stored', async () => {
    const before = await filesIn(blobDir);
    const { payload, headers } = formWithFile('file', Buffer.concat([minimalPdf(), SIX_MB]));
    const response = await put(await insertDraftApplication(db.db), payload, headers);
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('FILE_TOO_LARGE');
    expect(await filesIn(blobDir)).toEqual(before);
  });

  it('when exactly 5 MB are sent, then they are accepted', async () => {
    const pdf = Buffer.concat([minimalPdf(), Buffer.alloc(MAX_BYTES - minimalPdf().length, 0x20)]);
    const response = await put(await insertDraftApplication(db.db), pdf, {
      'content-length': String(pdf.length),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().size).toBe(MAX_BYTES);
  });
});

describe('when a scan comes in a form', () => {
  it('when it is in the field "file", then it is stored like a raw upload, without its EXIF', async () => {
    const id = await insertDraftApplication(db.db);
    const { payload, headers } = formWithFile('file', jpegWithGps());
    expect((await put(id, payload, headers)).statusCode).toBe(201);
    expect((await readScan(documents, id)).bytes.includes('GPS')).toBe(false);
  });

  it('when the form has no field "file", then it answers 422 naming the field', async () => {
    const { payload, headers } = formWithFile('photo', jpegWithGps());
    const response = await put(await insertDraftApplication(db.db), payload, headers);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'file' }] });
  });
});

describe('when a scan is replaced', () => {
  it('then recordScan answers the old key, and deleteBlob removes the old object', async () => {
    const id = await insertDraftApplication(db.db);
    const first = (await put(id, jpegWithGps())).json();
    const second = (await put(id, minimalPdf())).json();
    expect(first.replacedStorageKey).toBeNull();
    expect(second.replacedStorageKey).toBe(first.storageKey);
    const stored = () => filesIn(blobDir).then((files) => files.map((f) => f.split('/').at(-1)));
    expect(await stored()).toContain(first.storageKey);
    await documents.deleteBlob(first.storageKey);
    expect(await stored()).not.toContain(first.storageKey);
    expect(await stored()).toContain(second.storageKey);
    expect((await readScan(documents, id)).scan.contentType).toBe('application/pdf');
  });

  it('when two uploads of one kind are recorded at once, then the later one replaces the earlier', async () => {
    const id = await insertDraftApplication(db.db);
    const [first, second] = await Promise.all(
      [1, 2].map(() => documents.writeBlob(Readable.from([minimalPdf()]), {})),
    );
    if (!first || !second) throw new Error('blobs not written');
    let recorded!: () => void;
    const firstRecorded = new Promise<void>((resolve) => (recorded = resolve));
    // The first transaction holds its new row, uncommitted, while the second one tries to insert it too.
    const one = db.db.transaction(async (tx) => {
      const result = await documents.recordScan(tx, id, 'KK', first, new Date());
      recorded();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return result;
    });
    await firstRecorded;
    const two = db.db.transaction((tx) => documents.recordScan(tx, id, 'KK', second, new Date()));
    expect(await one).toEqual({ replacedStorageKey: null });
    expect(await two).toEqual({ replacedStorageKey: first.storageKey });
  });

  it('when the same blob is recorded again, then nothing is reported as replaced', async () => {
    const id = await insertDraftApplication(db.db);
    const blob = await documents.writeBlob(Readable.from([minimalPdf()]), {});
    await db.db.transaction((tx) => documents.recordScan(tx, id, 'KK', blob, new Date()));
    const again = await db.db.transaction((tx) => documents.recordScan(tx, id, 'KK', blob, new Date()));
    expect(again.replacedStorageKey).toBeNull();
  });
});

describe('when a blob is missing', () => {
  it('then the store says BlobNotFoundError, and opening a recorded scan fails loudly', async () => {
    const id = await insertDraftApplication(db.db);
    const { storageKey } = (await put(id, minimalPdf())).json();
    await documents.deleteBlob(storageKey);
    await expect(createFilesystemBlobStore(blobDir).get(storageKey)).rejects.toBeInstanceOf(
      BlobNotFoundError,
    );
    await expect(documents.openScan(id, 'KTP_EL')).rejects.toThrow(/blob is missing/);
    expect(await documents.openScan(id, 'KK')).toBeNull();
  });

  it('then keys that could leave the blob directory are refused', async () => {
    const store = createFilesystemBlobStore(blobDir);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/hex/);
    await expect(store.put('..', Readable.from([Buffer.from('x')]))).rejects.toThrow(/hex/);
  });
});

describe('over a real connection', () => {
  it('when an upload is refused while it is still arriving, then the client receives the problem', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `${address}/applications/${await insertDraftApplication(db.db)}/documents/KTP_EL`;
    // A Buffer goes with its Content-Length; a stream goes chunked, its length unknown.
    const send = async (body: Buffer | Readable) => {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg' },
        body: body instanceof Readable ? Readable.toWeb(body) : body,
        duplex: 'half',
      } as RequestInit);
      return [response.status, ((await response.json()) as { code: string }).code];
    };
    expect(await send(Buffer.concat([minimalPdf(), SIX_MB]))).toEqual([413, 'FILE_TOO_LARGE']);
    expect(await send(Readable.from([minimalPdf(), SIX_MB]))).toEqual([413, 'FILE_TOO_LARGE']);
    expect(await send(Readable.from([shellScript, SIX_MB]))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});
