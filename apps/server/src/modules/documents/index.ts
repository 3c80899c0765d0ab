export {
  createDocumentsService,
  type DocumentScan,
  type DocumentsService,
  type DocumentsServiceDeps,
  type ScanBlob,
} from './service.ts';
export type { ScanContentType } from './file-type.ts';
export { BlobNotFoundError, isBlobNotFound, type BlobStore } from './blob-store.port.ts';
export { createFilesystemBlobStore } from './fs-blob-store.ts';
export { createS3BlobStore, type S3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.ts';
export { parseKeyring, type Keyring } from './keyring.ts';
export {
  registerUploadParsers,
  uploadStream,
  type UploadBody,
  type UploadParserOptions,
} from './upload-body.ts';
export { scanDownloadHeaders } from './scan-download.ts';
