import { z } from 'zod';
import { officerRoles } from '../roles.ts';
import { isoDate, isoInstant, sexSchema } from './common.ts';

/** Contracts of the simulation endpoints (`/sim/*`, API.md "Simulation mode only"). */
export const simClockSchema = z
  .object({
    now: isoInstant.describe('The simulated current time'),
    offsetMinutes: z.number().describe('How far the simulated clock runs ahead of real time'),
  })
  .meta({ id: 'SimClock' });

export const simClockAdvanceSchema = z
  .object({
    advanceMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 400)
      .describe('Minutes to move the clock forward; time never moves back'),
  })
  .strict();

export const simResidentSchema = z
  .object({
    nik: z.string(),
    fullName: z.string(),
    dateOfBirth: isoDate,
    placeOfBirth: z.string(),
    sex: sexSchema,
    maritalStatus: z.enum(['BELUM_KAWIN', 'KAWIN', 'CERAI_HIDUP', 'CERAI_MATI']),
    married: z.boolean().describe('Married now or before: counts as adult for passports'),
    previousPassportNumber: z.string().nullable(),
  })
  .meta({ id: 'SimResident' });

export const simResidentsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100_000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const simOfficerSchema = z
  .object({
    username: z.string(),
    password: z.string(),
    fullName: z.string(),
    officeCode: z.string().nullable(),
    roles: z.array(z.enum(officerRoles)),
  })
  .meta({ id: 'SimOfficer' });

export const simOutboxQuerySchema = z
  .object({
    to: z.string().min(1).optional().describe('E-mail address or phone number'),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
  })
  .strict();

export const simOutboxMessageSchema = z
  .object({
    to: z.string(),
    channel: z.enum(['EMAIL', 'SMS']),
    subject: z.string().nullable(),
    text: z.string(),
    attachments: z
      .array(
        z.object({
          filename: z.string(),
          contentType: z.string(),
          content: z.string().describe('The file as sent (attachments are small text files)'),
        }),
      )
      .describe('Files sent with an e-mail, e.g. the payment receipt; empty for SMS'),
    createdAt: isoInstant,
  })
  .meta({ id: 'SimOutboxMessage' });
