import type { ApplicationStatus } from '#shared/statuses.ts';
import type { Database } from '../../db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { whileRunning } from '../../platform/jobs.ts';
import type { ExtendedBilling, SimponiPayment, SimponiPaymentStatus } from '../billing/index.ts';
import type { ApplicationsDeps } from './deps.ts';
import { claimedApplication } from './claim-link.ts';
import { tellDeadlineExtended, tellExpired, tellPaymentReceived } from './messages.ts';
import * as repository from './repository.ts';
import { invalidState, mine } from './scans.ts';

/** Past the deadline with SIMPONI unreachable, wait this long before expiring (a payment may be on its way). */
const SIMPONI_GRACE_MS = 10 * 60_000;
/** Billings this close to their deadline are checked with SIMPONI in case their notification was lost. */
export const RECONCILE_WINDOW_MS = 15 * 60_000;

/** The billing module's callback when a payment is applied: AWAITING_PAYMENT → PAID, and tell the applicant. */
export async function applicationPaid(
  deps: ApplicationsDeps,
  tx: Database,
  applicationId: string,
  payment: SimponiPayment,
): Promise<void> {
  const row = await repository.transition(tx, {
    id: applicationId,
    from: ['AWAITING_PAYMENT'],
    to: 'PAID',
    at: deps.clock.now(),
    actor: 'SYSTEM',
    note: `NTPN ${payment.ntpn}`,
  });
  if (!row) return;
  const appointment = (await deps.scheduling.appointmentsOf([applicationId], tx)).get(applicationId);
  await tellPaymentReceived(deps, tx, row, payment, appointment);
}

/**
 * The billing module's callback when a payment outage ended (issue 15): each application still awaiting
 * payment gets a history note and the applicant an e-mail with the new deadline.
 */
export async function deadlinesExtended(
  deps: ApplicationsDeps,
  tx: Database,
  billings: readonly ExtendedBilling[],
  minutes: number,
): Promise<void> {
  const at = deps.clock.now();
  const appointments = await deps.scheduling.appointmentsOf(
    billings.map((b) => b.applicationId),
    tx,
  );
  for (const billing of billings) {
    const row = await repository.findById(tx, billing.applicationId);
    const appointment = appointments.get(billing.applicationId);
    if (row?.status !== 'AWAITING_PAYMENT' || !appointment) continue;
    const note = `Batas bayar diperpanjang ${minutes} menit karena gangguan pembayaran`;
    await repository.insertHistory(tx, row.id, 'AWAITING_PAYMENT', at, 'SYSTEM', note);
    await tellDeadlineExtended(deps, tx, row, billing, appointment, minutes);
  }
}

/**
 * Billings past their deadline: each is checked with SIMPONI first (a payment whose notification was
 * lost is applied, not expired), then expired with its seat given back. Safe in every instance at once:
 * the expiry itself is a conditional update that succeeds for one caller only.
 */
export async function settleOverdue(
  deps: ApplicationsDeps,
  signal?: AbortSignal,
  limit = 50,
): Promise<number> {
  // During a payment outage the deadlines will move when it ends: nothing to settle, nothing to ask.
  if (await deps.billing.paymentsFrozen()) return 0;
  let expired = 0;
  for (const billing of whileRunning(await deps.billing.pendingDueWithin(0, limit), signal)) {
    if ((await settleBilling(deps, billing)) === 'EXPIRED') expired++;
  }
  return expired;
}

/** One overdue billing: paid after all (applied), expired (seat given back), or left for later. */
export async function settleBilling(
  deps: ApplicationsDeps,
  billing: { applicationId: string; code: string; expiresAt: Date },
): Promise<'PAID' | 'EXPIRED' | 'WAITING'> {
  const status = await statusOrUnknown(deps, billing.code);
  if (status?.status === 'PAID') {
    await deps.billing.recordPayment(status.payment, 'RECONCILIATION');
    return 'PAID';
  }
  if (!status && deps.clock.now().getTime() - billing.expiresAt.getTime() < SIMPONI_GRACE_MS)
    return 'WAITING';
  return (await expire(deps, billing.applicationId)) ? 'EXPIRED' : 'WAITING';
}

