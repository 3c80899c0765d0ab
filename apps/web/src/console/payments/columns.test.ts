import { describe, expect, it } from 'vitest';
import { columnLabel, paymentColumns } from './columns.ts';

describe('columns of payments needing attention', () => {
  it('when rows carry known and new fields, then known ones come first and new ones still show', () => {
    const rows = [
      { paymentId: 'p1', outcome: 'LATE', billingCode: '820260000000001', applicationId: 'a1' },
      { paymentId: 'p2', amount: 350000, channel: 'BANK', retries: 2 },
    ];
    expect(paymentColumns(rows)).toEqual([
      'billingCode',
      'amount',
      'outcome',
      'channel',
      'paymentId',
      'retries',
    ]);
    expect(columnLabel('retries')).toBeNull();
  });
});
