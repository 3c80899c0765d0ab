import cookie from '@fastify/cookie';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Adapters } from './adapters.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { accountsRoutes, createAccountsService } from './modules/accounts/index.ts';
import { createIdentityService } from './modules/identity/index.ts';
import { createNotificationService, createOutboxWorker } from './modules/notifications/index.ts';
import { createOfficesService, regionDirectory } from './modules/offices/index.ts';
import { createSimService, simRoutes } from './modules/sim/index.ts';
import { registerAccess } from './platform/access.ts';
import { SimulatedClock, type Clock } from './platform/clock.ts';
import { registerHealth } from './platform/health.ts';
import { registerLanguage } from './platform/language.ts';
import { createLogger } from './platform/logging.ts';
import { registerMetrics } from './platform/metrics.ts';
import { registerOpenApi } from './platform/openapi.ts';
import { registerProblemHandlers, registerProblemTypes, sendProblem } from './platform/problems.ts';
import {
  createDatabaseRateLimitStore,
  createRateLimiter,
  type RateLimitStore,
} from './platform/rate-limit.ts';
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
const SIM_CLOCK_SYNC_MS = 2_000;

/** Builds the whole service; `main` is the only caller that listens on a port. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, db, clock, adapters } = deps;
  if (!config.secretKey) throw new Error('buildApp needs config.secretKey (main resolves it at start-up)');
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
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: (error, request, reply) => {
      sendProblem(request, reply, { code: error.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' });
    },
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerLanguage(app);
  registerProblemHandlers(app);
  registerClosingGuard(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(cookie);

  await registerOpenApi(app, APP_VERSION);
  registerMetrics(app, db);
  registerHealth(app, db);
  registerProblemTypes(app);

  const offices = createOfficesService({ db: db.db });
  const worker = createOutboxWorker({
    db: db.db,
    clock,
    mail: adapters.mail,
    sms: adapters.sms,
    logger: app.log,
    pollMs: config.outboxPollMs,
    leaseMs: config.outboxLeaseMs,
  });
  const notifications = createNotificationService({ db: db.db, clock, wake: worker.wake });
  const accounts = createAccountsService({
    db: db.db,
    clock,
    identity: createIdentityService({ dukcapil: adapters.dukcapil, clock, regions: regionDirectory() }),
    notifications,
    limiter: createRateLimiter({
      store: deps.rateLimitStore ?? createDatabaseRateLimitStore(db.db),
      scale: config.rateLimitScale,
      now: () => clock.now().getTime(),
    }),
    secretKey: config.secretKey,
    sessionPolicy: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    smsEnabled: adapters.sms !== null,
  });
  registerAccess(app, { authenticateApplicant: accounts.authenticate });
  await app.register(accountsRoutes, {
    prefix: '/api/v1',
    accounts,
    secureCookies: config.env === 'production',
  });

  if (config.simulation) {
    if (!(clock instanceof SimulatedClock)) throw new Error('Simulation mode needs a SimulatedClock');
    const sim = createSimService({ db: db.db, clock, offices, residentCount: config.simResidents });
    await app.register(simRoutes, { prefix: '/sim', sim });
    startClockSync(app, sim.syncClock);
  }

  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());

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

/** Another instance may advance the simulated clock; adopt its offset every few seconds. */
function startClockSync(app: FastifyInstance, sync: () => Promise<void>): void {
  const timer = setInterval(() => {
    sync().catch((error: unknown) => app.log.warn({ err: error }, 'simulated clock sync failed'));
  }, SIM_CLOCK_SYNC_MS);
  timer.unref();
  app.addHook('onReady', sync);
  app.addHook('onClose', async () => clearInterval(timer));
}
