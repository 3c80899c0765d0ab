import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import type { Office } from '../api/types.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText, Field } from '../components/Form.tsx';

/** Offices by the phone's position (nearest first) or by a city search; offices lacking the kind say so. */
export function OfficePicker(props: { kind: string; onPick(office: Office): void }) {
  const { t } = useT();
  const [offices, setOffices] = useState<Office[] | null>(null);
  const [query, setQuery] = useState('');
  const [locating, setLocating] = useState(false);
  const [denied, setDenied] = useState(false);
  const search = useSubmit(async () => {
    setOffices(await apiJson<Office[]>(`/offices?q=${encodeURIComponent(query)}&limit=20`));
  });
  const nearby = useSubmit(async () => {
    setDenied(false);
    setLocating(true);
    const position = await new Promise<GeolocationPosition | null>((resolve) =>
      navigator.geolocation.getCurrentPosition(resolve, () => resolve(null), { timeout: 15_000 }),
    ).finally(() => setLocating(false));
    if (!position) return setDenied(true);
    const { latitude, longitude } = position.coords;
    setOffices(
      await apiJson<Office[]>(`/offices?near=${latitude.toFixed(4)},${longitude.toFixed(4)}&limit=10`),
    );
  });
  return (
    <>
      <button type="button" className="primary" onClick={() => void nearby.run()} data-testid="office-locate">
        {t('office.useLocation')}
      </button>
      {locating && <p role="status">{t('office.locating')}</p>}
      {denied && <p role="alert">{t('office.locationDenied')}</p>}
      <form className="search-row" onSubmit={search.onSubmit}>
        <Field
          label={t('office.search')}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="secondary">
          {t('office.searchButton')}
        </button>
      </form>
      <ErrorText error={search.error ?? nearby.error} />
      {offices?.length === 0 && <p>{t('office.none')}</p>}
      <ul className="offices">
        {offices?.map((office) => {
          const offered = office.passportKinds.includes(props.kind as Office['passportKinds'][number]);
          return (
            <li key={office.code}>
              <button
                type="button"
                className="office"
                disabled={!offered}
                data-testid="office-option"
                onClick={() => props.onPick(office)}
              >
                <strong>{office.name}</strong>
                <span>
                  {office.city}, {office.province}
                </span>
                {office.distanceKm !== undefined && (
                  <span>{t('office.distance', { km: office.distanceKm.toLocaleString() })}</span>
                )}
                {!offered && <span className="field-error">{t('office.noKind')}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
