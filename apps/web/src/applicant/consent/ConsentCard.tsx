import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import { useLoad } from '../app/useLoad.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText, Field } from '../components/Form.tsx';

interface Consent {
  readonly needed: 'OWN' | 'FAMILY_MINOR' | 'CONSENT';
  readonly consentedAt: string | null;
}

/**
 * A draft for another adult's NIK (issue 15): the holder gets a code on their own verified contact and
 * gives it to the applicant, who enters it here; without it the submit is refused. Nothing for one's own
 * NIK or a child on one's family card.
 */
export function ConsentCard({ applicationId }: { applicationId: string }) {
  const { t } = useT();
  const path = `/applications/${encodeURIComponent(applicationId)}/consent`;
  const consent = useLoad(`consent:${applicationId}`, () => apiJson<Consent>(path));
  const [destination, setDestination] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const send = useSubmit(async () => {
    const sent = await apiJson<{ destination: string }>(`${path}/request`, { method: 'POST' });
    setDestination(sent.destination);
  });
  const confirm = useSubmit(async () => {
    consent.setData(await apiJson<Consent>(path, { method: 'POST', json: { code } }));
  });
  const data = consent.data;
  if (!data || data.needed !== 'CONSENT') return null;
  if (data.consentedAt)
    return (
      <p className="notice" data-testid="consent-given">
        {t('consent.given')}
      </p>
    );
  return (
    <section className="card" aria-labelledby="consent-title" data-testid="consent">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p>{t('consent.intro')}</p>
      {destination && <p role="status">{t('consent.sent', { destination })}</p>}
      <ErrorText error={send.error} />
      <button type="button" className="secondary" disabled={send.busy} onClick={() => void send.run()}>
        {t('consent.send')}
      </button>
      <form onSubmit={confirm.onSubmit}>
        <Field
          label={t('consent.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
        />
        <ErrorText error={confirm.error} />
        <button type="submit" className="primary" disabled={code.length !== 6 || confirm.busy}>
          {t('consent.confirm')}
        </button>
      </form>
    </section>
  );
}
