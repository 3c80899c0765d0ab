import type { Readable } from 'node:stream';
import type {
  ApplicationCreate,
  ApplicationView,
  NikApplication,
  SessionChoice,
} from '#shared/contracts/applications.ts';
import type { LinkedPaymentClaimResult } from '#shared/contracts/payments.ts';
import type { WaitlistJoin, WaitlistView } from '#shared/contracts/waitlist.ts';
import type { ConsentRequested, ConsentView } from '#shared/contracts/consent.ts';
import type { ContestInput, ContestState } from '#shared/contracts/contests.ts';
import type { Language } from '#shared/i18n.ts';
import { arrivalPass } from './arrival-pass.ts';
import { contestState, fileContest, uploadContestEvidence } from './contest.ts';
import { createApplication } from './create.ts';
import { createOfficeDesk, type OfficeDesk } from './office-desk.ts';
import { createCounter, type Counter } from './walk-in.ts';
import { createLossDesk, finePaid, type LossDesk } from './loss.ts';
import { closeOverdueVisits } from './visit-outcomes.ts';
import type { ApplicationsDeps, DocumentScan } from './deps.ts';
import type { ExtendedBilling, OtherBillingOutcome, SimponiPayment } from '../billing/index.ts';
import type { Database } from '../../db/database.ts';
import { cancelApplication, cancelIdleDrafts, markNoShows, rescheduleApplication } from './lifecycle.ts';
import { sendReminders } from './reminders.ts';
import { purgeClosedFiles } from './retention.ts';
import {
  applicationPaid,
  claimPayment,
  claimPaymentByLink,
  deadlinesExtended,
  reconcileNearDeadline,
  settleBilling,
  settleOverdue,
} from './payments.ts';
import { cancelFiledForMyNik, filedForMyNik } from './nik-holder.ts';
import * as repository from './repository.ts';
import { mine, notFound, openScan, uploadScan } from './scans.ts';
import { readOwnApplication } from './status.ts';
import { createSeatClaimBatcher } from './seat-claims.ts';
import { queueEntry, submitApplication } from './submit.ts';
import { toView } from './view.ts';
import { confirmConsent, consentOf, requestConsent } from './consent.ts';
import {
  acceptOffer,
  announceOffers,
  declineOffer,
  joinWaitlist,
  leaveWaitlist,
  waitlistOf,
} from './waitlist.ts';

