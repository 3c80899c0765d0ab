import { pgTable, primaryKey, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';

/**
 * Uploaded scans (module: documents): one per application and kind. The bytes live in the blob store
 * (filesystem or S3) under a random key, encrypted with AES-256-GCM under the key named by key_id.
 */
export const documentScans = pgTable(
  'document_scans',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    encryptionKeyId: text('encryption_key_id').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.kind] })],
);
