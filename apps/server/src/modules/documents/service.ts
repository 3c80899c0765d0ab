import { createHash } from 'node:crypto';
import { finished, PassThrough, pipeline as pipelineStreams, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../db/database.ts';
import { DomainError, isDomainError } from '../../platform/errors.ts';
import { isBlobNotFound, newBlobKey, type BlobStore } from './blob-store.port.ts';
import { detectFileType, isScanContentType, type ScanContentType } from './file-type.ts';
import { decryptStream, encryptStream, type Keyring } from './keyring.ts';
import * as repository from './repository.ts';
import { MalformedFileError, sniffAndStripMetadata, type ImageDimensions } from './strip-metadata.ts';

/** A scan's bytes once stored: encrypted in the blob store, not yet recorded against an application. */
export interface ScanBlob {
  readonly storageKey: string;
  readonly encryptionKeyId: string;
  readonly contentType: ScanContentType;
  /** Of the file as stored: after metadata was removed, before encryption. */
  readonly size: number;
  readonly sha256: string;
  /** Pixels, as the image's header declares them; absent for a PDF. */
  readonly dimensions?: ImageDimensions;
}

export interface DocumentScan {
  readonly kind: string;
  readonly contentType: ScanContentType;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedAt: Date;
}

export interface DocumentsService {
  /** Streams an upload into the blob store; on any failure nothing of it stays there. */
  writeBlob(body: Readable, options: { readonly declaredLength?: number | undefined }): Promise<ScanBlob>;
  /**
   * Records the blob as the application's scan of this kind, through `db`, the caller's transaction.
   * Answers the storage key of the scan it replaced: delete that blob once the transaction committed.
   */
  recordScan(
    db: Database,
    applicationId: string,
    kind: string,
    blob: ScanBlob,
    uploadedAt: Date,
  ): Promise<{ readonly replacedStorageKey: string | null }>;
  deleteBlob(storageKey: string): Promise<void>;
  /** Ordered by kind. */
  listScans(applicationId: string): Promise<DocumentScan[]>;
  /** The scan and its decrypted bytes; the stream fails at its end if the object was altered. */
  openScan(applicationId: string, kind: string): Promise<{ scan: DocumentScan; stream: Readable } | null>;
  /**
   * Deletes every scan of the application (the biometric photo too) in `db`, the caller's transaction;
   * answers the blobs' storage keys, to delete with `deleteBlob` once it committed (issue 18).
   */
  forgetScans(db: Database, applicationId: string): Promise<string[]>;
}

export interface DocumentsServiceDeps {
  readonly db: Database;
  readonly blobStore: BlobStore;
  readonly keyring: Keyring;
  /** The largest upload accepted, in bytes, as sent (before metadata is removed). */
  readonly maxBytes: number;
}

export function createDocumentsService(deps: DocumentsServiceDeps): DocumentsService {
  return {
    writeBlob: (body, options) => writeBlob(deps, body, options.declaredLength),

    async recordScan(db, applicationId, kind, blob, uploadedAt) {
      const { storageKey, encryptionKeyId, contentType, size, sha256 } = blob;
      const row = { applicationId, kind, storageKey, encryptionKeyId, contentType, size, sha256, uploadedAt };
      const replaced = await repository.replaceScan(db, row);
      // Recording the same blob twice must not get the caller to delete the live object.
      return { replacedStorageKey: replaced === storageKey ? null : replaced };
    },

    deleteBlob: (storageKey) => deps.blobStore.delete(storageKey),

    forgetScans: (db, applicationId) => repository.deleteScans(db, applicationId),

    async listScans(applicationId) {
      return (await repository.listScans(deps.db, applicationId)).map(toScan);
    },

    async openScan(applicationId, kind) {
      const row = await repository.findScan(deps.db, applicationId, kind);
      if (!row) return null;
      const scan = toScan(row);
      const stored = await deps.blobStore.get(row.storageKey).catch((error: unknown) => {
        if (!isBlobNotFound(error)) throw error;
        throw new Error(
          `The ${kind} scan of application ${applicationId} is recorded but its blob is missing`,
          {
            cause: error,
          },
        );
      });
      // Errors destroy every stage, the returned one included: its consumer sees them.
      const stream = pipelineStreams(stored, decryptStream(deps.keyring), verifyAgainst(scan), () => {});
      return { scan, stream };
    },
  };
}

/**
 * upload → size limit → type check and metadata removal → SHA-256 → encryption → blob store, all as
 * the bytes arrive: a scan is never held in memory whole.
 */
async function writeBlob(
  deps: DocumentsServiceDeps,
  body: Readable,
  declaredLength?: number,
): Promise<ScanBlob> {
  if (declaredLength !== undefined && declaredLength > deps.maxBytes) throw fileTooLarge(deps.maxBytes);
  const storageKey = newBlobKey();
  const detected: { type?: ScanContentType } = {};
  const choose = (head: Buffer) => {
    detected.type = detectFileType(head) ?? undefined;
    if (!detected.type) throw unsupportedFile();
    return detected.type;
  };
  const entry = limitBytes(deps.maxBytes);
  const stripped = meter();
  const seen: { dimensions: ImageDimensions | null } = { dimensions: null };
  const sink = new PassThrough();
  const detach = feed(body, entry);
  const stored = deps.blobStore.put(storageKey, sink);
  // A store that fails stops reading: end the pipeline too, or it would wait on back-pressure forever.
  stored.catch((error: unknown) => sink.destroy(error as Error));
  const [flow, put] = await Promise.allSettled([
    pipeline(
      entry,
      sniffAndStripMetadata(choose, seen),
      metering(stripped),
      encryptStream(deps.keyring),
      sink,
    ),
    stored,
  ]);
  detach();
  const contentType = detected.type;
  if (flow.status === 'rejected' || put.status === 'rejected' || !contentType) {
    await abandon(deps.blobStore, storageKey, body, entry);
    throw firstCause(flow, put);
  }
  const dimensions = seen.dimensions ? { dimensions: seen.dimensions } : {};
  return {
    storageKey,
    encryptionKeyId: deps.keyring.current.id,
    contentType,
    ...stripped.result(),
    ...dimensions,
  };
}

/**
 * Pipes the caller's stream in without handing it to `pipeline`, which would destroy it on failure:
 * destroying an HTTP request closes its socket before the problem document can be sent.
 */
function feed(body: Readable, entry: Transform): () => void {
  body.pipe(entry);
  // pipe() does not pass a source's failure on (a client hanging up mid-upload).
  return finished(body, { writable: false }, (error) => {
    if (error) entry.destroy(error);
  });
}

/** Leaves nothing behind; the rest of the upload is read and dropped, so the connection can answer. */
async function abandon(
  store: BlobStore,
  storageKey: string,
  body: Readable,
  entry: Transform,
): Promise<void> {
  body.unpipe(entry);
  body.resume();
  // A failed clean-up must not hide why the upload failed; the object is ciphertext under a key
  // no record names.
  await store.delete(storageKey).catch(() => {});
}

/** The user's mistake first (type, size), then the store's failure, then whatever ended the stream. */
function firstCause(flow: PromiseSettledResult<unknown>, put: PromiseSettledResult<unknown>): unknown {
  const flowError = flow.status === 'rejected' ? flow.reason : undefined;
  if (flowError instanceof MalformedFileError) return damagedFile(flowError.format);
  if (isDomainError(flowError)) return flowError;
  if (put.status === 'rejected') return put.reason;
  return flowError ?? new Error('The upload ended without its type being recognised');
}

/** Counts the bytes as sent and fails as soon as there are more than allowed. */
function limitBytes(maxBytes: number): Transform {
  let count = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      count += chunk.length;
      callback(count > maxBytes ? fileTooLarge(maxBytes) : null, chunk);
    },
  });
}

