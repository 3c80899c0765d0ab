/** What the arrival desk typed or scanned, as the check-in body the API takes. */
const APPLICATION_NUMBER = /^MP\d{4}-\d+$/i;

export type CheckInBody = { arrivalPass: string } | { applicationNumber: string };

export function checkInBody(input: string): CheckInBody | null {
  const text = input.trim();
  if (!text) return null;
  return APPLICATION_NUMBER.test(text) ? { applicationNumber: text.toUpperCase() } : { arrivalPass: text };
}
