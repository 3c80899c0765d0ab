import { applicationStatuses, statusLabels, statusTransitions } from '#shared/statuses.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { ServiceStatus } from '../ui/ServiceStatus.tsx';

/** The console's first page: the state machine officers work with, read from the shared table. */
export function ConsoleApp() {
  const { t, language } = useI18n();
  return (
    <>
      <header className="top">
        <h1>{t('console.title')}</h1>
        <LanguageSwitch />
      </header>
      <main>
        <p>{t('console.subtitle')}</p>
        <ServiceStatus />
        <section className="card" aria-labelledby="statuses-title">
          <h2 id="statuses-title">{t('console.statuses')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.statusColumn')}</th>
                <th scope="col">{t('console.nextColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {applicationStatuses.map((status) => {
                const next = statusTransitions[status] as readonly (typeof status)[];
                return (
                  <tr key={status}>
                    <td>{statusLabels[status][language]}</td>
                    <td>
                      {next.length === 0
                        ? t('console.final')
                        : next.map((s) => statusLabels[s][language]).join(', ')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </main>
      <footer>
        <a href="/">{t('links.applicant')}</a>
        <a href="/api/docs">{t('links.apiDocs')}</a>
      </footer>
    </>
  );
}
