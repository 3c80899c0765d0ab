import type { OfficerView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { canOpen } from '../access.ts';
import { ApplicationPage } from '../application/ApplicationPage.tsx';
import { AuditPage } from '../audit/AuditPage.tsx';
import { PaymentsPage } from '../payments/PaymentsPage.tsx';
import { QueuePage } from '../queue/QueuePage.tsx';
import { ReleasesPage } from '../releases/ReleasesPage.tsx';
import type { Route } from '../routes.ts';
import { SchedulePage } from '../schedule/SchedulePage.tsx';
import { WalkInPage } from '../walk-in/WalkInPage.tsx';

/** The view the hash names, if the officer's roles open it. */
export function Views(props: { officer: OfficerView; route: Route; navigate(route: Route): void }) {
  const { t } = useI18n();
  const { officer, route, navigate } = props;
  const openApplication = (id: string) => navigate({ view: 'application', id });
  if (!canOpen(route.view, officer.roles)) {
    return (
      <p className="card" role="alert">
        {t('console.error.noAccess')}
      </p>
    );
  }
  switch (route.view) {
    case 'queue':
      return <QueuePage officer={officer} onOpen={openApplication} />;
    case 'application':
      return <ApplicationPage key={route.id} id={route.id} officer={officer} />;
    case 'schedule':
      return <SchedulePage officer={officer} />;
    case 'releases':
      return <ReleasesPage officer={officer} />;
    case 'payments':
      return <PaymentsPage officer={officer} onOpen={openApplication} />;
    case 'walk-in':
      return <WalkInPage officer={officer} />;
    case 'audit':
      return <AuditPage />;
  }
}
