import type { FastifyInstance } from 'fastify';
import type { FieldProblem } from './errors.ts';
import { sendProblem } from './problems.ts';

/**
 * Text PostgreSQL cannot store, refused before anything reads it (issue 18): a NUL character
 * (`\u0000`, `%00`) makes PostgreSQL fail the statement — a 500 before this guard — and a lone UTF-16
 * surrogate is no character at all. Path parameters, query and JSON bodies are checked once, for every
 * route, with the field named in a 422 VALIDATION problem.
 */
// NUL is matched on purpose: it is the character PostgreSQL refuses.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 64;

/** The first string in `value` (keys too) that PostgreSQL cannot store, as a dotted path. */
export function unstorableText(value: unknown, path: readonly string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') : null;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return [...path, key].join('.');
    const found = unstorableText(inner, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

const refusal: FieldProblem['message'] = {
  id: 'Teks berisi karakter yang tidak sah (NUL atau surrogate tunggal).',
  en: 'The text contains a character that is not allowed (NUL or a lone surrogate).',
};

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const sources = { params: request.params, query: request.query, body: request.body };
    for (const [where, value] of Object.entries(sources)) {
      const path = unstorableText(value);
      if (path === null) continue;
      const field = path || where;
      return sendProblem(request, reply, { code: 'VALIDATION', errors: [{ path: field, message: refusal }] });
    }
  });
}
