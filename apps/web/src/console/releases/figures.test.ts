import { describe, expect, it } from 'vitest';
import { sellOutText, serverOffsetMs } from './figures.ts';

describe('the release page’s figures', () => {
  it('when the server says its time, then the offset is that minus the screen’s clock', () => {
    expect(serverOffsetMs('2026-11-30T01:00:05.000Z', Date.parse('2026-11-30T01:00:00.000Z'))).toBe(5_000);
    expect(serverOffsetMs('not a time', 0)).toBe(0);
  });

  it('when a release sold out, then the seconds read with one decimal under a minute', () => {
    expect(sellOutText(null, 'id')).toBe('—');
    expect(sellOutText(4.25, 'en')).toBe('4.3');
    expect(sellOutText(4.25, 'id')).toBe('4,3');
    expect(sellOutText(125.4, 'en')).toBe('125');
  });
});
