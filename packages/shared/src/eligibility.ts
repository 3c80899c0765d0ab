/**
 * Who counts as an adult for a passport (DOMAIN.md "What an applicant chooses"; Permenkumham 18/2022):
 * 17 or older, or married (a marriage makes a minor an adult). Only adults may take a 10-year passport;
 * minors always get 5 years.
 */
export const ADULT_AGE = 17;

/** Whole years between a YYYY-MM-DD birth date and a YYYY-MM-DD day (29 February birthdays count on 1 March). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  const birthdayPassed = tm > bm || (tm === bm && td >= bd);
  return ty - by - (birthdayPassed ? 0 : 1);
}

export function isAdult(applicant: { dateOfBirth: string; married: boolean }, day: string): boolean {
  return applicant.married || ageOn(applicant.dateOfBirth, day) >= ADULT_AGE;
}

/** Validity years a person may choose on `day`. */
export function allowedValidityYears(
  applicant: { dateOfBirth: string; married: boolean },
  day: string,
): (5 | 10)[] {
  return isAdult(applicant, day) ? [5, 10] : [5];
}

/** Asia/Jakarta keeps UTC+7 all year; a calendar day "in Indonesia" for rules counted in days. */
export function jakartaDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
