import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/database.ts';
import { invariantViolations } from '../../src/db/invariants.ts';
import { openMemoryPglite } from '../../src/db/pglite.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, demoOfficers, officerSession } from '../support/visit.ts';

/**
 * POST /api/v1/officer/backups (issue 18): HQ only; on PGlite the answer is the database as a
 * gzipped tarball that opens as a database, and the copy is audited; on PostgreSQL it points to
 * pg_dump. The drill through real processes: system/backup-restore-*.test.ts.
 */
let t: TestApp;
let hq: { token: string };
let supervisor: { token: string };

beforeAll(async () => {
  t = await createTestApp();
  const officers = await demoOfficers(t.app);
  hq = await officerSession(
    t.app,
    officers.find((o) => o.username === 'admin.pusat')!,
  );
  supervisor = await officerSession(
    t.app,
    officers.find((o) => o.username === 'spv.bandung')!,
  );
});
afterAll(() => t.close());

const backup = (session?: { token: string }) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/officer/backups',
    headers: { 'accept-language': 'en', ...(session ? bearer(session) : {}) },
  });

const officerCount = async (db: Database) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from officers`))[0]!.n;

describe('when someone other than HQ asks for a backup', () => {
  it('then an office supervisor is refused with 403 and an anonymous caller with 401', async () => {
    expect((await backup(supervisor)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await backup()).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('when HQ asks for a backup', () => {
  it('then PGlite answers a gzipped tarball that opens as this database, and the copy is audited; PostgreSQL points to pg_dump', async () => {
    const response = await backup(hq);
    if (t.db.kind === 'postgres') {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'BACKUP_USE_PG_DUMP' });
      expect((response.json() as { detail: string }).detail).toContain('pg_dump');
      return;
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="mpaspor-pglite-\d{8}T\d{6}Z\.tar\.gz"$/,
    );
    const tar = gunzipSync(response.rawPayload);
    const copy = await openMemoryPglite(new Blob([tar]));
    try {
      expect(await officerCount(copy.db)).toBe(await officerCount(t.db.db));
      expect(await invariantViolations(copy.db)).toEqual([]);
    } finally {
      await copy.close();
    }
    const [audit] = await queryRows<{ officer_username: string; details: { tarBytes: number } }>(
      t.db.db,
      sql`select officer_username, details from audit_log where action = 'backup.create'`,
    );
    expect(audit).toMatchObject({ officer_username: 'admin.pusat', details: { tarBytes: tar.length } });
  });
});
