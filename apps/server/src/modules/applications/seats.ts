import { passportProducts } from '#shared/contracts/fees.ts';
import { ageOn, jakartaDate } from '#shared/eligibility.ts';
import type { SeatRequest } from './deps.ts';
import type { ApplicationRow } from './repository.ts';

/**
 * The seats an application may take. Express applications use the express pool; regular ones the
 * regular pool, and the priority pool too for the elderly (60+) and children under 5 (DOMAIN.md: the
 * priority groups; pregnant women and people with disabilities are served as walk-ins at the office).
 */
export function seatRequestFor(row: ApplicationRow, now: Date): SeatRequest {
  const product = passportProducts.find((p) => p.code === row.product);
  const passportKind = product?.kind ?? 'NON_ELECTRONIC';
  if (row.service === 'EXPRESS') return { pools: ['EXPRESS'], passportKind };
  const age = ageOn(row.applicantDateOfBirth, jakartaDate(now));
  return { pools: age >= 60 || age < 5 ? ['REGULAR', 'PRIORITY'] : ['REGULAR'], passportKind };
}
