import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { logInAgain, registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, demoOfficers, officerCall, officerSession, paidApplication } from '../support/visit.ts';

/**
 * Personal data as the law has it (issue 18; UU 27/2022): the holder gets a copy of everything held
 * about them, with who at an office read their file; closed applications' scans and photo are deleted
 * after RETENTION_DAYS.
 */
let smtp: TestSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, jobIntervalMs: 20, retentionDays: 90 } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('when an applicant asks for a copy of their data', () => {
  it('then the account, applications, scans and the office’s reads of the file come as one download', async () => {
    const paid = await paidApplication(t.app, smtp, 'BANDUNG');
    const spv = await officerSession(
      t.app,
      (await demoOfficers(t.app)).find((o) => o.username === 'spv.bandung')!,
    );
    const view = await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`);
    const kind = (view.body.documents as { kind: string }[])[0]!.kind;
    await t.app.inject({
      url: `/api/v1/officer/applications/${paid.id}/documents/${kind}`,
      headers: bearer(spv),
    });

    const exported = await t.app.inject({ url: '/api/v1/me/data', headers: bearer(paid.applicant) });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const data = exported.json() as {
      account: { email: string };
      applications: { id: string }[];
      scans: { applicationId: string; kind: string; download: string }[];
      fileReads: { what: string; officeCode: string; kind: string | null }[];
      retention: { closedFilesKeptDays: number };
    };
    expect(data.account.email).toBe(paid.applicant.registration.email);
    expect(data.applications.map((a) => a.id)).toContain(paid.id);
    const scan = data.scans.find((s) => s.applicationId === paid.id && s.kind === kind)!;
    expect((await t.app.inject({ url: scan.download, headers: bearer(paid.applicant) })).statusCode).toBe(
      200,
    );
    expect(data.fileReads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'APPLICATION', officeCode: 'BANDUNG' }),
        expect.objectContaining({ what: 'DOCUMENT', officeCode: 'BANDUNG', kind }),
      ]),
    );
    expect(data.retention.closedFilesKeptDays).toBe(90);
    expect((await t.app.inject({ url: '/api/v1/me/data' })).statusCode).toBe(401);
  });
});

describe('when an application has been closed for longer than the retention period', () => {
  it('then its scans are deleted (and say so in the history) while a recently closed one keeps them', async () => {
    const old = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const { id: oldId, requiredDocuments } = await completeDraft(t.app, old);
    const cancel = (session: { token: string }, id: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/cancel`, headers: bearer(session) });
    expect((await cancel(old, oldId)).json().status).toBe('CANCELLED');

    (t.clock as SimulatedClock).advance(91 * 86_400_000);
    const recent = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const { id: recentId } = await completeDraft(t.app, recent);
    expect((await cancel(recent, recentId)).json().status).toBe('CANCELLED');

    const again = await logInAgain(t.app, old);
    const documentsOf = async (session: { token: string }, id: string) =>
      (await t.app.inject({ url: `/api/v1/applications/${id}`, headers: bearer(session) })).json() as {
        documents: unknown[];
        history: { note?: string }[];
      };
    await expect
      .poll(async () => (await documentsOf(again, oldId)).documents.length, { timeout: 15_000 })
      .toBe(0);
    const scan = await t.app.inject({
      url: `/api/v1/applications/${oldId}/documents/${requiredDocuments[0]}`,
      headers: bearer(again),
    });
    expect(scan.statusCode).toBe(404);
    expect((await documentsOf(again, oldId)).history.at(-1)?.note).toContain('masa simpan');
    expect((await documentsOf(recent, recentId)).documents.length).toBeGreaterThan(0);
  });
});
