import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
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
 */
export function createS3BlobStore(options: S3BlobStoreOptions): S3BlobStore {
  const Bucket = options.bucket;
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The SDK's default CRC trailers are not understood by every S3-compatible store; integrity is
    // already guaranteed end to end by the AES-GCM tag of each object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  return {
    async put(key, body) {
      assertBlobKey(key);
      await new Upload({ client, params: { Bucket, Key: key, Body: body } }).done();
    },

    async get(key) {
      assertBlobKey(key);
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!(Body instanceof Readable)) throw new Error('The S3 client did not answer with a Node stream');
        return Body;
      } catch (error) {
        throw isNotFound(error) ? new BlobNotFoundError(key) : error;
      }
    },

    async delete(key) {
      assertBlobKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async ensureBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await client.send(new CreateBucketCommand({ Bucket }));
      }
    },

    destroy: () => client.destroy(),
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}
