import { z } from 'zod';

/** RFC 9457 problem details as this API answers them (API.md "Conventions"). */
export const problemSchema = z
  .object({
    type: z.string().describe('URI reference naming the problem type; GET it for its description'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('Stable, machine-readable code'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Field-level problems; `path` names the field, e.g. `dateOfBirth`'),
    instance: z.string().optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
