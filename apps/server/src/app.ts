import cookie from '@fastify/cookie';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Adapters } from './adapters.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { registerModules } from './modules.ts';
import type { Clock } from './platform/clock.ts';
import { registerHealth } from './platform/health.ts';
import { registerLanguage } from './platform/language.ts';
import { createLogger } from './platform/logging.ts';
import { registerMetrics } from './platform/metrics.ts';
import { DOCS_PATH, registerOpenApi } from './platform/openapi.ts';
import {
  answerClientError,
  registerProblemHandlers,
  registerProblemTypes,
  sendProblem,
} from './platform/problems.ts';
import type { FallbackRateLimitStore, RateLimitStore } from './platform/rate-limit.ts';
import { registerTextGuard } from './platform/text-guard.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { zodValidatorCompiler } from './platform/validation.ts';
import { registerWeb } from './platform/web.ts';

export interface AppDependencies {
  readonly config: Config;
  readonly db: DatabaseHandle;
  readonly clock: Clock;
  readonly adapters: Adapters;
  /** Shared counters of the rate limiter; the database when absent (Redis when REDIS_URL is set). */
  readonly rateLimitStore?: RateLimitStore;
  readonly logger?: Logger;
}

export const APP_VERSION = '0.1.0';
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** A quarter of the headers timeout, 100 ms to 1 s: a slow client is cut at most that late. */
const checkingIntervalMs = (headersTimeoutMs: number) =>
  Math.min(1_000, Math.max(100, Math.floor(headersTimeoutMs / 4)));

/** Builds the whole service; `main` is the only caller that listens on a port. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, db, clock, adapters } = deps;
  const { secretKey, simponiWebhookSecret, blobs } = config;
  const encryptionKeys = blobs.encryptionKeys;
  if (!secretKey || !encryptionKeys || !simponiWebhookSecret) {
    throw new Error(
      'buildApp needs the secrets main resolves at start-up (SECRET_KEY, BLOB_ENCRYPTION_KEYS, SIMPONI_WEBHOOK_SECRET)',
    );
  }
  const app = Fastify({
    loggerInstance: (deps.logger ?? createLogger(config.logLevel)) as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Keep a caller's id for tracing across systems, but only if it is short and harmless.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: false,
    // Explicit limits (issue 18): a client dripping its headers or body does not hold a socket forever.
    requestTimeout: config.connections.requestTimeoutMs,
    // Node checks both timeouts only every connectionsCheckingInterval (30 s by default), so a 15 s
    // headers timeout cut a slow client at up to 45 s; check often enough for the limits to mean it.
    http: { connectionsCheckingInterval: checkingIntervalMs(config.connections.headersTimeoutMs) },
    clientErrorHandler: answerClientError,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: (error, request, reply) => {
      sendProblem(request, reply, { code: error.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' });
    },
  });
  app.server.headersTimeout = config.connections.headersTimeoutMs;
  app.server.maxConnections = config.connections.max;
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerLanguage(app);
  registerProblemHandlers(app);
  registerClosingGuard(app);
  registerTextGuard(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app, { production: config.env === 'production', docsPath: DOCS_PATH });
  await app.register(cookie);

  await registerOpenApi(app, APP_VERSION);
  registerMetrics(app, db);
  const store = deps.rateLimitStore;
  registerHealth(
    app,
    db,
    store && 'state' in store ? { rateLimits: (store as FallbackRateLimitStore).state } : {},
  );
  registerProblemTypes(app);

  await registerModules(app, {
    config: { ...config, secretKey, simponiWebhookSecret, blobs: { ...config.blobs, encryptionKeys } },
    db,
    clock,
    adapters,
    rateLimitStore: deps.rateLimitStore,
  });

  const web = await registerWeb(app, config.webDistDir ?? DEFAULT_WEB_DIST);
  app.setNotFoundHandler((request, reply) => {
    if (web?.serveSpaFallback(request, reply)) return reply;
    return sendProblem(request, reply, { code: 'NOT_FOUND' });
  });

  return app;
}

/** While shutting down, requests on kept-alive connections get a clear 503 and the connection closes. */
function registerClosingGuard(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    return sendProblem(request, reply, { code: 'SERVICE_UNAVAILABLE' });
  });
}
