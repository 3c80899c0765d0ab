import { describe, expect, it } from 'vitest';
import { isValidBillingCode, luhnCheckDigit, newBillingCode } from './billing-code.ts';

describe('billing codes (15 digits, DOMAIN.md "Payment")', () => {
  it('are 15 digits starting with 8, random, and carry a Luhn check digit', () => {
    const codes = Array.from({ length: 500 }, newBillingCode);
    for (const code of codes) {
      expect(code).toMatch(/^8\d{14}$/);
      expect(isValidBillingCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(500);
  });

  it('catch a mistyped digit or two swapped neighbours', () => {
    const code = '80000000000007' + luhnCheckDigit('80000000000007');
    expect(isValidBillingCode(code)).toBe(true);
    expect(isValidBillingCode(code.replace(/7(\d)$/, '8$1'))).toBe(false);
    const valid = '81234567890123' + luhnCheckDigit('81234567890123');
    const swapped = valid.slice(0, 3) + valid[4] + valid[3] + valid.slice(5);
    expect(isValidBillingCode(valid)).toBe(true);
    expect(isValidBillingCode(swapped)).toBe(false);
    expect(luhnCheckDigit('7992739871')).toBe('3'); // the textbook example
  });
});
