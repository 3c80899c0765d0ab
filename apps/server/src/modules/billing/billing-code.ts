import { randomInt } from 'node:crypto';

/**
 * A 15-digit billing code (kode billing; DOMAIN.md "Payment"). Until the SIMPONI adapter issues them,
 * codes are drawn here: random (not guessable from another applicant's code) with a leading 8, the
 * series SIMPONI uses for non-tax state revenue (PNBP), and a Luhn check digit against typing errors.
 */
export function newBillingCode(): string {
  let body = '8';
  for (let i = 0; i < 13; i++) body += String(randomInt(0, 10));
  return body + luhnCheckDigit(body);
}

export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isValidBillingCode(code: string): boolean {
  return /^\d{15}$/.test(code) && luhnCheckDigit(code.slice(0, 14)) === code[14];
}