export interface ApplicationsService {
  create(accountId: string, input: ApplicationCreate, language: Language): Promise<ApplicationView>;
  list(accountId: string, language: Language): Promise<ApplicationView[]>;
  get(accountId: string, applicationId: string, language: Language): Promise<ApplicationView>;
  submit(
    accountId: string,
    applicationId: string,
    choice: SessionChoice,
    language: Language,
  ): Promise<ApplicationView>;
  reschedule(
    accountId: string,
    applicationId: string,
    choice: SessionChoice,
    language: Language,
  ): Promise<ApplicationView>;
  /** A release queue's entry check: a complete DRAFT (or a PAID one to reschedule), its NIK and seats. */
  queueEntry(
    accountId: string,
    applicationId: string,
  ): Promise<{ nik: string; pools: readonly string[]; passportKind: string }>;
  cancel(accountId: string, applicationId: string, language: Language): Promise<ApplicationView>;
  uploadScan(
    accountId: string,
    applicationId: string,
    kind: string,
    upload: { body: Readable; declaredLength?: number },
  ): Promise<DocumentScan>;
  openScan(
    accountId: string,
    applicationId: string,
    kind: string,
  ): Promise<{ scan: DocumentScan; stream: Readable }>;
  claimPayment(
    accountId: string,
    applicationId: string,
    ntpn: string,
    language: Language,
  ): Promise<ApplicationView>;
  /** Applications under the account's own NIK filed by other accounts (issue 15, no squatting). */
  filedForMyNik(accountId: string): Promise<NikApplication[]>;
  cancelFiledForMyNik(accountId: string, applicationId: string): Promise<NikApplication>;
  /** The claim from the e-mail's signed link, without an account: number and status only. */
  claimPaymentByLink(link: string, ntpn: string): Promise<LinkedPaymentClaimResult>;
  /** The billing module's callback, inside its transaction. */
  applicationPaid(tx: Database, applicationId: string, payment: SimponiPayment): Promise<void>;
  /** The billing module's callback after a payment outage, inside its transaction. */
  deadlinesExtended(tx: Database, billings: readonly ExtendedBilling[], minutes: number): Promise<void>;
  otherBillingPaid(tx: Database, payment: SimponiPayment): Promise<OtherBillingOutcome>;
  arrivalPass(
    accountId: string,
    applicationId: string,
  ): Promise<{ code: string; shortCode: string; qrSvg: string; holder: { fullName: string; nik: string } }>;
  /** The office's side: the visit, for the officer module. */
  readonly office: OfficeDesk;
  /** The office counter's walk-ins (issue 16). */
  readonly counter: Counter;
  /** Lost and damaged passports at the visit (issue 16). */
  readonly losses: LossDesk;
  closeOverdueVisits(signal?: AbortSignal): Promise<number>;
  /**
   * Worker steps, safe to run in every instance at once. Those given a signal stop between items once
   * it is aborted (platform/jobs.ts); the others do their batch in one transaction, one item.
   */
  settleOverdue(signal?: AbortSignal): Promise<number>;
  reconcileNearDeadline(signal?: AbortSignal): Promise<number>;
  markNoShows(limit?: number): Promise<number>;
  cancelIdleDrafts(limit?: number): Promise<number>;
  /** Retention (issue 18): scans and photos of applications closed past RETENTION_DAYS. */
  purgeClosedFiles(signal?: AbortSignal): Promise<number>;
  /** Reminders (issue 16): the visit's eve, the passport waiting at day 7 and 25; each once. */
  sendReminders(signal?: AbortSignal): Promise<number>;
  /** The waitlist of freed seats (issue 15). */
  joinWaitlist(
    accountId: string,
    applicationId: string,
    join: WaitlistJoin,
    ip: string,
  ): Promise<WaitlistView>;
  waitlistOf(accountId: string, applicationId: string): Promise<WaitlistView | null>;
  leaveWaitlist(accountId: string, applicationId: string): Promise<void>;
  declineOffer(accountId: string, applicationId: string): Promise<void>;
  acceptOffer(accountId: string, applicationId: string, language: Language): Promise<ApplicationView>;
  announceOffers(limit?: number): Promise<number>;
  /** The applicant's one objection to a rejection (issue 16). */
  contestOf(accountId: string, applicationId: string): Promise<ContestState>;
  uploadContestEvidence(
    accountId: string,
    applicationId: string,
    upload: { body: Readable; declaredLength?: number },
  ): Promise<ContestState>;
  fileContest(accountId: string, applicationId: string, input: ContestInput): Promise<ContestState>;
  /** The NIK holder's consent (issue 15). */
  consentOf(accountId: string, applicationId: string): Promise<ConsentView>;
  requestConsent(accountId: string, applicationId: string): Promise<ConsentRequested>;
  confirmConsent(accountId: string, applicationId: string, code: string): Promise<ConsentView>;
}

