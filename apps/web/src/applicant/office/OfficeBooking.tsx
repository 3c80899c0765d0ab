import { useEffect, useState } from 'react';
import { ApiError, apiJson } from '../api/client.ts';
import type { Application, Office } from '../api/types.ts';
import { flash } from '../app/flash.ts';
import { navigate } from '../app/navigation.ts';
import { useLoad } from '../app/useLoad.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText } from '../components/Form.tsx';
import { AdmissionBanner } from '../release/AdmissionBanner.tsx';
import { joinQueue, officeReleases } from '../release/api.ts';
import { bookingStep, releasePhase, ticketMessageKey } from '../release/logic.ts';
import { ticketStore } from '../release/ticketStore.ts';
import { useServerClock } from '../release/useServerClock.ts';
import { useTicket } from '../release/useTicket.ts';
import { WaitingRoom } from '../release/WaitingRoom.tsx';
import { UpcomingRelease } from './UpcomingRelease.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import { JoinWaitlistCard } from '../waitlist/JoinWaitlistCard.tsx';

/**
 * The chosen office: its slot list, or — while its quota release queue is open or running — the
 * waiting room first, then the slot list with the admission that lets the submit through.
 */
export function OfficeBooking(props: {
  applicationId: string;
  service: string;
  office: Office;
  reschedule: boolean;
  onChangeOffice(): void;
}) {
  const { t } = useT();
  const { office, applicationId, reschedule } = props;
  const clock = useServerClock();
  const { sample, now, resync } = clock;
  const releases = useLoad(`releases:${office.code}`, async () => {
    const answer = await officeReleases(office.code);
    sample(answer.clock);
    return answer.body;
  });
  const tickets = useTicket(office.code, clock);
  const { ticket, follow } = tickets;
  const [gated, setGated] = useState(false);
  const [otherDates, setOtherDates] = useState(false);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [sessionLabel, setSessionLabel] = useState('');
  // A reschedule is spent once: it is asked for again with what it costs before it is sent.
  const [confirming, setConfirming] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [, setBoundary] = useState(0);

  useEffect(() => {
    const kept = ticketStore.get(applicationId);
    if (kept?.office.code === office.code) follow(kept.ticketId);
  }, [applicationId, office.code, follow]);
  useEffect(() => {
    // The ticket is gone (another account's phone, data reset): forget it and start afresh.
    if (tickets.error instanceof ApiError && tickets.error.status === 404) ticketStore.clear(applicationId);
  }, [tickets.error, applicationId]);

  const phase = releases.data
    ? releasePhase(releases.data, now())
    : releases.error
      ? ({ kind: 'none' } as const)
      : null;
  const upcoming = phase?.kind === 'upcoming' ? phase : null;
  const queue = phase?.kind === 'queue' ? phase : null;
  const opensAt = upcoming?.queueOpensAt;
  useEffect(() => {
    // Re-decide at the instant the queue opens, without ticking the whole screen every second.
    if (!opensAt) return;
    const timer = setTimeout(() => setBoundary((n) => n + 1), Date.parse(opensAt) - now() + 50);
    return () => clearTimeout(timer);
  }, [opensAt, now]);

  const state = ticket?.state ?? null;
  useEffect(() => {
    if (state) resync();
    if (state === 'BOOKED') {
      // Booked from here or from another tab: the application has moved on to payment.
      ticketStore.clear(applicationId);
      navigate(reschedule ? { name: 'application', id: applicationId } : { name: 'pay', id: applicationId });
    }
  }, [state, resync, applicationId, reschedule]);

  const join = useSubmit(async () => {
    const answer = await joinQueue(office.code, applicationId);
    sample(answer.clock);
    ticketStore.set(applicationId, { ticketId: answer.body.id, office });
    follow(answer.body.id, answer.body);
  });
  const confirm = useSubmit(async () => {
    const admission = ticket?.state === 'ADMITTED' ? ticket.admission?.token : undefined;
    const path = reschedule ? 'reschedule' : 'submit';
    let booked: Application;
    try {
      booked = await apiJson<Application>(`/applications/${applicationId}/${path}`, {
        method: 'POST',
        json: { sessionId, ...(admission ? { admission } : {}) },
      });
    } catch (error) {
      setConfirming(false);
      if (
        error instanceof ApiError &&
        (error.code === 'SESSION_FULL' || error.code === 'SESSION_NOT_BOOKABLE')
      ) {
        // Someone was quicker: the list is read again (no stale "1 seat left") and the message gets focus.
        setSessionId(null);
        setRefresh((n) => n + 1);
      }
      if (error instanceof ApiError && error.code === 'ADMISSION_REQUIRED') {
        // The session belongs to a release whose queue runs: the way in is the waiting room.
        setGated(true);
        setOtherDates(false);
        releases.reload();
      }
      throw error;
    }
    ticketStore.clear(applicationId);
    if (reschedule) flash.set('rescheduled');
    // Nothing to pay (a Rp0 tariff, issue 16): the application is PAID already, so the arrival pass.
    const next = booked.status === 'PAID' ? 'pass' : 'pay';
    navigate(reschedule ? { name: 'application', id: applicationId } : { name: next, id: applicationId });
  });

  // A refusal is read out and in focus: the person sees why nothing happened (issue 17).
  // After the frame, so the confirm button's own loss of focus (it is disabled now) comes first.
  useEffect(() => {
    if (!confirm.error) return;
    const frame = requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[data-testid="error"]')?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [confirm.error]);

  const step = bookingStep({
    phase: phase?.kind ?? null,
    ticket: state,
    ticketPending: tickets.ticketId !== null && !ticket && !tickets.error,
    gated,
    otherDates,
  });
  const releaseId =
    releases.data?.releases.find((r) => r.releaseAt === (ticket?.releaseAt ?? queue?.releaseAt))?.id ?? null;

  if (step === 'loading' || step === 'booked') return <p role="status">{t('common.loading')}</p>;
  if (step === 'waiting')
    return (
      <WaitingRoom
        office={office}
        release={queue}
        releaseId={releaseId}
        ticket={ticket}
        now={now}
        onJoin={() => void join.run()}
        joining={join.busy}
        errors={[join.error, tickets.error, confirm.error].filter(Boolean)}
      />
    );
  if (step === 'ended')
    return (
      <section className="card" aria-live="polite">
        <p className="warning" data-testid="release-ended" data-state={state}>
          {state && t(ticketMessageKey(state))}
        </p>
        <div className="button-row">
          <button type="button" className="secondary" onClick={props.onChangeOffice}>
            {t('office.change')}
          </button>
          <button type="button" className="secondary" onClick={() => setOtherDates(true)}>
            {t('release.otherDates')}
          </button>
        </div>
      </section>
    );
  return (
    <>
      {step === 'admitted' && ticket?.admission && (
        <AdmissionBanner expiresAt={ticket.admission.expiresAt} now={now} />
      )}
      {upcoming && <UpcomingRelease office={office} release={upcoming} />}
      <SlotPicker
        office={office}
        service={props.service}
        sessionId={sessionId}
        refresh={refresh}
        onPick={(id, label) => {
          setSessionId(id);
          setSessionLabel(label);
          setConfirming(false);
        }}
      />
      <ErrorText error={confirm.error} />
      {!sessionId && (
        <p className="hint" id="session-missing">
          {t('sessions.pickFirst')}
        </p>
      )}
      {confirming ? (
        <div
          className="card"
          role="alertdialog"
          aria-labelledby="reschedule-question"
          data-testid="reschedule-ask"
        >
          <p id="reschedule-question">
            {t('sessions.rescheduleQuestion', { office: office.name, session: sessionLabel })}
          </p>
          <p className="warning">{t('sessions.rescheduleCost')}</p>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={confirm.busy}
              data-testid="reschedule-confirm"
              onClick={() => void confirm.run()}
            >
              {t('sessions.rescheduleYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('common.back')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="primary sticky"
          disabled={!sessionId || confirm.busy}
          aria-describedby={sessionId ? undefined : 'session-missing'}
          data-testid="session-confirm"
          onClick={() => (reschedule ? setConfirming(true) : void confirm.run())}
        >
          {t(reschedule ? 'sessions.reschedule' : 'sessions.confirm')}
        </button>
      )}
      {!reschedule && <JoinWaitlistCard applicationId={applicationId} office={office} />}
    </>
  );
}
