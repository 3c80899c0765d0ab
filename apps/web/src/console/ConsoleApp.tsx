import {
  applicationStatuses,
  statusLabels,
  statusTransitions,
  type ApplicationStatus,
} from '#shared/statuses.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PageShell } from '../ui/PageShell.tsx';

/** The console's first page: the state machine officers work with, read from the shared table. */
export function ConsoleApp() {
  const { t, language } = useI18n();
  return (
    <PageShell
      title="console.title"
      intro="console.subtitle"
      links={[
        { href: '/', label: 'links.applicant' },
        { href: '/api/docs', label: 'links.apiDocs' },
      ]}
    >
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
              const next: readonly ApplicationStatus[] = statusTransitions[status];
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
    </PageShell>
  );
}
