import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.ts';
import { DomainError } from './errors.ts';

const READY_TIMEOUT_MS = 2_000;

/** What else readiness reports: the shared rate-limit store, when Redis is configured (issue 18). */
export interface ReadinessExtras {
  readonly rateLimits?: () => 'redis' | 'fallback';
}

export function registerHealth(app: FastifyInstance, db: DatabaseHandle, extras: ReadinessExtras = {}): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        operationId: 'checkHealth',
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  r.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        operationId: 'checkReadiness',
        summary: 'The database answers; where rate limits are counted',
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: z.enum(['pglite', 'postgres']),
            rateLimits: z
              .enum(['database', 'redis', 'fallback'])
              .optional()
              .describe('fallback: Redis is configured but unreachable; the database counts meanwhile'),
          }),
        },
      },
    },
    async () => {
      try {
        await withTimeout(db.ping(), READY_TIMEOUT_MS);
      } catch (cause) {
        throw new DomainError({
          code: 'SERVICE_UNAVAILABLE',
          detail: { id: 'Basis data belum menjawab.', en: 'The database does not answer yet.' },
          cause,
        });
      }
      const rateLimits: 'redis' | 'fallback' | 'database' = extras.rateLimits?.() ?? 'database';
      return { status: 'ready' as const, database: db.kind, rateLimits };
    },
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
