import { z } from 'zod';

/**
 * Contracts of the quota release waiting room (issue 14; ADR 0004): joining an office's release queue,
 * following a ticket, and the public record of every release.
 */

export const ticketStates = [
  /** Joined before the release instant: the order is drawn at that instant. */
  'WAITING_FOR_DRAW',
  /** Has a place; waits for admission. */
  'QUEUED',
  /** May book now, with `admission`, until it expires. */
  'ADMITTED',
  /** Booked a seat with its admission. */
  'BOOKED',
  /** The admission lapsed without a booking. */
  'EXPIRED',
  /** No seat is left for this ticket. */
  'SOLD_OUT',
  /** The waiting room ended: booking is open to all again. */
  'CLOSED',
] as const;
export type TicketState = (typeof ticketStates)[number];

export const joinReleaseQueueSchema = z
  .object({ applicationId: z.uuid().describe('A complete DRAFT of yours, ready to book') })
  .meta({ id: 'JoinReleaseQueue' });

export const releaseQueueParamsSchema = z.object({
  code: z.string().max(64).describe('Office code, e.g. JAKARTA_SELATAN'),
});
export const ticketParamsSchema = releaseQueueParamsSchema.extend({ ticketId: z.uuid() });

export const ticketSchema = z
  .object({
    id: z.uuid(),
    officeCode: z.string(),
    applicationId: z.uuid(),
    releaseAt: z.iso.datetime().describe('The release instant: when the order is drawn and booking starts'),
    queueOpensAt: z.iso.datetime(),
    joinedAt: z.iso.datetime(),
    state: z.enum(ticketStates),
    position: z.number().int().nullable().describe('Place in the queue, 1 first; null before the draw'),
    ahead: z.number().int().nullable().describe('People still waiting ahead; null before the draw'),
    estimatedWaitSeconds: z.number().int().nullable(),
    seatsLeft: z.number().int().describe('Seats of the release still free for this application'),
    admission: z
      .object({
        token: z.string().describe('Send as `admission` with submit'),
        expiresAt: z.iso.datetime(),
      })
      .nullable(),
    seedHash: z.string().describe('SHA-256 of the draw seed, committed when the queue opened'),
    releaseId: z
      .uuid()
      .describe('The release this ticket queues for: follow its public `progress` instead of this ticket'),
    pools: z.array(z.string()).describe('The seat pools this application may book (`seatsLeft` per pool)'),
  })
  .meta({ id: 'ReleaseTicket' });
export type TicketView = z.infer<typeof ticketSchema>;

export const releaseRecordSchema = z
  .object({
    id: z.uuid(),
    officeCode: z.string(),
    releaseAt: z.iso.datetime(),
    queueOpensAt: z.iso.datetime(),
    seedHash: z.string(),
    seed: z.string().nullable().describe('Published at the draw; SHA-256(seed) equals seedHash'),
    drawnAt: z.iso.datetime().nullable(),
    seatsReleased: z.number().int().nullable(),
    tickets: z.number().int(),
    drawnTickets: z.number().int().nullable().describe('Tickets ordered by the draw (joined in time)'),
    admitted: z.number().int(),
    sold: z.number().int().describe('Seats booked through the queue'),
    soldOutAt: z.iso.datetime().nullable(),
    secondsToSellOut: z.number().nullable(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ReleaseRecord' });
export type ReleaseRecord = z.infer<typeof releaseRecordSchema>;

export const officeReleasesSchema = z
  .object({
    next: z
      .object({ releaseAt: z.iso.datetime(), queueOpensAt: z.iso.datetime(), seats: z.number().int() })
      .nullable()
      .describe('The next release of the office whose queue has not ended'),
    releases: z.array(releaseRecordSchema),
  })
  .meta({ id: 'OfficeReleases' });
export type OfficeReleases = z.infer<typeof officeReleasesSchema>;

export const releaseDrawSchema = z
  .object({
    release: releaseRecordSchema,
    order: z.array(z.object({ ticketId: z.uuid(), position: z.number().int() })),
  })
  .meta({ id: 'ReleaseDraw' });

export const releaseDrawParamsSchema = releaseQueueParamsSchema.extend({ releaseId: z.uuid() });

/**
 * What every ticket of a release has in common, the same for everyone and public: a crowd follows this
 * (cacheable for a second, with `ETag`) and reads its own ticket only when `ticketProgress` says the
 * ticket's own row decides — the draw placed it, its turn came, or the waiting room ended.
 */
export const releaseProgressSchema = z
  .object({
    id: z.uuid(),
    officeCode: z.string(),
    releaseAt: z.iso.datetime(),
    drawnAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable().describe('The waiting room ended: booking is open to all'),
    soldOutAt: z.iso.datetime().nullable(),
    nextPosition: z
      .number()
      .int()
      .nullable()
      .describe('The first place not admitted yet; every place before it has had its turn'),
    lastPosition: z.number().int().nullable().describe('The last place handed out'),
    seed: z.string().nullable().describe('Published at the draw: a ticket’s draw key is SHA-256(seed:id)'),
    drawnTickets: z.number().int().nullable().describe('Tickets placed by the draw (joined in time)'),
    nextDrawKey: z
      .string()
      .nullable()
      .describe(
        'Draw key (lowercase hex) of the ticket at `nextPosition` when the draw placed it: a drawn ticket ' +
          'whose own key is lower has had its turn, without reading its place',
      ),
    waiting: z.number().int(),
    outstanding: z.number().int().describe('Admissions given and neither used nor expired'),
    seatsLeft: z.record(z.string(), z.number().int()).describe('Free seats per pool'),
    admitPerSecond: z.number().int(),
    admissionMinutes: z.number().int(),
  })
  .meta({ id: 'ReleaseProgress' });
export type ReleaseProgress = z.infer<typeof releaseProgressSchema>;
