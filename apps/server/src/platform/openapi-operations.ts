import type { Readable } from 'node:stream';
import type { FastifySchema, RouteOptions } from 'fastify';
import { z, type ZodType } from 'zod';
import { problemSchema } from '#shared/contracts/problem.ts';
import { problemCatalog } from '#shared/problems/index.ts';
import type { Access } from './access.ts';

/**
 * What every documented operation must carry (operationId, summary, security, error answers), filled
 * in or checked as routes are added, so that the contract cannot drift from how requests are served.
 */

declare module 'fastify' {
  interface FastifySchema {
    /**
     * A request body that a content-type parser of the route reads itself (raw bytes, a multipart
     * form, a signed text): shown in the document, never used by Fastify to validate.
     */
    documentedBody?: DocumentedBody;
  }
}

export interface DocumentedBody {
  readonly content: Readonly<Record<string, { readonly schema: ZodType }>>;
}

type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

/** Cookie names are the accounts and officer modules' (platform code cannot import modules). */
export const securitySchemes = {
  applicantBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'The `token` answered by `POST /api/v1/sessions` (apps).',
  },
  applicantCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'mpaspor_session',
    description: 'The session cookie set by `POST /api/v1/sessions` (browsers).',
  },
  officerBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'The `token` answered by `POST /api/v1/officer/sessions`; never valid on applicant routes.',
  },
  officerCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'mpaspor_officer',
    description: 'The officer session cookie set by `POST /api/v1/officer/sessions` (the console).',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      'The `csrfToken` of the log-in answer. Required with a session cookie on every request that is ' +
      'not GET or HEAD; bearer tokens need none, since another site cannot send them.',
  },
  simponiSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Simponi-Signature',
    description:
      '`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` with the shared secret ' +
      '(SIMPONI_WEBHOOK_SECRET), at most 5 minutes old.',
  },
} as const;

type SchemeName = keyof typeof securitySchemes;

/** Either a bearer token or the cookie; with the cookie, writes also need the CSRF header. */
function requirementsFor(access: Access, safeMethod: boolean): SecurityRequirement[] {
  if (access === 'public') return [];
  const [bearer, cookie]: [SchemeName, SchemeName] =
    access === 'applicant' ? ['applicantBearer', 'applicantCookie'] : ['officerBearer', 'officerCookie'];
  return [{ [bearer]: [] }, safeMethod ? { [cookie]: [] } : { [cookie]: [], csrfToken: [] }];
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/**
 * Every error the app answers is a problem document (platform/problems.ts), whatever the route; the
 * `code` says which. Declared by content type, so that Fastify also serializes errors with it.
 */
const problemResponses = {
  '4XX': problemResponse(
    'A problem (RFC 9457) the client can act on: `code` names it (e.g. NOT_FOUND, INVALID_STATE, ' +
      'RATE_LIMITED), `detail` explains it in the language of `Accept-Language`.',
  ),
  '5XX': problemResponse('The service could not answer (INTERNAL, SERVICE_UNAVAILABLE); retry later.'),
};

const OPERATION_ID = /^[a-z][a-zA-Z0-9]*$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The onRoute part of the OpenAPI document. A route without a schema is no part of the contract
 * (a test's ad hoc route) and stays out of it; a documented one must name its operation and say
 * what it does, and gets its security requirement from `config.access` — the very setting the
 * access hook enforces — unless it declares its own (the signed SIMPONI webhook).
 */
export function createOperationDocumenter(): (route: RouteOptions) => void {
  const operationIds = new Map<string, string>();
  return (route) => {
    // A HEAD route shares its GET route's schema object, already documented.
    if (route.method === 'HEAD') return;
    if (!route.schema) {
      route.schema = { hide: true };
      return;
    }
    const schema: FastifySchema = route.schema;
    if (schema.hide) return;
    const where = `${String(route.method)} ${route.url}`;
    const { operationId, summary } = schema;
    if (!operationId || !OPERATION_ID.test(operationId) || !summary) {
      throw new Error(`Route ${where} must declare a camelCase schema.operationId and a summary`);
    }
    const taken = operationIds.get(operationId);
    if (taken && taken !== where) throw new Error(`operationId ${operationId} of ${where} is ${taken}'s`);
    operationIds.set(operationId, where);

    const access = (route.config as { access?: Access } | undefined)?.access ?? 'public';
    if (schema.security && access !== 'public') {
      throw new Error(`Route ${where}: the security of ${access} routes follows config.access`);
    }
    const methods = ([] as string[]).concat(route.method);
    const derived = !schema.security;
    schema.security ??= requirementsFor(
      access,
      methods.every((m) => SAFE_METHODS.has(m)),
    );
    schema.response = {
      ...problemResponses,
      ...expectedProblems(schema, derived),
      ...(schema.response as object | undefined),
    };
  };
}

/** The problems a client must be ready for on this operation, named beside the 4XX catch-all. */
function expectedProblems(schema: FastifySchema, derivedSecurity: boolean) {
  const problems: Record<string, ReturnType<typeof problemResponse>> = {};
  if (schema.body || schema.querystring || schema.params || schema.documentedBody) {
    problems[problemCatalog.VALIDATION.status] = problemResponse(
      '`VALIDATION`: the input does not fit this contract; `errors` names each field and why.',
    );
  }
  if (schema.security && schema.security.length > 0) {
    problems[problemCatalog.UNAUTHENTICATED.status] = problemResponse(
      derivedSecurity
        ? '`UNAUTHENTICATED`: no session, or it has ended; log in again.'
        : 'The credentials of the request were refused (e.g. `SIGNATURE_INVALID`); nothing changed.',
    );
  }
  return problems;
}

/**
 * A file's bytes in a body (`format: binary`: generated clients type it as a Blob). Handlers send
 * and read such bodies as streams, never through a serializer.
 */
const fileBytes = z.custom<Readable | Buffer>().meta({ type: 'string', format: 'binary' });

/** A success answer whose body is a file of one of these types. */
export function fileResponse(description: string, mediaTypes: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileBytes }])),
  };
}

/** An upload: the file as the raw body (one of these types), or the `file` field of a form. */
export function uploadBody(mediaTypes: readonly string[]): DocumentedBody {
  return {
    content: {
      ...Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileBytes }])),
      'multipart/form-data': { schema: z.object({ file: fileBytes }) },
    },
  };
}
