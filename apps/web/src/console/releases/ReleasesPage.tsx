import type { OfficerView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ReleasesBoard } from './ReleasesBoard.tsx';

/** Any officer sees their own office's releases; headquarters names the office first. */
export function ReleasesPage({ officer }: { officer: OfficerView }) {
  const { t } = useI18n();
  const [officeCode, setOfficeCode] = useState(officer.officeCode ?? '');
  const [typed, setTyped] = useState(officeCode);

  function open(event: FormEvent) {
    event.preventDefault();
    setOfficeCode(typed.trim().toUpperCase());
  }

  return (
    <section className="card" aria-labelledby="releases-title">
      <PageHeading>
        <span id="releases-title">
          {t('console.releases.title')} · {officer.officeCode ? officer.officeName : officeCode || '—'}
        </span>
      </PageHeading>
      <p className="muted">{t('console.releases.intro')}</p>
      {officer.officeCode === null ? (
        <form className="toolbar" onSubmit={open}>
          <label className="field">
            <span>{t('console.schedule.officeCode')}</span>
            <input
              value={typed}
              required
              onChange={(e) => setTyped(e.target.value)}
              data-testid="releases-office"
            />
          </label>
          <button type="submit">{t('console.releases.openOffice')}</button>
        </form>
      ) : null}
      {officeCode ? (
        <ReleasesBoard key={officeCode} officeCode={officeCode} asHeadquarters={!officer.officeCode} />
      ) : null}
    </section>
  );
}
