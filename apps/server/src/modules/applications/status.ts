import type { ApplicationView } from '#shared/contracts/applications.ts';
import type { Language } from '#shared/i18n.ts';
import type { ApplicationsDeps, BillingView } from './deps.ts';
import { settleBilling } from './payments.ts';
import * as repository from './repository.ts';
import { notFound } from './scans.ts';
import { toView } from './view.ts';

/**
 * One application as its owner sees it, read afresh every time ("status never wrong for its owner":
 * no copy of the answer is kept across writes). What makes it cheap is the reading: four prepared
 * queries — the row with its history, the billing, the booking with its session, the scans — the last
 * three side by side, where a refresh used to make six, four of them built anew each time.
 *
 * A deadline passed that the worker has not settled yet is settled now and the application read again,
 * so no one sees "awaiting payment" for a billing that is over.
 */
export async function readOwnApplication(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
  language: Language,
  settle = true,
): Promise<ApplicationView> {
  const found = await repository.findWithHistoryForAccount(deps.db, applicationId, accountId);
  if (!found) throw notFound();
  const [billings, appointments, scans] = await Promise.all([
    deps.billing.billingsOf([applicationId]),
    deps.scheduling.appointmentsOf([applicationId]),
    deps.documents.listScans(applicationId),
  ]);
  const billing = billings.get(applicationId) ?? null;
  if (settle && overdue(found.row, billing, deps.clock.now())) {
    await settleBilling(deps, billing!);
    // Once: with SIMPONI unreachable the billing may stay pending a while (its grace period).
    return readOwnApplication(deps, accountId, applicationId, language, false);
  }
  return toView({ ...found, scans, appointment: appointments.get(applicationId) ?? null, billing }, language);
}

function overdue(row: repository.ApplicationRow, billing: BillingView | null, now: Date): boolean {
  return row.status === 'AWAITING_PAYMENT' && billing?.status === 'PENDING' && billing.expiresAt <= now;
}
