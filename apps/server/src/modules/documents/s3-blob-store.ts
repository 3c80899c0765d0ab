import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { assertBlobKey, BlobNotFoundError, type BlobStore } from './blob-store.port.ts';

export interface S3BlobStoreOptions {
  /** For S3-compatible stores (MinIO, Ceph, a test server); AWS itself when absent. */
  readonly endpoint?: string | undefined;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `http://host/bucket/key` rather than `http://bucket.host/key`: what most self-hosted stores need. */
  readonly forcePathStyle: boolean;
}

export interface S3BlobStore extends BlobStore {
  /** Creates the bucket when it does not exist yet: for tests and development, not production. */
  ensureBucket(): Promise<void>;
  /** Closes the client's connections (on shutdown). */
  destroy(): void;
}

/**
 * Adapter of the BlobStore port over S3. `Upload` sends the stream in 5 MiB parts as it arrives, so
 * an upload of unknown length is never held in memory whole; a failed upload aborts its multipart
 * upload, and S3 shows an object only once it is complete.
 *
 * The AWS SDK is loaded when a store is made, not when this module is: it is ~20 MB of resident
 * memory that a server keeping its scans on the filesystem (the default) would carry for nothing.
 * Loading starts at once, so the first request finds it ready.
 */
export function createS3BlobStore(options: S3BlobStoreOptions): S3BlobStore {
  const Bucket = options.bucket;
  const loading = loadSdk(options);
  // Until the first request awaits it, a failed load must not count as an unhandled rejection.
  loading.catch(() => {});
  let destroyed = false;

  return {
    async put(key, body) {
      assertBlobKey(key);
      const { client, Upload } = await loading;
      await new Upload({ client, params: { Bucket, Key: key, Body: body } }).done();
    },

    async get(key) {
      assertBlobKey(key);
      const sdk = await loading;
      try {
        const { Body } = await sdk.client.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
        if (!(Body instanceof Readable)) throw new Error('The S3 client did not answer with a Node stream');
        return Body;
      } catch (error) {
        throw isNotFound(sdk, error) ? new BlobNotFoundError(key) : error;
      }
    },

    async delete(key) {
      assertBlobKey(key);
      const { client, DeleteObjectCommand } = await loading;
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async ensureBucket() {
      const sdk = await loading;
      try {
        await sdk.client.send(new sdk.HeadBucketCommand({ Bucket }));
      } catch (error) {
        if (!isNotFound(sdk, error)) throw error;
        await sdk.client.send(new sdk.CreateBucketCommand({ Bucket }));
      }
    },

    destroy() {
      if (destroyed) return;
      destroyed = true;
      void loading.then(
        ({ client }) => client.destroy(),
        () => {},
      );
    },
  };
}

type Sdk = Awaited<ReturnType<typeof loadSdk>>;

async function loadSdk(options: S3BlobStoreOptions) {
  const [s3, storage] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]);
  const client: S3Client = new s3.S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The SDK's default CRC trailers are not understood by every S3-compatible store; integrity is
    // already guaranteed end to end by the AES-GCM tag of each object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const {
    GetObjectCommand,
    DeleteObjectCommand,
    HeadBucketCommand,
    CreateBucketCommand,
    S3ServiceException,
  } = s3;
  return {
    client,
    Upload: storage.Upload,
    GetObjectCommand,
    DeleteObjectCommand,
    HeadBucketCommand,
    CreateBucketCommand,
    S3ServiceException,
  };
}

function isNotFound(sdk: Sdk, error: unknown): boolean {
  return error instanceof sdk.S3ServiceException && error.$metadata.httpStatusCode === 404;
}
