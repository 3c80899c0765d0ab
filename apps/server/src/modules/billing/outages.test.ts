import { describe, expect, it } from 'vitest';
import { paymentChannels } from '#shared/contracts/payments.ts';
import { paymentsImpossible } from './outages.ts';

// Issue 15 "Payment-outage freeze": SIMPONI down, or every channel down, is a payment outage; billing
// deadlines that fall inside it are extended by its length.
describe('payment outages', () => {
  it('SIMPONI down alone stops every payment', () => {
    expect(paymentsImpossible(new Set(['SIMPONI']))).toBe(true);
  });

  it('one channel down leaves the others; all of them down stops payment', () => {
    expect(paymentsImpossible(new Set(['TOKOPEDIA', 'ATM']))).toBe(false);
    expect(paymentsImpossible(new Set(paymentChannels))).toBe(true);
    expect(paymentsImpossible(new Set(paymentChannels.slice(1)))).toBe(false);
  });
});
