import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createHttpSimponi, type SimponiPort } from './modules/billing/index.ts';
import { createHttpDukcapil, DukcapilUnavailableError, type DukcapilPort } from './modules/identity/index.ts';
import {
  createHttpSmsSender,
  createSmtpMailSender,
  type MailSender,
  type SmsSender,
} from './modules/notifications/index.ts';
import {
  createSimDukcapil,
  createSimMailSender,
  createSimSmsSender,
  simResidents,
} from './modules/sim/index.ts';
import type { Clock } from './platform/clock.ts';
import { createFilesystemBlobStore, createS3BlobStore, type BlobStore } from './modules/documents/index.ts';

/** The outside systems, each behind a port: real adapters from configuration, simulators in simulation. */
export interface Adapters {
  readonly dukcapil: DukcapilPort;
  readonly mail: MailSender;
  /** Null when no SMS gateway is configured outside simulation: SMS notices are then not sent. */
  readonly sms: SmsSender | null;
  /** Where scans are kept: the filesystem under DATA_DIR, or S3-compatible object storage. */
  readonly blobStore: BlobStore;
  /** SIMPONI over HTTP; null in simulation without SIMPONI_URL, where the app runs the simulator. */
  readonly simponi: SimponiPort | null;
  /** Releases connections (SMTP pool) on shutdown. */
  close(): Promise<void>;
}

/**
 * Chooses the adapters. In simulation every message also lands in the dev mailbox (`/sim/outbox`),
 * next to the real SMTP server or SMS gateway when one is configured; a configured DUKCAPIL_URL wins
 * over the simulated registry (point it at /sim/dukcapil to exercise the real adapter).
 */
export function createAdapters(config: Config, db: Database, clock: Clock): Adapters {
  const smtp = config.smtpUrl ? createSmtpMailSender({ url: config.smtpUrl, from: config.mailFrom }) : null;
  const httpSms =
    config.smsGatewayUrl && config.smsGatewayToken
      ? createHttpSmsSender({ url: config.smsGatewayUrl, token: config.smsGatewayToken, timeoutMs: 10_000 })
      : null;
  const simMail = config.simulation ? createSimMailSender({ db, clock }) : null;
  const simSms = config.simulation ? createSimSmsSender({ db, clock }) : null;

  const dukcapil = config.dukcapil.url
    ? createHttpDukcapil({
        url: config.dukcapil.url,
        user: config.dukcapil.user,
        password: config.dukcapil.password,
        timeoutMs: config.dukcapil.timeoutMs,
        // A person waits on this call: one retry, and after 3 failures in a row answer at once.
        retries: 1,
        breaker: { failureThreshold: 3, coolDownMs: 30_000 },
      })
    : config.simulation
      ? createSimDukcapil(simResidents(config.simResidents))
      : unconfiguredDukcapil;

  const s3 = config.blobs.store === 's3' ? createS3BlobStore(s3Options(config)) : null;
  const simponi = config.simponi.url
    ? createHttpSimponi({
        url: config.simponi.url,
        user: config.simponi.user,
        password: config.simponi.password,
        timeoutMs: config.simponi.timeoutMs,
      })
    : null;
  return {
    dukcapil,
    simponi,
    mail: fanOut([smtp, simMail]) ?? unconfiguredMail,
    sms: fanOut([httpSms, simSms]),
    blobStore: s3 ?? createFilesystemBlobStore(config.blobs.dir),
    async close() {
      smtp?.close();
      s3?.destroy();
    },
  };
}

function s3Options(config: Config) {
  const { s3 } = config.blobs;
  if (!s3.bucket || !s3.accessKeyId || !s3.secretAccessKey)
    throw new Error('BLOB_STORE=s3 needs S3_BUCKET and keys');
  return {
    endpoint: s3.endpoint,
    region: s3.region,
    bucket: s3.bucket,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: s3.forcePathStyle,
  };
}

/** Delivers through each sender in turn; a failure stops the chain so the outbox retries it. */
function fanOut<T extends { send(message: never): Promise<void> }>(senders: readonly (T | null)[]): T | null {
  const present = senders.filter((s): s is T => s !== null);
  if (present.length <= 1) return present[0] ?? null;
  return {
    async send(message: never) {
      for (const sender of present) await sender.send(message);
    },
  } as T;
}

const unconfiguredMail: MailSender = {
  send: () => Promise.reject(new Error('SMTP_URL is not set: e-mail cannot be delivered')),
};

const unconfiguredDukcapil: DukcapilPort = {
  verifyResident: () => Promise.reject(new DukcapilUnavailableError('DUKCAPIL_URL is not set')),
  residentRecord: () => Promise.reject(new DukcapilUnavailableError('DUKCAPIL_URL is not set')),
};
