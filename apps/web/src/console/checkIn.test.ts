import { describe, expect, it } from 'vitest';
import { checkInBody } from './checkIn.ts';

describe('what the arrival desk typed', () => {
  it('when it looks like an application number, then it is sent as one (upper case, trimmed)', () => {
    expect(checkInBody('  mp2026-00000123 ')).toEqual({ applicationNumber: 'MP2026-00000123' });
  });

  it('when it is anything else, then it is the arrival pass as scanned', () => {
    expect(checkInBody('eyJhbGciOi.payload.sig')).toEqual({ arrivalPass: 'eyJhbGciOi.payload.sig' });
    expect(checkInBody('MP2026-')).toEqual({ arrivalPass: 'MP2026-' });
  });

  it('when it is the pass’s 8-character code, with or without its dash, then it is sent as the short code', () => {
    expect(checkInBody(' acde-fg34 ')).toEqual({ shortCode: 'ACDE-FG34' });
    expect(checkInBody('ACDEFG34')).toEqual({ shortCode: 'ACDEFG34' });
  });

  it('when it is blank, then nothing is sent', () => {
    expect(checkInBody('   ')).toBeNull();
  });
});
