import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Port: where scan bytes are kept. Adapters: the filesystem (fs-blob-store.ts) and S3 or any
 * S3-compatible store (s3-blob-store.ts). The store only ever sees ciphertext (keyring.ts).
 */
export interface BlobStore {
  /** Stores the whole stream under `key`; the object is visible only once it is complete. */
  put(key: string, body: Readable): Promise<void>;
  /** Streams the object back; throws BlobNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing one is not an error, so clean-ups can be repeated. */
  delete(key: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  readonly key: string;

  constructor(key: string) {
    super(`No blob is stored under key ${key}`);
    this.name = 'BlobNotFoundError';
    this.key = key;
  }
}

export function isBlobNotFound(error: unknown): error is BlobNotFoundError {
  return error instanceof BlobNotFoundError;
}

/** 128 random bits: a key can be neither guessed nor derived from the application or the person. */
export function newBlobKey(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Keys are lower-case hex and nothing else: no dot, slash or backslash can reach a path or an object
 * name, whichever adapter is behind the port.
 */
const BLOB_KEY = /^[0-9a-f]{16,128}$/;

export function assertBlobKey(key: string): void {
  if (!BLOB_KEY.test(key)) throw new Error('A blob key must be 16 to 128 lower-case hex digits');
}
