import { walkInLaneCodes, type WalkInLaneCode } from '#shared/contracts/walk-ins.ts';
import { useState, type FormEvent } from 'react';
import { useAction } from '../actions/useAction.ts';
import { useApi } from '../app/useApi.ts';
import type { Resource } from '../app/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n.ts';

export interface LaneQuota {
  lane: WalkInLaneCode;
  daily: number;
  used: number;
  left: number;
}

/** Today's walk-in quota per lane: what is left is what the counter can still promise. */
export function QuotaPanel(props: { quotas: Resource<LaneQuota[]>; canSet: boolean }) {
  const { t } = useI18n();
  const rows = props.quotas.data ?? [];
  return (
    <section className="card" aria-labelledby="walk-in-quota-title">
      <h3 id="walk-in-quota-title">{t('console.walkIn.quotaTitle')}</h3>
      <ErrorAlert error={props.quotas.error} testId="walk-in-quota-error" />
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.walkIn.lane')}</th>
              <th scope="col">{t('console.walkIn.daily')}</th>
              <th scope="col">{t('console.walkIn.used')}</th>
              <th scope="col">{t('console.walkIn.left')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.lane} data-testid={`walk-in-quota-${row.lane}`} data-left={row.left}>
                <th scope="row">{t(`console.walkIn.lane.${row.lane}`)}</th>
                <td>{row.daily}</td>
                <td>{row.used}</td>
                <td>
                  <strong>{row.left}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.canSet ? <QuotaEditor onSaved={props.quotas.setData} /> : null}
    </section>
  );
}

/** The office administrator sets a lane's daily quota; the change is audited on the server. */
function QuotaEditor(props: { onSaved(quotas: LaneQuota[]): void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [lane, setLane] = useState<WalkInLaneCode>(walkInLaneCodes[0]);
  const [daily, setDaily] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      const quotas = await api.send<LaneQuota[]>('PUT', `/walk-in-quotas/${lane}`, { daily: Number(daily) });
      if (quotas) props.onSaved(quotas);
      setDaily('');
    });
  }
  return (
    <form onSubmit={submit} className="inline-fields" data-testid="walk-in-quota-form">
      <label className="field">
        <span>{t('console.walkIn.lane')}</span>
        <select value={lane} onChange={(e) => setLane(e.target.value as WalkInLaneCode)}>
          {walkInLaneCodes.map((code) => (
            <option key={code} value={code}>
              {t(`console.walkIn.lane.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('console.walkIn.setDaily')}</span>
        <input
          type="number"
          min={0}
          max={10000}
          required
          value={daily}
          onChange={(e) => setDaily(e.target.value)}
          data-testid="walk-in-quota-daily"
        />
      </label>
      <ErrorAlert error={action.error} testId="walk-in-quota-save-error" />
      <button type="submit" disabled={action.busy} data-testid="walk-in-quota-save">
        {t('console.walkIn.saveQuota')}
      </button>
    </form>
  );
}
