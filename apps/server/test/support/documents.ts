import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { queryRows, type Database } from '../../src/db/database.ts';
import {
  registerUploadParsers,
  uploadStream,
  type DocumentsService,
} from '../../src/modules/documents/index.ts';
import { registerLanguage } from '../../src/platform/language.ts';
import { registerProblemHandlers } from '../../src/platform/problems.ts';

/** Helpers for the documents module's tests, which run without the applications module. */

/** A DRAFT application row (and its account) for scans to belong to. */
export async function insertDraftApplication(db: Database): Promise<string> {
  const nik = String(3_170_000_000_000_000 + Math.floor(Math.random() * 1e12));
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`with account as (
          insert into accounts (email, phone, password_hash, full_name, nik, date_of_birth, place_of_birth, sex,
                                password_changed_at, created_at)
          values (${`${randomUUID()}@example.id`}, '+6281200000000', 'x', 'Siti Rahma', ${nik}, '1990-01-01',
                  'Bandung', 'F', now(), now())
          returning id)
        insert into applications (number, account_id, status, type, service, product, applicant_nik,
          applicant_full_name, applicant_date_of_birth, applicant_place_of_birth, applicant_sex,
          applicant_married, circumstances, required_documents, fee, created_at, updated_at)
        select ${`MP${randomUUID()}`}, id, 'DRAFT', 'NEW', 'REGULAR', 'ELECTRONIC_5Y', ${nik}, 'Siti Rahma',
          '1990-01-01', 'Bandung', 'F', false, '{}', array['KTP_EL'], '{}', now(), now()
        from account returning id`,
  );
  if (!row) throw new Error('no application inserted');
  return row.id;
}

/**
 * PUT /applications/:id/documents/:kind as the applications module wires it, without access checks,
 * and with a deliberately small bodyLimit: uploads must not be cut by it.
 */
export async function documentsUploadApp(
  db: Database,
  documents: DocumentsService,
  maxBytes: number,
): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: 1024 });
  registerLanguage(app);
  registerProblemHandlers(app);
  await app.register(async (scope) => {
    registerUploadParsers(scope, { maxBytes });
    scope.put<{ Params: { id: string; kind: string } }>(
      '/applications/:id/documents/:kind',
      async (request, reply) => {
        const upload = await uploadStream(request);
        const blob = await documents.writeBlob(upload.body, { declaredLength: upload.declaredLength });
        const { id, kind } = request.params;
        const { replacedStorageKey } = await db.transaction((tx) =>
          documents.recordScan(tx, id, kind, blob, new Date()),
        );
        return reply.code(201).send({ ...blob, replacedStorageKey });
      },
    );
  });
  return app;
}

/** A multipart/form-data body holding one file under `field`. */
export function formWithFile(
  field: string,
  file: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----mpaspor${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="ktp.jpg"\r\n`;
  const payload = Buffer.concat([
    Buffer.from(`${head}Content-Type: image/jpeg\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under `dir`, however deep. */
export async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
