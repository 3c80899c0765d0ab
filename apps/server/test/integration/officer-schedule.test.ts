import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { demoOfficers, officerCall, officerSession } from '../support/visit.ts';

/** Office administration of the schedule: preview before saving, closures, re-planned sessions (issue 8). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Schedule {
  template: { weekdays: number[]; slots: { start: string; end: string }[]; capacity: Record<string, number> };
  releaseRule: { kind: string };
  horizonDays: number;
  closures: { date: string; reason: string }[];
}
interface PreviewDay {
  date: string;
  sessions: { start: string; service: string; capacity: number; releasedAt: string }[];
}

describe('when an office admin changes the schedule', () => {
  it('then the preview shows the effect, saving keeps it, and a closed day loses its empty sessions', async () => {
    const demo = await demoOfficers(t.app);
    const admin = await officerSession(
      t.app,
      demo.find((o) => o.username === 'spv.bandung')!,
    );
    const current = (await officerCall(t.app, admin, 'GET', '/offices/BANDUNG/schedule'))
      .body as unknown as Schedule;
    expect(current.releaseRule.kind).toBe('WEEKLY');
    const before = (
      await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions?from=2026-11-27&to=2026-11-27' })
    ).json();
    expect(before.length).toBeGreaterThan(0);

    const changed: Schedule = {
      ...current,
      template: {
        ...current.template,
        weekdays: [1, 3, 5],
        capacity: { REGULAR: 3, EXPRESS: 0, PRIORITY: 1 },
      },
      closures: [{ date: '2026-11-27', reason: 'Pemadaman listrik terjadwal' }],
    };
    const preview = await officerCall(t.app, admin, 'POST', '/offices/BANDUNG/schedule/preview', changed);
    expect(preview.status).toBe(200);
    const days = preview.body as unknown as PreviewDay[];
    expect(days).toHaveLength(21);
    expect(days.find((d) => d.date === '2026-11-27')?.sessions).toEqual([]);
    const monday = days.find((d) => d.date === '2026-11-30')!;
    expect(new Set(monday.sessions.map((s) => `${s.service}:${s.capacity}`))).toEqual(
      new Set(['REGULAR:3', 'PRIORITY:1']),
    );
    expect(days.find((d) => d.date === '2026-12-01')?.sessions).toEqual([]); // Tuesday: not served any more
    // Nothing saved by a preview.
    expect((await officerCall(t.app, admin, 'GET', '/offices/BANDUNG/schedule')).body).toEqual(current);

    const saved = await officerCall(t.app, admin, 'PUT', '/offices/BANDUNG/schedule', changed);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ closures: changed.closures, template: { weekdays: [1, 3, 5] } });
    const after = (
      await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions?from=2026-11-27&to=2026-11-27' })
    ).json();
    expect(after).toEqual([]);
  });

  it('then a schedule that is not valid is refused with the field named and nothing changes', async () => {
    const demo = await demoOfficers(t.app);
    const admin = await officerSession(
      t.app,
      demo.find((o) => o.username === 'spv.bandung')!,
    );
    const current = (await officerCall(t.app, admin, 'GET', '/offices/BANDUNG/schedule'))
      .body as unknown as Schedule;
    const bad = {
      ...current,
      template: { ...current.template, capacity: { REGULAR: -1, EXPRESS: 0, PRIORITY: 0 } },
    };
    const refused = await officerCall(t.app, admin, 'PUT', '/offices/BANDUNG/schedule', bad);
    expect([refused.status, refused.body.code]).toEqual([422, 'VALIDATION']);
    expect((await officerCall(t.app, admin, 'GET', '/offices/BANDUNG/schedule')).body).toEqual(current);
  });
});
