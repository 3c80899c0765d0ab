import { describe, expect, it } from 'vitest';
import { storedTravelDocumentStatuses } from '#shared/contracts/travel-documents.ts';
import { statusAt, statusOn } from './status.ts';

/** A passport whose last valid day is 25 November 2026. */
const expiryDate = '2026-11-25';

describe('when a VALID passport reaches its expiry date', () => {
  it('then it still reads VALID on the expiry day itself and EXPIRED from the next day', () => {
    expect(statusOn('VALID', expiryDate, '2026-11-24')).toBe('VALID');
    expect(statusOn('VALID', expiryDate, '2026-11-25')).toBe('VALID');
    expect(statusOn('VALID', expiryDate, '2026-11-26')).toBe('EXPIRED');
    expect(statusOn('VALID', expiryDate, '2027-01-01')).toBe('EXPIRED');
  });

  it('then the day turns at midnight in Jakarta (17:00 UTC), not at midnight UTC', () => {
    expect(statusAt('VALID', expiryDate, new Date('2026-11-25T16:59:59.999Z'))).toBe('VALID');
    expect(statusAt('VALID', expiryDate, new Date('2026-11-25T17:00:00.000Z'))).toBe('EXPIRED');
    // 00:30 UTC on the 26th is already 07:30 WIB on the 26th; 23:30 UTC on the 24th is the 25th in WIB.
    expect(statusAt('VALID', '2026-11-24', new Date('2026-11-24T23:30:00Z'))).toBe('EXPIRED');
    expect(statusAt('VALID', '2026-11-25', new Date('2026-11-24T23:30:00Z'))).toBe('VALID');
  });
});

describe('when a passport ended for another reason', () => {
  it.each(storedTravelDocumentStatuses.filter((s) => s !== 'VALID'))(
    'then %s stays as it is past the expiry date, saying why it ended',
    (stored) => {
      expect(statusOn(stored, expiryDate, '2026-11-24')).toBe(stored);
      expect(statusOn(stored, expiryDate, '2030-01-01')).toBe(stored);
    },
  );
});
