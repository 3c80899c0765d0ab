import type { FastifyInstance } from 'fastify';
import { Counter } from 'prom-client';
import type { Adapters } from './adapters.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { accountsRoutes, createAccountsService } from './modules/accounts/index.ts';
import {
  applicationsRoutes,
  createApplicationsService,
  waitlistRoutes,
  dataExportRoutes,
  type ApplicationsService,
} from './modules/applications/index.ts';
import {
  createBillingService,
  feesRoutes,
  paymentPartners,
  simponiWebhookRoutes,
} from './modules/billing/index.ts';
import { createDocumentsService, parseKeyring } from './modules/documents/index.ts';
import { createIdentityService } from './modules/identity/index.ts';
import { createNotificationService, createOutboxWorker } from './modules/notifications/index.ts';
import { snapshotPglite } from './db/pglite-backup.ts';
import {
  authenticateOfficer,
  backupRoutes,
  createOfficerBackups,
  officerSessionTouches,
  createOfficerAdmin,
  createOfficerCounter,
  createOfficerLosses,
  createOfficerDesk,
  createPartnerHealthDesk,
  officerAdminRoutes,
  partnerHealthRoutes,
  officerRoutes,
} from './modules/officer/index.ts';
import { createOfficesService, officesRoutes, regionDirectory } from './modules/offices/index.ts';
import { createReleasesService, registerReleaseMetrics, releasesRoutes } from './modules/releases/index.ts';
import { createSchedulingService, listingsPerIp, schedulingRoutes } from './modules/scheduling/index.ts';
import { createSimService, createSimSimponi, simRoutes } from './modules/sim/index.ts';
import { createTravelDocumentsService, travelDocumentsRoutes } from './modules/travel-documents/index.ts';
import { registerAccess } from './platform/access.ts';
import { runPeriodically } from './platform/jobs.ts';
import { deriveKey } from './platform/secrets.ts';
import { SimulatedClock, type Clock } from './platform/clock.ts';
import {
  createDatabaseRateLimitStore,
  createMemoryRateLimitStore,
  createRateLimiter,
  type RateLimitStore,
} from './platform/rate-limit.ts';

/** Active applications one account may hold at once (issue 5: an unlimited count is how brokers work). */
const MAX_ACTIVE_APPLICATIONS_PER_ACCOUNT = 5;
const SIM_CLOCK_SYNC_MS = 2_000;

/** Bookings refused against brokers (no consent, over a cap), by reason: `booking_refusals_total`. */
function bookingRefusalCounter(app: FastifyInstance) {
  const counter = new Counter({
    name: 'booking_refusals_total',
    help: 'Bookings refused to stop brokers (issue 15), by reason',
    labelNames: ['reason'] as const,
    registers: [app.metrics],
  });
  return { count: (reason: string) => counter.inc({ reason }) };
}

export interface ModuleDeps {
  readonly config: Config & {
    readonly secretKey: string;
    readonly simponiWebhookSecret: string;
    readonly blobs: { readonly encryptionKeys: string };
  };
  readonly db: DatabaseHandle;
  readonly clock: Clock;
  readonly adapters: Adapters;
  readonly rateLimitStore?: RateLimitStore | undefined;
}

