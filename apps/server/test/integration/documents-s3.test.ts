import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import {
  BlobNotFoundError,
  createDocumentsService,
  createS3BlobStore,
  parseKeyring,
  type DocumentsService,
  type S3BlobStore,
} from '../../src/modules/documents/index.ts';
import { bytesOf, insertDraftApplication } from '../support/documents.ts';
import { jpegWithGps, minimalPdf, pdfWithImage, shellScript } from '../support/files.ts';
import { openTestDatabase } from '../support/test-database.ts';

/** The S3 adapter against a real S3-compatible HTTP server (s3rver), started for this file. */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
}) => S3rverInstance;
// s3rver ships no types; required through createRequire so that it is typed here, once.
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

const BUCKET = 'mpaspor-scans';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
let db: DatabaseHandle;
let s3Dir: string;
let server: S3rverInstance;
let store: S3BlobStore;
let raw: S3Client;
let documents: DocumentsService;

beforeAll(async () => {
  db = await openTestDatabase();
  s3Dir = await mkdtemp(join(tmpdir(), 'mpaspor-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  store = createS3BlobStore({
    endpoint,
    region: 'us-east-1',
    bucket: BUCKET,
    forcePathStyle: true,
    ...credentials,
  });
  await store.ensureBucket();
  await store.ensureBucket();
  raw = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  documents = createDocumentsService({
    db: db.db,
    blobStore: store,
    keyring: parseKeyring(`s3-test:${randomBytes(32).toString('base64')}`),
    maxBytes: 10 * 1024 * 1024,
  });
});
afterAll(async () => {
  store.destroy();
  raw.destroy();
  await server.close();
  await db.close();
  await rm(s3Dir, { recursive: true, force: true });
});

async function storeScan(id: string, file: Buffer, kind = 'KTP_EL') {
  const blob = await documents.writeBlob(Readable.from([file]), {});
  await db.db.transaction((tx) => documents.recordScan(tx, id, kind, blob, new Date()));
  return blob;
}

async function readScan(id: string, kind = 'KTP_EL') {
  const opened = await documents.openScan(id, kind);
  if (!opened) throw new Error('scan not found');
  return { scan: opened.scan, bytes: await bytesOf(opened.stream) };
}

async function rawObject(key: string): Promise<Buffer> {
  const { Body } = await raw.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return bytesOf(Body as Readable);
}

async function objectKeys(): Promise<string[]> {
  const listed = await raw.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '');
}

describe('when scans are kept in S3', () => {
  it('when a photo is stored, then it reads back decrypted and without its EXIF', async () => {
    const id = await insertDraftApplication(db.db);
    await storeScan(id, jpegWithGps());
    const { scan, bytes } = await readScan(id);
    expect(bytes.includes('GPS')).toBe(false);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(scan.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('when the object is read raw from the bucket, then it is ciphertext, not the scan', async () => {
    const id = await insertDraftApplication(db.db);
    const blob = await storeScan(id, minimalPdf());
    const object = await rawObject(blob.storageKey);
    expect(object.subarray(0, 4).toString('latin1')).toBe('MPB1');
    expect(object.includes('%PDF')).toBe(false);
    expect(object.equals((await readScan(id)).bytes)).toBe(false);
  });

  it('when a file is larger than one 5 MiB part, then it streams up in parts and reads back whole', async () => {
    const id = await insertDraftApplication(db.db);
    const pdf = pdfWithImage(randomBytes(7 * 1024 * 1024));
    const blob = await documents.writeBlob(
      Readable.from([pdf.subarray(0, 3_000_000), pdf.subarray(3_000_000)]),
      {},
    );
    await db.db.transaction((tx) => documents.recordScan(tx, id, 'KTP_EL', blob, new Date()));
    expect((await readScan(id)).bytes.equals(pdf)).toBe(true);
  });

  it('when an upload is refused, then nothing is left in the bucket', async () => {
    const before = await objectKeys();
    await expect(documents.writeBlob(Readable.from([shellScript]), {})).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    const oversized = Readable.from([pdfWithImage(randomBytes(11 * 1024 * 1024))]);
    await expect(documents.writeBlob(oversized, {})).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(await objectKeys()).toEqual(before);
  });

  it('when a blob is deleted, then it is gone, and reading it gives BlobNotFoundError', async () => {
    const blob = await documents.writeBlob(Readable.from([minimalPdf()]), {});
    expect(await objectKeys()).toContain(blob.storageKey);
    await documents.deleteBlob(blob.storageKey);
    await documents.deleteBlob(blob.storageKey);
    expect(await objectKeys()).not.toContain(blob.storageKey);
    await expect(store.get(blob.storageKey)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('when a key was never stored, then get gives BlobNotFoundError', async () => {
    await expect(store.get(randomBytes(16).toString('hex'))).rejects.toBeInstanceOf(BlobNotFoundError);
  });
});