/** Billings near their deadline: applies payments SIMPONI knows of but never told us about. */
export async function reconcileNearDeadline(
  deps: ApplicationsDeps,
  signal?: AbortSignal,
  limit = 200,
): Promise<number> {
  let applied = 0;
  const due = await deps.billing.pendingDueWithin(RECONCILE_WINDOW_MS, limit);
  for (const billing of whileRunning(due, signal)) {
    const status = await statusOrUnknown(deps, billing.code);
    if (status?.status !== 'PAID') continue;
    await deps.billing.recordPayment(status.payment, 'RECONCILIATION');
    applied++;
  }
  return applied;
}

async function expire(deps: ApplicationsDeps, applicationId: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    if (!(await deps.billing.expireIfPending(tx, applicationId))) return false;
    const row = await repository.transition(tx, {
      id: applicationId,
      from: ['AWAITING_PAYMENT'],
      to: 'EXPIRED',
      at: deps.clock.now(),
      actor: 'SYSTEM',
      note: 'Tidak dibayar dalam 2 jam',
    });
    if (!row) return false;
    await deps.scheduling.release(tx, applicationId);
    await tellExpired(deps, tx, row);
    return true;
  });
}

async function statusOrUnknown(deps: ApplicationsDeps, code: string): Promise<SimponiPaymentStatus | null> {
  try {
    return await deps.billing.paymentStatus(code);
  } catch {
    return null;
  }
}

/**
 * "I have paid but it still says unpaid" (the June 2024 failure): the NTPN from the receipt is checked
 * with SIMPONI and, if it is this billing's payment, applied like a notification would have been.
 */
export async function claimPayment(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
  ntpn: string,
) {
  await claimFor(deps, await mine(deps, accountId, applicationId), ntpn);
}

/**
 * The same claim from the signed link in the billing or expiry e-mail, without logging in (issue 15).
 * Answers only the application's number and status: the link may be opened on anyone's phone.
 */
export async function claimPaymentByLink(deps: ApplicationsDeps, link: string, ntpn: string) {
  const id = claimedApplication(deps, link, deps.clock.now());
  const row = await repository.findById(deps.db, id);
  if (!row) throw new DomainError({ code: 'CLAIM_LINK_INVALID' });
  // Already paid (or past payment): nothing to claim, the page says where it stands.
  if (row.status === 'AWAITING_PAYMENT' || row.status === 'EXPIRED') await claimFor(deps, row, ntpn);
  const after = (await repository.findById(deps.db, id))!;
  return { applicationNumber: after.number, status: after.status as ApplicationStatus };
}

async function claimFor(deps: ApplicationsDeps, row: repository.ApplicationRow, ntpn: string) {
  const applicationId = row.id;
  if (row.status !== 'AWAITING_PAYMENT' && row.status !== 'EXPIRED') {
    throw invalidState(row.status as ApplicationStatus, 'claim');
  }
  const billing = (await deps.billing.billingsOf([applicationId])).get(applicationId);
  const status = billing ? await deps.billing.paymentStatus(billing.code) : null;
  if (status?.status !== 'PAID' || status.payment.ntpn !== ntpn) {
    throw new DomainError({
      code: 'PAYMENT_NOT_FOUND',
      detail: {
        id: 'Tidak ada pembayaran dengan NTPN ini untuk kode billing permohonan ini. Periksa NTPN pada bukti bayar.',
        en: 'No payment with this NTPN was found for this application’s billing code. Check the NTPN on the receipt.',
      },
      errors: [{ path: 'ntpn', message: { id: 'Tidak ditemukan.', en: 'Not found.' } }],
    });
  }
  await deps.billing.recordPayment(status.payment, 'CLAIM');
}