/** The composition root of the capabilities: services built from their dependencies, then routes. */
export async function registerModules(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const { config, clock, adapters } = deps;
  const db = deps.db.db;
  const offices = createOfficesService({ db });
  const identity = createIdentityService({ dukcapil: adapters.dukcapil, clock, regions: regionDirectory() });
  const worker = createOutboxWorker({
    db,
    clock,
    mail: adapters.mail,
    sms: adapters.sms,
    logger: app.log,
    pollMs: config.outboxPollMs,
    leaseMs: config.outboxLeaseMs,
  });
  const notifications = createNotificationService({ db, clock, wake: worker.wake });
  const limiter = createRateLimiter({
    store: deps.rateLimitStore ?? createDatabaseRateLimitStore(db),
    scale: config.rateLimitScale,
    now: () => clock.now().getTime(),
  });
  const refusals = bookingRefusalCounter(app);
  // The seat listing is the hottest public read: its velocity limit counts in memory, per instance.
  const listingLimiter = createRateLimiter({
    store: createMemoryRateLimitStore(() => clock.now().getTime()),
    scale: config.rateLimitScale,
    now: () => clock.now().getTime(),
  });
  const limitListing = async (ip: string) => {
    try {
      await listingLimiter.consume(listingsPerIp, ip);
    } catch (error) {
      refusals.count('LISTING_VELOCITY');
      throw error;
    }
  };
  const accounts = createAccountsService({
    db,
    clock,
    identity,
    notifications,
    limiter,
    secretKey: config.secretKey,
    sessionPolicy: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    smsEnabled: adapters.sms !== null,
    log: app.log,
  });
  app.addHook('onClose', () => accounts.settle());
  // The simulated SIMPONI "delivers" its signed notifications through this very app, over the full
  // HTTP pipeline (routing, raw body, signature), like the real one would over the network.
  const simSimponi = config.simulation
    ? createSimSimponi({
        db,
        clock,
        secret: config.simponiWebhookSecret,
        logger: app.log,
        deliver: async (payload, signature) => {
          const response = await app.inject({
            method: 'POST',
            url: '/api/v1/webhooks/simponi',
            headers: { 'content-type': 'application/json', 'x-simponi-signature': signature },
            payload,
          });
          return { status: response.statusCode };
        },
      })
    : null;
  if (simSimponi) app.addHook('onClose', async () => simSimponi.stop());
  const simponi = adapters.simponi ?? simSimponi?.port;
  if (!simponi)
    throw new Error('SIMPONI_URL is not set and simulation is off: no way to issue billing codes');
  const billing = createBillingService({
    db,
    clock,
    simponi,
    effects: () => ({
      applicationPaid: (tx, id, payment) => applications.applicationPaid(tx, id, payment),
      deadlinesExtended: (tx, list, minutes) => applications.deadlinesExtended(tx, list, minutes),
      otherBillingPaid: (tx, payment) => applications.otherBillingPaid(tx, payment),
    }),
    warn: (message, error) => app.log.warn({ err: error }, message),
  });
  const travelDocuments = createTravelDocumentsService({ db, clock, offices });
  const scheduling = createSchedulingService({ db, clock, offices, waitlist: config.waitlist });
  const releases = createReleasesService({
    db,
    clock,
    key: config.secretKey,
    settings: config.releases,
    scheduling,
    offices,
    drafts: () => applications,
  });
  const applications: ApplicationsService = createApplicationsService({
    db,
    clock,
    identity,
    travelDocuments,
    fees: billing,
    billing,
    scheduling,
    admissions: releases,
    contacts: accounts,
    notifications,
    smsEnabled: adapters.sms !== null,
    retentionDays: config.retentionDays,
    documents: createDocumentsService({
      db,
      blobStore: adapters.blobStore,
      keyring: parseKeyring(config.blobs.encryptionKeys),
      maxBytes: config.uploadMaxBytes,
    }),
    maxActivePerAccount: MAX_ACTIVE_APPLICATIONS_PER_ACCOUNT,
    consent: {
      key: deriveKey(config.secretKey, 'nik-consent'),
      maxOtherAdults: config.maxOtherAdultsPerAccount,
    },
    refusals,
    limiter,
    arrivalPassKey: deriveKey(config.secretKey, 'arrival-pass'),
    claimLinks: {
      key: deriveKey(config.secretKey, 'payment-claim'),
      baseUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
    },
  });

  const officerAuth = {
    db,
    clock,
    secretKey: config.secretKey,
    requireTotp: config.env === 'production',
    limiter,
    touches: officerSessionTouches(db),
  };
  const officerDesk = createOfficerDesk({ db, clock, desk: applications.office });
  const officerCounter = createOfficerCounter({
    db,
    counter: applications.counter,
    desk: applications.office,
    officerDesk,
    walkIn: scheduling.walkIn,
  });
  const officerLosses = createOfficerLosses({
    losses: applications.losses,
    desk: applications.office,
    officerDesk,
  });
  const officerAdmin = createOfficerAdmin({
    db,
    desk: officerDesk,
    scheduling,
    payments: billing,
    officesOf: (ids) => applications.office.officesOf(ids),
    officeExists: async (code) => (await offices.findOffice(code)) !== null,
  });
  const partnerHealthDesk = createPartnerHealthDesk({
    desk: officerDesk,
    partnerHealth: billing.partnerHealth,
    partners: paymentPartners,
  });

  registerAccess(app, {
    authenticateApplicant: accounts.authenticate,
    authenticateOfficer: (request) => authenticateOfficer(officerAuth, request),
  });
  const api = { prefix: '/api/v1' };
  await app.register(accountsRoutes, { ...api, accounts, secureCookies: config.env === 'production' });
  await app.register(feesRoutes, { ...api, billing });
  await app.register(simponiWebhookRoutes, { ...api, billing, secret: config.simponiWebhookSecret, clock });
  await app.register(travelDocumentsRoutes, { ...api, travelDocuments, accounts });
  await app.register(applicationsRoutes, { ...api, applications, maxUploadBytes: config.uploadMaxBytes });
  await app.register(waitlistRoutes, { ...api, applications });
  await app.register(dataExportRoutes, {
    ...api,
    applications,
    account: (accountId) => accounts.getAccount(accountId),
    fileReads: (ids) => officerDesk.readsOf(ids),
    retentionDays: config.retentionDays,
    now: () => clock.now(),
  });
  await app.register(officesRoutes, { ...api, offices });
  await app.register(schedulingRoutes, { ...api, scheduling, limitListing });
  // Part of the pool: the rest stays free for the submits of the admitted (platform/gate.ts).
  const ticketReadsAtOnce = Math.max(1, Math.floor(config.dbPoolMax * 0.5));
  await app.register(releasesRoutes, { ...api, releases, ticketReadsAtOnce });
  registerReleaseMetrics(app.metrics, releases);
  await app.register(officerRoutes, {
    ...api,
    auth: officerAuth,
    desk: officerDesk,
    clock,
    officeName: async (code) => (code ? ((await offices.officeNames([code])).get(code) ?? null) : null),
    maxUploadBytes: config.uploadMaxBytes,
    secureCookies: config.env === 'production',
    releases,
    counter: officerCounter,
    losses: officerLosses,
  });
  await app.register(officerAdminRoutes, { ...api, admin: officerAdmin });
  await app.register(partnerHealthRoutes, { ...api, desk: partnerHealthDesk });
  const backups = createOfficerBackups({
    db,
    clock,
    desk: officerDesk,
    snapshot: deps.db.kind === 'pglite' ? () => snapshotPglite(deps.db) : null,
  });
  await app.register(backupRoutes, { ...api, backups });

  if (config.simulation) {
    if (!(clock instanceof SimulatedClock)) throw new Error('Simulation mode needs a SimulatedClock');
    const sim = createSimService({ db, clock, offices, residentCount: config.simResidents });
    await app.register(simRoutes, { prefix: '/sim', sim, simponi: simSimponi! });
    // Another instance may advance the simulated clock: adopt its offset every few seconds.
    runPeriodically(app, { name: 'sim-clock-sync', everyMs: SIM_CLOCK_SYNC_MS, run: sim.syncClock });
  }
  // Deadlines follow the injected clock, so advancing /sim/clock expires a billing within a second.
  const jobs = applications;
  runPeriodically(app, {
    name: 'billing-expiry',
    everyMs: config.jobIntervalMs,
    run: (signal) => jobs.settleOverdue(signal),
  });
  runPeriodically(app, {
    name: 'release-queues',
    everyMs: config.releases.tickMs,
    run: (signal) => releases.tick(signal),
  });
  runPeriodically(app, { name: 'no-show', everyMs: config.jobIntervalMs, run: () => jobs.markNoShows() });
  // Personal data only as long as needed (issue 18): closed applications' scans, every minute a few.
  runPeriodically(app, {
    name: 'retention',
    everyMs: config.jobIntervalMs * 60,
    run: async (signal) => {
      const purged = await jobs.purgeClosedFiles(signal);
      if (purged > 0) app.log.info({ purged }, 'retention: scans and photos of closed applications deleted');
    },
  });
  // Cancelled and expired codes are voided at SIMPONI (issue 17): the channel then refuses them.
  runPeriodically(app, {
    name: 'billing-void',
    everyMs: config.jobIntervalMs,
    run: (signal) => billing.voidClosed(signal),
  });
  // Reminders people rely on (issue 16): each claimed once in its outbox transaction, so every
  // instance may run this.
  runPeriodically(app, {
    name: 'reminders',
    everyMs: config.jobIntervalMs,
    run: (signal) => jobs.sendReminders(signal),
  });
  runPeriodically(app, {
    name: 'idle-drafts',
    everyMs: config.jobIntervalMs,
    run: () => jobs.cancelIdleDrafts(),
  });
  // The waitlist: held seats whose time ran out pass on, offers are told.
  runPeriodically(app, {
    name: 'waitlist-offers',
    everyMs: config.jobIntervalMs,
    run: async () => {
      await scheduling.waitlist.lapseOffers();
      await jobs.announceOffers();
    },
  });
  // Unsold seats for the waitlist: a search across the waiting entries (bench --freed: ~25 ms with
  // 5,000 waiting), so ten times less often; freed seats do not wait for it (offered in their transaction).
  runPeriodically(app, {
    name: 'waitlist-open-seats',
    everyMs: config.jobIntervalMs * 10,
    run: (signal) => scheduling.waitlist.offerOpenSeats(signal),
  });
  runPeriodically(app, {
    name: 'overdue-visits',
    everyMs: config.jobIntervalMs,
    run: (signal) => jobs.closeOverdueVisits(signal),
  });
  // Lost notifications: billings near their deadline are checked with SIMPONI once a minute.
  runPeriodically(app, {
    name: 'reconciliation',
    everyMs: config.reconcileIntervalMs,
    run: (signal) => jobs.reconcileNearDeadline(signal),
  });
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());
}
