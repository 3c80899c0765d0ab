import { addWorkingDays, type ClosedDays } from '../scheduling/index.ts';

/**
 * When the passport can be collected (DOMAIN.md "Process and statuses"): regular passports 3 working
 * days after the interview — weekends, national holidays, collective leave and the office's own
 * closures skipped; percepatan (EXPRESS) the same day.
 */
export const READY_AFTER_WORKING_DAYS = 3;

export function readyDateFor(
  interviewDate: string,
  service: 'REGULAR' | 'EXPRESS',
  closed: ClosedDays,
): string {
  return service === 'EXPRESS'
    ? interviewDate
    : addWorkingDays(interviewDate, READY_AFTER_WORKING_DAYS, closed);
}