export function createApplicationsService(deps: ApplicationsDeps): ApplicationsService {
  const seatClaims = createSeatClaimBatcher(deps);
  /**
   * The rows with their billings. A deadline passed but the worker has not run yet: expire it now
   * (and read again), so no one sees a stale status.
   */
  const current = async (rows: repository.ApplicationRow[]) => {
    const billings = await deps.billing.billingsOf(rows.map((r) => r.id));
    const now = deps.clock.now();
    const overdue = rows.filter((r) => {
      const billing = billings.get(r.id);
      return r.status === 'AWAITING_PAYMENT' && billing?.status === 'PENDING' && billing.expiresAt <= now;
    });
    if (overdue.length === 0) return { rows, billings };
    for (const row of overdue) await settleBilling(deps, billings.get(row.id)!);
    const reread = await Promise.all(
      rows.map(async (r) => (overdue.includes(r) ? (await repository.findById(deps.db, r.id))! : r)),
    );
    return { rows: reread, billings: await deps.billing.billingsOf(reread.map((r) => r.id)) };
  };
  const view = async (found: repository.ApplicationRow[], language: Language) => {
    const { rows, billings } = await current(found);
    const ids = rows.map((r) => r.id);
    const [history, appointments] = await Promise.all([
      repository.historyOf(deps.db, ids),
      deps.scheduling.appointmentsOf(ids),
    ]);
    return Promise.all(
      rows.map(async (row) =>
        toView(
          {
            row,
            history: history.filter((h) => h.applicationId === row.id),
            scans: await deps.documents.listScans(row.id),
            appointment: appointments.get(row.id) ?? null,
            billing: billings.get(row.id) ?? null,
          },
          language,
        ),
      ),
    );
  };
  const one = async (row: repository.ApplicationRow, language: Language) => (await view([row], language))[0]!;
  const reread = (accountId: string, id: string, language: Language) =>
    readOwnApplication(deps, accountId, id, language);

  return {
    create: async (accountId, input, language) =>
      one(await createApplication(deps, accountId, input), language),
    list: async (accountId, language) => view(await repository.listForAccount(deps.db, accountId), language),
    get: (accountId, applicationId, language) => reread(accountId, applicationId, language),
    async submit(accountId, applicationId, choice, language) {
      const made = await submitApplication(deps, seatClaims, accountId, applicationId, choice);
      const found = await repository.findWithHistoryForAccount(deps.db, applicationId, accountId);
      if (!found) throw notFound();
      return toView({ ...found, ...made }, language);
    },
    async reschedule(accountId, applicationId, choice, language) {
      await rescheduleApplication(deps, accountId, applicationId, choice);
      return reread(accountId, applicationId, language);
    },
    async cancel(accountId, applicationId, language) {
      await cancelApplication(deps, accountId, applicationId);
      return reread(accountId, applicationId, language);
    },
    queueEntry: (accountId, applicationId) => queueEntry(deps, accountId, applicationId),
    uploadScan: (accountId, applicationId, kind, upload) =>
      uploadScan(deps, accountId, applicationId, kind, upload),
    openScan: (accountId, applicationId, kind) => openScan(deps, accountId, applicationId, kind),
    async claimPayment(accountId, applicationId, ntpn, language) {
      await claimPayment(deps, accountId, applicationId, ntpn);
      return reread(accountId, applicationId, language);
    },
    claimPaymentByLink: (link, ntpn) => claimPaymentByLink(deps, link, ntpn),
    filedForMyNik: (accountId) => filedForMyNik(deps, accountId),
    cancelFiledForMyNik: (accountId, applicationId) => cancelFiledForMyNik(deps, accountId, applicationId),
    applicationPaid: (tx, applicationId, payment) => applicationPaid(deps, tx, applicationId, payment),
    otherBillingPaid: (tx, payment) => finePaid(deps, tx, payment),
    deadlinesExtended: (tx, billings, minutes) => deadlinesExtended(deps, tx, billings, minutes),
    settleOverdue: (signal) => settleOverdue(deps, signal),
    reconcileNearDeadline: (signal) => reconcileNearDeadline(deps, signal),
    markNoShows: (limit) => markNoShows(deps, limit),
    cancelIdleDrafts: (limit) => cancelIdleDrafts(deps, limit),
    sendReminders: (signal) => sendReminders(deps, signal),
    purgeClosedFiles: (signal) => purgeClosedFiles(deps, signal),
    arrivalPass: (accountId, applicationId) => arrivalPass(deps, accountId, applicationId),
    office: createOfficeDesk(deps, view),
    counter: createCounter(deps),
    losses: createLossDesk(deps),
    closeOverdueVisits: (signal) => closeOverdueVisits(deps, signal),
    joinWaitlist: (accountId, applicationId, join, ip) =>
      joinWaitlist(deps, accountId, applicationId, join, ip),
    waitlistOf: (accountId, applicationId) => waitlistOf(deps, accountId, applicationId),
    leaveWaitlist: (accountId, applicationId) => leaveWaitlist(deps, accountId, applicationId),
    declineOffer: (accountId, applicationId) => declineOffer(deps, accountId, applicationId),
    async acceptOffer(accountId, applicationId, language) {
      await acceptOffer(deps, accountId, applicationId);
      return reread(accountId, applicationId, language);
    },
    announceOffers: (limit) => announceOffers(deps, limit),
    async contestOf(accountId, applicationId) {
      await mine(deps, accountId, applicationId);
      return (await contestState(deps, applicationId)).state;
    },
    uploadContestEvidence: (accountId, applicationId, upload) =>
      uploadContestEvidence(deps, accountId, applicationId, upload),
    fileContest: (accountId, applicationId, input) => fileContest(deps, accountId, applicationId, input),
    consentOf: (accountId, applicationId) => consentOf(deps, accountId, applicationId),
    requestConsent: (accountId, applicationId) => requestConsent(deps, accountId, applicationId),
    confirmConsent: (accountId, applicationId, code) => confirmConsent(deps, accountId, applicationId, code),
  };
}
