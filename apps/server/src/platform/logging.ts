import type { FastifyReply, FastifyRequest } from 'fastify';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * JSON logs that never carry personal data (UU 27/2022 PDP): known fields are redacted by path, and
 * every line is scrubbed for anything shaped like a NIK, an e-mail address or an Indonesian phone
 * number, so an error message that quotes user input cannot leak it either.
 */
const personalFields = ['nik', 'email', 'phone', 'password', 'newPassword', 'code', 'fullName', 'token'];
const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...personalFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

const scrubbers: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\d.])\d{16}(?![\d.])/g, '[NIK]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[EMAIL]'],
  [/(?<![\w.])(?:\+?62|0)8\d{7,12}(?![\d.])/g, '[PHONE]'],
];

export function scrubPersonalData(line: string): string {
  let result = line;
  for (const [pattern, replacement] of scrubbers) result = result.replace(pattern, replacement);
  return result;
}

/**
 * An error as the log may keep it (issue 18): a failed query's message and fields carry every bound
 * value (name, birth date, password hash), so the parameters are cut off, PostgreSQL's `detail`
 * ("Key (email)=(…) already exists") and `where` dropped, the cause chain treated the same way.
 */
export function safeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const withoutParams = (text: unknown) =>
    typeof text === 'string' ? text.replace(/\nparams:[\s\S]*$/, '\nparams: [REMOVED]') : text;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    if (['params', 'parameters', 'detail', 'where', 'raw', 'cause'].includes(key)) continue;
    kept[key] = key === 'message' || key === 'stack' ? withoutParams(value) : value;
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) kept.cause = safeError(cause, depth + 1);
  return kept;
}

export function createLogger(level: LoggerOptions['level'], destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: redactPaths, censor: '[REDACTED]' },
    hooks: { streamWrite: scrubPersonalData },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        // The query string can carry an e-mail (e.g. /sim/outbox?to=…); the path is enough to debug.
        path: request.url.split('?')[0],
        routeUrl: request.routeOptions?.url,
      }),
      res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      err: safeError,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
