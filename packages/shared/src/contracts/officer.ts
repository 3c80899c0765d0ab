import { z } from 'zod';
import { officerRoles } from '../roles.ts';
import { applicationStatuses } from '../statuses.ts';
import { applicationSchema } from './applications.ts';
import { isoDate, isoInstant } from './common.ts';

/** The officer console's contract (API.md "Officer console"), shared by the server and the console. */

export const officerLoginSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(1024),
    totp: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .strict();

export const officerSchema = z
  .object({
    username: z.string(),
    fullName: z.string(),
    officeCode: z.string().nullable().describe('null for headquarters'),
    officeName: z.string().nullable(),
    roles: z.array(z.enum(officerRoles)),
  })
  .meta({ id: 'Officer' });
export type OfficerView = z.infer<typeof officerSchema>;

export const officerSessionSchema = z.object({
  token: z.string(),
  expiresAt: isoInstant,
  csrfToken: z.string(),
  officer: officerSchema,
});

/** One line of the day's queue. */
export const queueEntrySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    status: z.enum(applicationStatuses),
    statusLabel: z.string(),
    fullName: z.string(),
    service: z.enum(['REGULAR', 'EXPRESS']),
    product: z.string(),
    sessionStart: z.string().describe('HH:mm, office time'),
    sessionEnd: z.string(),
    pool: z.enum(['REGULAR', 'EXPRESS', 'PRIORITY']),
    checkedInAt: isoInstant.nullable(),
  })
  .meta({ id: 'QueueEntry' });
export type QueueEntry = z.infer<typeof queueEntrySchema>;

export const queueQuerySchema = z.object({ date: isoDate.optional(), q: z.string().max(40).optional() });

/** What the office recorded during the visit. */
export const visitSchema = z
  .object({
    checkedInAt: isoInstant.nullable(),
    verification: z
      .object({
        decision: z.enum(['ACCEPT', 'REJECT', 'MISSING_DOCUMENTS']),
        notes: z.string().nullable(),
        missingDocuments: z.array(z.string()),
        documentsDueBy: isoDate.nullable(),
        at: isoInstant,
      })
      .nullable(),
    photo: z.object({ contentType: z.string(), size: z.number().int(), at: isoInstant }).nullable(),
    fingerprintsAt: isoInstant.nullable(),
    interview: z
      .object({ notes: z.string(), recommendation: z.enum(['APPROVE', 'REJECT']), at: isoInstant })
      .nullable(),
    adjudication: z
      .object({ decision: z.enum(['APPROVE', 'REJECT']), reason: z.string().nullable(), at: isoInstant })
      .nullable(),
    handedOverAt: isoInstant.nullable(),
  })
  .meta({ id: 'Visit' });

export const officerApplicationSchema = applicationSchema
  .extend({
    readyDate: isoDate.nullable(),
    passport: z
      .object({
        number: z.string(),
        issueDate: isoDate,
        expiryDate: isoDate,
        mrz: z.tuple([z.string(), z.string()]),
      })
      .nullable(),
    visit: visitSchema,
  })
  .meta({ id: 'OfficerApplication' });
export type OfficerApplicationView = z.infer<typeof officerApplicationSchema>;

export const checkInSchema = z.union([
  z.object({ arrivalPass: z.string().trim().min(1).max(500) }).strict(),
  z.object({ applicationNumber: z.string().trim().min(1).max(40) }).strict(),
  z
    .object({
      shortCode: z
        .string()
        .trim()
        .min(8)
        .max(12)
        .describe('The pass’s 8-character code (ABCD-EFGH), among the office’s bookings of the day'),
    })
    .strict(),
]);

export const documentVerificationSchema = z
  .object({
    decision: z.enum(['ACCEPT', 'REJECT', 'MISSING_DOCUMENTS']),
    notes: z.string().trim().max(2000).optional(),
    missingDocuments: z.array(z.string().min(1).max(60)).max(20).optional(),
    pagesFullConfirmed: z
      .boolean()
      .optional()
      .describe(
        'Replacement for full pages only: the officer saw the old passport and its visa pages are full; required to ACCEPT',
      ),
  })
  .strict();

export const interviewSchema = z
  .object({
    notes: z.string().trim().min(1).max(4000),
    recommendation: z.enum(['APPROVE', 'REJECT']),
  })
  .strict();

export const adjudicationSchema = z
  .object({
    decision: z.enum(['APPROVE', 'REJECT']),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

/**
 * The passport goes only to its holder (issue 17): the officer compares the KTP in hand with the
 * application and types the NIK's last four digits, which the server checks and records.
 */
export const handOverSchema = z
  .object({
    nikLastDigits: z
      .string()
      .regex(/^\d{4}$/)
      .optional()
      .describe(
        'The last 4 digits of the NIK on the KTP shown at the counter; required (422 HANDOVER_IDENTITY_UNCONFIRMED)',
      ),
  })
  .strict();

/** An office's rules for the visit (issue 17); four eyes: the adjudicator is not the interviewer. */
export const visitRulesSchema = z
  .object({
    fourEyes: z
      .boolean()
      .describe(
        'When true (the default), the officer who interviewed cannot adjudicate the same application (403 FOUR_EYES)',
      ),
  })
  .strict()
  .meta({ id: 'VisitRules' });
export type VisitRules = z.infer<typeof visitRulesSchema>;

/** An office's weekly template, release rule and closures, as the office admin edits them. */
const hourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time.format');
const poolCapacity = z.number().int().min(0).max(10_000);

export const releaseRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('WEEKLY'),
    weekday: z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday'),
    time: hourMinute,
  }),
  z.object({ kind: z.literal('MONTHLY'), time: hourMinute }),
  z.object({ kind: z.literal('ROLLING'), daysAhead: z.number().int().min(1).max(90), time: hourMinute }),
]);

export const officeScheduleSchema = z
  .object({
    template: z.object({
      weekdays: z.array(z.number().int().min(1).max(7)).max(7).describe('ISO weekdays the office serves'),
      slots: z.array(z.object({ start: hourMinute, end: hourMinute })).max(24),
      capacity: z.object({ REGULAR: poolCapacity, EXPRESS: poolCapacity, PRIORITY: poolCapacity }),
    }),
    releaseRule: releaseRuleSchema,
    horizonDays: z.number().int().min(7).max(120),
    closures: z.array(z.object({ date: isoDate, reason: z.string().trim().min(1).max(200) })).max(366),
  })
  .meta({ id: 'OfficeSchedule' });
export type OfficeScheduleInput = z.infer<typeof officeScheduleSchema>;

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: isoInstant,
    officer: z.string(),
    officeCode: z.string().nullable(),
    action: z.string(),
    applicationId: z.uuid().nullable(),
    requestId: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