interface Meter {
  add(chunk: Buffer): void;
  result(): { size: number; sha256: string };
}

function meter(): Meter {
  const hash = createHash('sha256');
  let size = 0;
  return {
    add(chunk) {
      hash.update(chunk);
      size += chunk.length;
    },
    result: () => ({ size, sha256: hash.digest('hex') }),
  };
}

function metering(counter: Meter): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.add(chunk);
      callback(null, chunk);
    },
  });
}

/** Binds the object to its record: a blob swapped for another scan's fails like a tampered one. */
function verifyAgainst(scan: DocumentScan): Transform {
  const counter = meter();
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.add(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const { size, sha256 } = counter.result();
      const matches = size === scan.size && sha256 === scan.sha256;
      callback(matches ? null : new Error(`The stored ${scan.kind} scan does not match its record`));
    },
  });
}

function toScan(row: repository.ScanRow): DocumentScan {
  if (!isScanContentType(row.contentType)) throw new Error(`Unknown scan content type ${row.contentType}`);
  const { kind, contentType, size, sha256, uploadedAt } = row;
  return { kind, contentType, size, sha256, uploadedAt };
}

export function fileTooLarge(maxBytes: number): DomainError {
  const megabytes = (language: string) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(maxBytes / (1024 * 1024));
  return new DomainError({
    code: 'FILE_TOO_LARGE',
    detail: {
      id: `Ukuran berkas paling besar ${megabytes('id-ID')} MB. Perkecil atau kompres berkas, lalu unggah lagi.`,
      en: `A file can be at most ${megabytes('en-GB')} MB. Make it smaller or compress it, then upload it again.`,
    },
  });
}

export function unsupportedFile(): DomainError {
  return new DomainError({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: {
      id: 'Berkas harus berupa JPEG, PNG, atau PDF. Jenisnya dikenali dari isi berkas, bukan dari nama atau ekstensinya.',
      en: 'The file must be a JPEG, PNG or PDF. Its type is recognised from its content, not its name or extension.',
    },
  });
}

function damagedFile(format: string): DomainError {
  return new DomainError({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: {
      id: `Berkas ${format} ini rusak atau tidak lengkap. Simpan atau pindai ulang, lalu unggah kembali.`,
      en: `This ${format} file is damaged or incomplete. Save or scan it again, then upload it again.`,
    },
  });
}
