import { apiFetch, fromOfflineCache } from '../api/client.ts';
import type { Application } from '../api/types.ts';
import { routeHash } from '../app/routes.ts';
import { useLoad } from '../app/useLoad.ts';
import { useT } from '../app/useT.ts';
import { ErrorText, Screen } from '../components/Form.tsx';
import { nextStep } from './nextStep.ts';
import { NikApplications } from './NikApplications.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** My applications, newest first; offline, the service worker's last copy with a banner saying so. */
export function ApplicationsScreen() {
  const { t, language } = useT();
  const list = useLoad(`applications:${language}`, async () => {
    const response = await apiFetch('/applications');
    return { items: (await response.json()) as Application[], offline: fromOfflineCache(response) };
  });
  return (
    <Screen title={t('apps.title')}>
      {list.data?.offline && (
        <p className="warning" role="status" data-testid="offline-banner">
          {t('offline.banner')}
        </p>
      )}
      <ErrorText error={list.error} />
      {list.loading && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data?.items.length === 0 && <p>{t('apps.empty')}</p>}
      <ul className="applications">
        {list.data?.items.map((app) => {
          const next = nextStep(app);
          return (
            <li key={app.id} className="card" data-testid="application-card">
              <h2>{app.number}</h2>
              <p>{app.applicant.fullName}</p>
              <StatusBadge status={app.status} />
              {next && (
                <a className="button primary" href={routeHash(next.route)} data-testid="application-next">
                  {t(next.label)}
                </a>
              )}
              <a className="button secondary" href={routeHash({ name: 'application', id: app.id })}>
                {t('apps.open')}
              </a>
            </li>
          );
        })}
      </ul>
      <a className="button primary" href="#/apply" data-testid="new-application">
        {t('apps.new')}
      </a>
      {list.data && !list.data.offline && <NikApplications />}
    </Screen>
  );
}
