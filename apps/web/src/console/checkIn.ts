/** What the arrival desk typed or scanned, as the check-in body the API takes. */
const APPLICATION_NUMBER = /^MP\d{4}-\d+$/i;

/** The pass's 8-character code as read out (issue 17): `ABCD-EFGH`, with or without the dash. */
const SHORT_CODE = /^[A-Z0-9]{4}[-\s]?[A-Z0-9]{4}$/i;

export type CheckInBody = { arrivalPass: string } | { applicationNumber: string } | { shortCode: string };

export function checkInBody(input: string): CheckInBody | null {
  const text = input.trim();
  if (!text) return null;
  if (APPLICATION_NUMBER.test(text)) return { applicationNumber: text.toUpperCase() };
  if (SHORT_CODE.test(text)) return { shortCode: text.toUpperCase() };
  return { arrivalPass: text };
}
