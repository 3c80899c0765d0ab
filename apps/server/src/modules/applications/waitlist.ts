import type { WaitlistJoin, WaitlistView } from '#shared/contracts/waitlist.ts';
import type { ApplicationStatus } from '#shared/statuses.ts';
import { noShowsSince } from '../scheduling/index.ts';
import type { ApplicationsDeps, Appointment } from './deps.ts';
import { DomainError } from '../../platform/errors.ts';
import { assertConsent, refuse } from './consent.ts';
import { bookingLimits } from './rate-limits.ts';
import { asHeldNik } from './create.ts';
import { describeAppointment, formatInstant } from './messages.ts';
import { blockReportedPassports } from './registry-facts.ts';
import { settleFree } from './seat-claims.ts';
import * as repository from './repository.ts';
import { invalidState, mine, notFound } from './scans.ts';
import { seatRequestFor } from './seats.ts';
import { assertComplete, billFor } from './submit.ts';

/**
 * The applicant's side of the waitlist (issue 15). The seats, entries and offers are the scheduling
 * module's; here: only a complete draft may wait, a recent no-show waits behind, accepting an offer is
 * the submit (billing code, 2 hours to pay), and the offer is told by e-mail and SMS.
 */
export async function joinWaitlist(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
  join: WaitlistJoin,
  ip: string,
): Promise<WaitlistView> {
  const { row } = await completeDraft(deps, accountId, applicationId, 'waitlist');
  try {
    await deps.limiter.consume(bookingLimits.waitlistJoinsPerIp, ip);
    await deps.limiter.consume(bookingLimits.waitlistJoinsPerAccount, accountId);
    await deps.limiter.consume(bookingLimits.waitlistJoinsPerNik, row.applicantNik);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'RATE_LIMITED')
      await refuse(deps, accountId, row, 'WAITLIST_VELOCITY');
    throw error;
  }
  const now = deps.clock.now();
  const seat = seatRequestFor(row, now);
  const behind = (await repository.noShowsSince(deps.db, row.applicantNik, noShowsSince(now))) > 0;
  return deps.scheduling.waitlist.join({ ...join, applicationId, ...seat, behind });
}

export async function waitlistOf(deps: ApplicationsDeps, accountId: string, applicationId: string) {
  await mine(deps, accountId, applicationId);
  return deps.scheduling.waitlist.view(applicationId);
}

export async function leaveWaitlist(deps: ApplicationsDeps, accountId: string, applicationId: string) {
  await mine(deps, accountId, applicationId);
  await deps.db.transaction((tx) => deps.scheduling.waitlist.leave(tx, [applicationId]));
}

export async function declineOffer(deps: ApplicationsDeps, accountId: string, applicationId: string) {
  await mine(deps, accountId, applicationId);
  await deps.scheduling.waitlist.decline(applicationId);
}

/**
 * Accepting the offer is the submit into the held seat: the billing code is asked first, then one
 * transaction turns the offer into the booking, moves DRAFT → AWAITING_PAYMENT and records the
 * billing. A hold that ran out meanwhile changes nothing (NO_OPEN_OFFER).
 */
export async function acceptOffer(deps: ApplicationsDeps, accountId: string, applicationId: string) {
  const { row, contact } = await completeDraft(deps, accountId, applicationId, 'submit');
  const offer = await deps.scheduling.waitlist.openOffer(applicationId);
  const seat = seatRequestFor(row, deps.clock.now());
  const plan = await deps.scheduling.planBooking(offer.sessionId, seat, { held: true });
  const { billing, messages } = await billFor(deps, contact, row, plan.appointment, plan.officeCode);
  await deps.db
    .transaction(async (tx) => {
      const locked = await repository.lockForAccount(tx, applicationId, accountId);
      if (!locked) throw notFound();
      if (locked.status !== 'DRAFT') throw invalidState(locked.status as ApplicationStatus, 'submit');
      if (!(await deps.scheduling.waitlist.acceptOffer(tx, applicationId)))
        await deps.scheduling.waitlist.openOffer(applicationId); // throws NO_OPEN_OFFER
      await repository.transition(tx, {
        id: applicationId,
        from: ['DRAFT'],
        to: 'AWAITING_PAYMENT',
        at: deps.clock.now(),
        actor: 'APPLICANT',
        note: 'Kursi dari daftar tunggu',
      });
      await blockReportedPassports(deps, tx, [locked]);
      if (billing) await deps.billing.record(tx, { applicationId, ...billing });
      else await settleFree(tx, deps.clock.now(), [applicationId]);
      await deps.notifications.enqueueMany(tx, messages);
    })
    .catch((error: unknown) => {
      throw asHeldNik(error);
    });
}

/** Job: offers made since the last run are told by e-mail (and SMS when a gateway is set), once. */
export async function announceOffers(deps: ApplicationsDeps, limit = 100): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const offers = await deps.scheduling.waitlist.offersToAnnounce(tx, limit);
    for (const { applicationId, offer } of offers) {
      const row = await repository.findById(tx, applicationId);
      if (!row) continue;
      const contact = await deps.contacts.contactOf(row.accountId, tx);
      const { language } = contact;
      const appointment: Appointment = { ...offer, reschedulesLeft: 1 };
      const holdUntil = formatInstant(new Date(offer.expiresAt), appointment, language);
      const variables = {
        fullName: contact.fullName,
        applicationNumber: row.number,
        appointment: describeAppointment(appointment, language),
        holdUntil,
        link: `${deps.claimLinks.baseUrl}/#/applications/${applicationId}`,
      };
      const common = { template: 'waitlist.offer' as const, language, variables };
      await deps.notifications.enqueueMany(tx, [
        { channel: 'EMAIL', to: contact.email, ...common },
        ...(deps.smsEnabled ? [{ channel: 'SMS' as const, to: contact.phone, ...common }] : []),
      ]);
    }
    return offers.length;
  });
}

async function completeDraft(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
  action: 'submit' | 'waitlist',
) {
  const row = await mine(deps, accountId, applicationId);
  if (row.status !== 'DRAFT') throw invalidState(row.status as ApplicationStatus, action);
  assertComplete(row, await deps.documents.listScans(row.id));
  // Waiting for a seat, or taking one, under another adult's NIK needs their consent (issue 15).
  const contact = await deps.contacts.contactOf(accountId);
  await assertConsent(deps, accountId, contact.nik, row);
  return { row, contact };
}
