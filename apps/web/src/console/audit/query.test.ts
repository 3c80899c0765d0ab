import { describe, expect, it } from 'vitest';
import { auditQuery } from './query.ts';

describe('audit filters sent to the API', () => {
  it('when days are picked, then they are sent as instants covering both whole days', () => {
    const query = auditQuery({
      officer: ' spv.jaksel ',
      applicationId: '',
      from: '2026-11-10',
      to: '2026-11-11',
    });
    expect(query.get('officer')).toBe('spv.jaksel');
    expect(query.has('applicationId')).toBe(false);
    const from = new Date(query.get('from') ?? '');
    const to = new Date(query.get('to') ?? '');
    expect(from.getDate()).toBe(10);
    expect(from.getHours()).toBe(0);
    // Two whole days (no daylight-saving change falls in mid-November in these zones).
    expect(to.getTime() - from.getTime()).toBe(2 * 24 * 3600 * 1000);
  });
});
