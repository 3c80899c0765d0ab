import type { Waitlist } from '../api/types.ts';
import { longDate } from '../app/format.ts';
import { navigate } from '../app/navigation.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText } from '../components/Form.tsx';
import { acceptOffer, declineOffer } from './api.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { HoldTime } from './HoldTime.tsx';

type Offer = NonNullable<Waitlist['offer']>;

/** The seat held for this application: accept it (the submit, then payment) or let the next one have it. */
export function SeatOffer(props: { applicationId: string; offer: Offer; onChange(): void }) {
  const { t, language } = useT();
  const { applicationId, offer, onChange } = props;
  const accept = useSubmit(async () => {
    await acceptOffer(applicationId);
    navigate({ name: 'pay', id: applicationId });
  });
  const decline = useSubmit(async () => {
    await declineOffer(applicationId);
    onChange();
  });
  return (
    <div data-testid="waitlist-offer" data-date={offer.date} data-office={offer.officeCode}>
      <p className="notice" role="status">
        <strong>{t('waitlist.offer.title')}</strong>
      </p>
      <p>{t('waitlist.offer.intro')}</p>
      <p>
        <strong>{offer.officeName}</strong>
        <br />
        {longDate(offer.date, language)}, {offer.start}–{offer.end} {offer.timeZoneLabel}
      </p>
      <HoldTime offer={offer} onOver={onChange} />
      <ErrorText error={accept.error ?? decline.error} />
      <button
        type="button"
        className="primary"
        disabled={accept.busy || decline.busy}
        data-testid="waitlist-accept"
        onClick={() => void accept.run()}
      >
        {t('waitlist.offer.accept')}
      </button>
      <ConfirmStep
        label={t('waitlist.offer.decline')}
        question={t('waitlist.offer.decline.question')}
        yes={t('waitlist.offer.decline.yes')}
        busy={decline.busy || accept.busy}
        testId="waitlist-decline"
        onConfirm={() => void decline.run()}
      />
    </div>
  );
}
