import { useState, type FormEvent } from 'react';
import type { PartnerHealthView } from '#shared/contracts/officer-admin.ts';
import type { OfficerView } from '#shared/contracts/officer.ts';
import { paymentChannelLabels, type PaymentPartner } from '#shared/contracts/payments.ts';
import type { ApiError } from '../api.ts';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { formatInstant } from '../format.ts';
import { useI18n } from '../i18n.ts';

const partnerName = (partner: PaymentPartner, language: 'id' | 'en') =>
  partner === 'SIMPONI' ? 'SIMPONI' : paymentChannelLabels[partner][language];

/**
 * SIMPONI and each payment channel, up or down (issue 15): any administrator sees it, HQ switches a
 * partner with a reason. Whether payment is frozen is said first, in words.
 */
export function PartnerHealthPanel(props: { officer: OfficerView }) {
  const { t, language } = useI18n();
  const api = useApi();
  const health = useResource('partner-health', () => api.get<PartnerHealthView>('/partner-health'));
  const hq = props.officer.roles.includes('HQ_ADMIN');
  const [extended, setExtended] = useState<number | null>(null);
  const frozenSince = health.data?.paymentsFrozenSince;

  return (
    <section className="card" aria-labelledby="partners-title" data-testid="partner-health">
      <h2 id="partners-title">{t('console.partners.title')}</h2>
      <p className="muted">{t('console.partners.intro')}</p>
      <ErrorAlert error={health.error} />
      {health.loading && !health.data ? <Loading /> : null}
      {health.data ? (
        <p role="status" data-testid="payments-frozen">
          {frozenSince
            ? `${t('console.partners.frozen')} ${formatInstant(frozenSince, language)}`
            : t('console.partners.notFrozen')}
          {extended !== null ? ` ${t('console.partners.extended')} ${extended}` : ''}
        </p>
      ) : null}
      {!hq ? <p className="muted">{t('console.partners.hqOnly')}</p> : null}
      {health.data ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.partners.partner')}</th>
                <th scope="col">{t('console.partners.state')}</th>
                <th scope="col">{t('console.partners.declaredBy')}</th>
                {hq ? <th scope="col">{t('console.partners.reason')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {health.data.partners.map((p) => (
                <tr key={p.partner} data-testid={`partner-${p.partner}`}>
                  <th scope="row">{partnerName(p.partner, language)}</th>
                  <td>
                    {p.down && p.since
                      ? `${t('console.partners.down')} ${formatInstant(p.since, language)}`
                      : t('console.partners.up')}
                    {p.reason ? <div className="muted">{p.reason}</div> : null}
                  </td>
                  <td>
                    {p.declaredBy === 'AUTOMATIC' ? t('console.partners.automatic') : (p.declaredBy ?? '')}
                  </td>
                  {hq ? (
                    <td>
                      <SwitchPartner
                        partner={p.partner}
                        down={p.down}
                        label={partnerName(p.partner, language)}
                        onChanged={(moved) => {
                          setExtended(moved > 0 ? moved : null);
                          health.reload();
                        }}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** HQ's switch for one partner: a reason, then down or recovered. */
function SwitchPartner(props: {
  partner: PaymentPartner;
  down: boolean;
  label: string;
  onChanged(extended: number): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const action = props.down ? 'recovery' : 'outage';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api.send<{ extended: number }>(
        'POST',
        `/partner-health/${props.partner}/${action}`,
        { reason },
      );
      setReason('');
      props.onChanged(answer?.extended ?? 0);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="resolve-payment" onSubmit={(e) => void submit(e)}>
      <label>
        <span className="visually-hidden">
          {t('console.partners.reason')} — {props.label}
        </span>
        <input
          required
          minLength={3}
          value={reason}
          placeholder={t('console.partners.reason')}
          onChange={(e) => setReason(e.target.value)}
          data-testid={`partner-reason-${props.partner}`}
        />
      </label>
      <button
        type="submit"
        disabled={busy || reason.trim().length < 3}
        data-testid={`partner-${action}-${props.partner}`}
      >
        {props.down ? t('console.partners.declareUp') : t('console.partners.declareDown')}
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}
