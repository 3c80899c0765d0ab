import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';

/**
 * Conditional GET (RFC 9110 §8.8.3, §13.1.2): an answer carries the ETag of its exact bytes, and a
 * client that sends that tag back in `If-None-Match` gets `304 Not Modified` without a body.
 *
 * The tags are strong, not weak: each is a hash of the very bytes sent, so two answers with the same
 * tag are byte-for-byte equal — what a strong tag promises (§8.8.1). A weak tag would promise less than
 * we know, for nothing: `If-None-Match` compares weakly anyway (§13.1.2), so a proxy that compresses
 * and weakens our tag to `W/"…"` still gets its 304. Hashing the bytes, not some version number, also
 * means a tag cannot outlive a change of the answer's shape or wording after a deployment, and every
 * instance behind a load balancer gives the same answer the same tag.
 */

/** A JSON answer ready to send: its text as the contract encodes it, and the strong ETag of that text. */
export interface PublishedJson {
  readonly json: string;
  readonly etag: string;
}

export interface Caching {
  /** Sent with the 200 and the 304 alike (a 304 must say what the 200 would have: §15.4.5). */
  readonly cacheControl: string;
  readonly vary?: string;
}

/** `"…"`: 160 bits of SHA-256 in base64url; no comma or quote, so lists of tags split safely. */
export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

/**
 * Encodes `value` with the route's response schema, as Fastify's serializer would (fields the contract
 * does not name are dropped), and tags the text.
 */
export function publishJson<Schema extends ZodType>(schema: Schema, value: z.output<Schema>): PublishedJson {
  const json = JSON.stringify(z.encode(schema, value));
  return { json, etag: etagOf(json) };
}

/** Whether `If-None-Match` is `*` or names `etag`; weak comparison, as §13.1.2 requires for it. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);
  const wanted = opaque(etag);
  return header.split(',').some((part) => {
    const tag = part.trim();
    return tag === '*' || opaque(tag) === wanted;
  });
}

/**
 * Sends the published answer, or 304 without a body when the client holds it already. The text is
 * sent as it is: Fastify does not serialize a string sent as JSON, so a cached text costs nothing more.
 */
export function sendPublished(
  request: FastifyRequest,
  reply: FastifyReply,
  published: PublishedJson,
  caching: Caching,
): FastifyReply {
  reply.header('etag', published.etag).header('cache-control', caching.cacheControl);
  if (caching.vary) reply.header('vary', caching.vary);
  if (matchesIfNoneMatch(request.headers['if-none-match'], published.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(published.json);
}

/** The OpenAPI answer 304 of a conditional GET: no body, the tag the client sent is still current. */
export const notModifiedResponse = z
  .null()
  .describe('Not Modified: `If-None-Match` named the current `ETag`; keep the copy you have. No body.');
