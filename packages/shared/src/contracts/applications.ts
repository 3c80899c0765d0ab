import { z } from 'zod';
import { documentKindCodes, replacementReasons } from '../document-requirements.ts';
import { applicationStatuses } from '../statuses.ts';
import { isoDate, isoInstant, sexSchema } from './common.ts';

/** Contracts of the application endpoints (API.md "Applicant", "An application"). */
export const passportProductCodes = [
  'NON_ELECTRONIC_5Y',
  'NON_ELECTRONIC_10Y',
  'ELECTRONIC_5Y',
  'ELECTRONIC_10Y',
  'POLYCARBONATE_5Y',
  'POLYCARBONATE_10Y',
] as const;
export type PassportProductCode = (typeof passportProductCodes)[number];

export const travelPurposes = [
  'TOURISM',
  'UMRAH',
  'HAJJ',
  'WORK',
  'MIGRANT_WORKER',
  'STUDY',
  'MEDICAL',
  'OTHER',
] as const;

const documentKind = z.enum(documentKindCodes as [string, ...string[]]);

export const applicationCreateSchema = z
  .object({
    type: z
      .enum(['NEW', 'REPLACEMENT'])
      .describe('NEW (Baru): never had a passport; REPLACEMENT (Penggantian)'),
    replacementReason: z.enum(replacementReasons).optional(),
    service: z
      .enum(['REGULAR', 'EXPRESS'])
      .default('REGULAR')
      .describe('EXPRESS (percepatan): same day, extra fee'),
    product: z.enum(passportProductCodes),
    applicant: z
      .object({
        nik: z.string().max(32),
        fullName: z.string().trim().min(1).max(100),
        dateOfBirth: isoDate,
        placeOfBirth: z.string().trim().min(1).max(100),
        sex: sexSchema,
        married: z.boolean().default(false).describe('Married now or before: counts as adult'),
      })
      .strict(),
    previousPassportNumber: z.string().trim().max(12).optional(),
    travelPurpose: z.enum(travelPurposes).optional(),
    circumstances: z
      .object({
        naturalised: z.boolean().default(false),
        nameChanged: z.boolean().default(false),
        parents: z
          .enum(['MARRIED', 'DIVORCED', 'PARENT_DECEASED', 'GUARDIAN'])
          .optional()
          .describe('Minors: who signs for the child (default MARRIED)'),
      })
      .strict()
      .default({ naturalised: false, nameChanged: false })
      .describe('Facts that change the documents to bring'),
  })
  .strict();

export type ApplicationCreate = z.infer<typeof applicationCreateSchema>;

const feeItem = z.object({ code: z.string(), amount: z.number().int(), label: z.string() });

export const documentUploadedSchema = z
  .object({
    kind: z.string(),
    contentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
    size: z.number().int(),
    sha256: z.string(),
    uploadedAt: isoInstant,
  })
  .meta({ id: 'DocumentUploaded' });

export const applicationSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe('Application number, e.g. MP2026-00000123'),
    status: z.enum(applicationStatuses),
    statusLabel: z.string(),
    type: z.enum(['NEW', 'REPLACEMENT']),
    replacementReason: z.enum(replacementReasons).nullable(),
    service: z.enum(['REGULAR', 'EXPRESS']),
    product: z.enum(passportProductCodes),
    travelPurpose: z.enum(travelPurposes).nullable(),
    applicant: z.object({
      nik: z.string(),
      fullName: z.string(),
      dateOfBirth: isoDate,
      placeOfBirth: z.string(),
      sex: sexSchema,
      married: z.boolean().describe('As the civil registry (Dukcapil) records it, not as the form said'),
      adult: z.boolean(),
      dualCitizenship: z
        .boolean()
        .describe(
          'Per Dukcapil: a child of dual citizenship (UU 12/2006); passport valid until age 21 at most',
        ),
    }),
    previousPassport: z
      .object({
        number: z.string(),
        type: z.string(),
        issueDate: isoDate,
        expiryDate: isoDate,
        issuingOffice: z.string(),
      })
      .nullable()
      .describe('From the passport registry'),
    requiredDocuments: z.array(documentKind),
    requirements: z
      .array(z.object({ kind: documentKind, label: z.string(), hint: z.string(), uploaded: z.boolean() }))
      .describe('requiredDocuments with labels in the request language'),
    documents: z.array(
      z.object({ kind: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: isoInstant }),
    ),
    fee: z.object({
      amount: z.number().int(),
      currency: z.literal('IDR'),
      legalBasis: z.string(),
      items: z.array(feeItem),
    }),
    appointment: z
      .object({
        officeCode: z.string(),
        officeName: z.string(),
        sessionId: z.uuid(),
        date: isoDate,
        start: z.string().describe('HH:mm in the office’s own time zone'),
        end: z.string(),
        timeZone: z.string(),
        timeZoneLabel: z.enum(['WIB', 'WITA', 'WIT']),
        service: z.enum(['REGULAR', 'EXPRESS', 'PRIORITY']),
        walkInLane: z
          .enum(['PRIORITY', 'LOST_DAMAGED', 'APP_OUTAGE'])
          .optional()
          .describe('Made at the office counter (issue 16): the walk-in lane whose daily quota it took'),
        reschedulesLeft: z.number().int(),
      })
      .nullable(),
    billing: z
      .object({
        code: z.string().describe('15-digit PNBP billing code'),
        amount: z.number().int(),
        expiresAt: isoInstant,
        status: z.enum(['PENDING', 'PAID', 'EXPIRED', 'CANCELLED']),
        paidAt: isoInstant.optional(),
        ntpn: z.string().optional().describe('Receipt: state revenue transaction number'),
        ntb: z.string().optional().describe('Receipt: the bank or channel transaction number'),
        channel: z.string().optional(),
      })
      .nullable(),
    history: z.array(
      z.object({ status: z.enum(applicationStatuses), at: isoInstant, note: z.string().optional() }),
    ),
    readyDate: isoDate
      .optional()
      .describe('Set at the interview: the day the passport can be collected (office working days)'),
    passport: z
      .object({ number: z.string(), issueDate: isoDate, expiryDate: isoDate })
      .optional()
      .describe('The passport issued for this application'),
    createdAt: isoInstant,
  })
  .meta({ id: 'Application' });

export type ApplicationView = z.infer<typeof applicationSchema>;

export const sessionChoiceSchema = z
  .object({
    sessionId: z.uuid(),
    admission: z
      .string()
      .max(200)
      .optional()
      .describe('While the session’s release queue runs: the admission of your ticket (issue 14)'),
  })
  .strict();
export type SessionChoice = z.infer<typeof sessionChoiceSchema>;

/**
 * `GET /api/v1/me/nik-applications`: an application filed under the account holder's own NIK from
 * another account (issue 15, no squatting). Who filed it is not shown.
 */
export const nikApplicationSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    status: z.enum(applicationStatuses),
    createdAt: isoInstant,
    appointment: z
      .object({ officeName: z.string(), date: isoDate, start: z.string().describe('HH:mm, office time') })
      .nullable(),
  })
  .meta({ id: 'NikApplication' });
export type NikApplication = z.infer<typeof nikApplicationSchema>;
