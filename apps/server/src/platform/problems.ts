import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Localized } from '#shared/i18n.ts';
import { isProblemCode, problemCatalog, problemTypeUri, type ProblemCode } from '#shared/problems/index.ts';
import { validationMessages } from '#shared/validation-messages.ts';
import { isDomainError, type FieldProblem } from './errors.ts';
import { languageOf } from './language.ts';
import { fieldProblemsFromIssues, isZodIssueList } from './validation.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface ProblemReply {
  readonly code: ProblemCode;
  readonly detail?: Localized | undefined;
  readonly errors?: readonly FieldProblem[] | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** Renders RFC 9457 problem details in the request's language. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: ProblemReply,
): FastifyReply {
  const definition = problemCatalog[problem.code];
  const language = languageOf(request);
  const body = {
    type: problemTypeUri(problem.code),
    title: definition.title[language],
    status: definition.status,
    detail: (problem.detail ?? definition.title)[language],
    code: problem.code,
    ...(problem.errors && problem.errors.length > 0
      ? { errors: problem.errors.map((e) => ({ path: e.path, message: e.message[language] })) }
      : {}),
    requestId: request.id,
  };
  reply.code(definition.status).header('content-language', language).type(PROBLEM_CONTENT_TYPE);
  if (problem.headers) reply.headers(problem.headers);
  return reply.send(body);
}

/**
 * A request Node could not even hand to Fastify (headers or body too slow, bytes that are not HTTP):
 * answered on the raw socket, still as a problem document in Bahasa Indonesia, then closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const code: ProblemCode = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const { status, title } = problemCatalog[code];
  const body = JSON.stringify({
    type: problemTypeUri(code),
    title: title.id,
    status,
    detail: title.id,
    code,
  });
  const reason = code === 'REQUEST_TIMEOUT' ? 'Request Timeout' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Language: id\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Fastify's own 4xx errors, by status, to our stable codes. */
const frameworkCodes: Record<number, ProblemCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

export function problemForError(error: FastifyError | Error): ProblemReply | null {
  if (isDomainError(error)) {
    return { code: error.code, detail: error.detail, errors: error.errors, headers: error.headers };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (isZodIssueList(fastifyError.validation)) {
    return { code: 'VALIDATION', errors: fieldProblemsFromIssues(fastifyError.validation) };
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = frameworkCodes[status] ?? 'BAD_REQUEST';
    const isJsonError = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError;
    return { code, detail: isJsonError ? validationMessages['json.invalid'] : undefined };
  }
  return null;
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemForError(error);
    if (problem) return sendProblem(request, reply, problem);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, { code: 'INTERNAL' });
  });
}

/** Makes each problem `type` URI dereferenceable: what the code means, in both languages. */
export function registerProblemTypes(app: FastifyInstance): void {
  app.get<{ Params: { code: string } }>(
    '/api/v1/problems/:code',
    { schema: { hide: true } },
    async (request, reply) => {
      const code = request.params.code;
      if (!isProblemCode(code)) return sendProblem(request, reply, { code: 'NOT_FOUND' });
      const definition = problemCatalog[code];
      return { code, status: definition.status, title: definition.title };
    },
  );
}
