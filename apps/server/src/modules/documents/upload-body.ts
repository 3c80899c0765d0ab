import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable, Transform } from 'node:stream';
import { DomainError } from '../../platform/errors.ts';
import { fileTooLarge, unsupportedFile } from './service.ts';

/**
 * An upload arrives as the raw body (what a mobile app sends) or as the `file` field of a form
 * (what a browser form sends). Either way the route gets a stream it has not read: the documents
 * service limits, checks and stores it as it arrives.
 */
export interface UploadParserOptions {
  /** The largest file accepted, in bytes: config.uploadMaxBytes. */
  readonly maxBytes: number;
}

export interface UploadBody {
  readonly body: Readable;
  /** Content-Length of a raw body, so that an oversized upload is refused before it is read. */
  readonly declaredLength?: number;
}

/** Declared types are not trusted (the service sniffs the bytes); they only pick the raw parser. */
const RAW_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'application/pdf', 'application/octet-stream'];
const FILE_FIELD = 'file';

/** Call in the plugin declaring the upload routes, before them: it applies to that plugin only. */
export function registerUploadParsers(app: FastifyInstance, options: UploadParserOptions): void {
  // Handing the stream on unread also keeps the app's bodyLimit, made for JSON, out of the way.
  app.addContentTypeParser(RAW_UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
  void app.register(multipart, {
    limits: { fileSize: options.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });
}

/** The upload's stream; a request carrying no file is answered with a problem naming the field. */
export async function uploadStream(request: FastifyRequest): Promise<UploadBody> {
  if (request.isMultipart()) return { body: await multipartFile(request) };
  const body: unknown = request.body;
  if (body instanceof Readable) return { body, declaredLength: contentLength(request) };
  if (body === undefined || body === null) throw missingFile();
  throw unsupportedFile();
}

async function multipartFile(request: FastifyRequest): Promise<Readable> {
  // A form without its boundary (or otherwise unreadable) is the client's mistake, not a 500 (issue 18).
  const part = await request.file().catch((error: unknown) => {
    throw malformedForm(error);
  });
  if (!part || part.fieldname !== FILE_FIELD) {
    part?.file.resume();
    throw missingFile();
  }
  return refuseTruncated(part.file);
}

type FormFile = Readable & { readonly truncated: boolean; readonly bytesRead: number };

/**
 * Past its fileSize limit, busboy cuts the file short and ends it as if it were complete; refuse it
 * instead. `bytesRead` is then the limit itself. The rest of the form is still read and dropped so
 * that the connection can carry the answer.
 */
function refuseTruncated(file: FormFile): Readable {
  const tooLarge = () => fileTooLarge(file.bytesRead);
  const checked = new Transform({
    transform: (chunk: Buffer, _encoding, callback) => callback(null, chunk),
    flush: (callback) => callback(file.truncated ? tooLarge() : null),
  });
  file.on('limit', () => {
    checked.destroy(tooLarge());
    file.resume();
  });
  file.on('error', (error) => checked.destroy(error));
  return file.pipe(checked);
}

function contentLength(request: FastifyRequest): number | undefined {
  const value = request.headers['content-length'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function malformedForm(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return new DomainError({
    code: 'BAD_REQUEST',
    detail: {
      id: 'Formulir unggahan tidak dapat dibaca (multipart tanpa boundary atau rusak).',
      en: 'The upload form cannot be read (multipart without a boundary, or damaged).',
    },
  });
}

function missingFile(): DomainError {
  return new DomainError({
    code: 'VALIDATION',
    errors: [
      {
        path: FILE_FIELD,
        message: {
          id: 'Pilih berkas JPEG, PNG, atau PDF untuk diunggah (kolom "file").',
          en: 'Choose a JPEG, PNG or PDF file to upload (field "file").',
        },
      },
    ],
  });
}
