import type { OfficerView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { OfficeChooser, useChosenOffice } from '../components/OfficeChooser.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ReleasesBoard } from './ReleasesBoard.tsx';

/** Any officer sees their own office's releases; headquarters names the office first. */
export function ReleasesPage({ officer }: { officer: OfficerView }) {
  const { t } = useI18n();
  const { officeCode, choose, title } = useChosenOffice(officer);
  return (
    <section className="card" aria-labelledby="releases-title">
      <PageHeading>
        <span id="releases-title">
          {t('console.releases.title')} · {title}
        </span>
      </PageHeading>
      <p className="muted">{t('console.releases.intro')}</p>
      <OfficeChooser
        officer={officer}
        onChoose={choose}
        openLabel={t('console.releases.openOffice')}
        testId="releases-office"
      />
      {officeCode ? (
        <ReleasesBoard key={officeCode} officeCode={officeCode} asHeadquarters={!officer.officeCode} />
      ) : null}
    </section>
  );
}
