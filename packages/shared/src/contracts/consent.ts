import { z } from 'zod';
import { isoInstant } from './common.ts';

/**
 * Consent of the NIK holder (issue 15): an application for another adult's NIK is submitted only after
 * that person confirms with a code sent to their own verified contact (their M-Paspor account's e-mail,
 * or the phone the civil registry verified for them), never to one the requester types.
 */
export const consentRequestedSchema = z
  .object({
    channel: z.enum(['EMAIL', 'SMS']),
    destination: z.string().describe('Where the code went, masked (e.g. 0812****4521)'),
    expiresAt: isoInstant,
  })
  .meta({ id: 'ConsentRequested' });
export type ConsentRequested = z.infer<typeof consentRequestedSchema>;

export const consentCodeSchema = z
  .object({ code: z.string().regex(/^\d{6}$/, 'otp.format') })
  .strict()
  .meta({ id: 'ConsentCodeInput' });

export const consentSchema = z
  .object({
    needed: z
      .enum(['OWN', 'FAMILY_MINOR', 'CONSENT'])
      .describe(
        'OWN: the account holder’s own NIK; FAMILY_MINOR: a minor on the holder’s family card (KK); ' +
          'CONSENT: another person, whose consent is needed',
      ),
    consentedAt: isoInstant.nullable(),
  })
  .meta({ id: 'Consent' });
export type ConsentView = z.infer<typeof consentSchema>;
