import type { OfficerView } from '#shared/contracts/officer.ts';
import { officerRoleLabels } from '#shared/roles.ts';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n.ts';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { canOpen } from '../access.ts';
import { routeHash, type Route } from '../routes.ts';

const navigation: readonly { view: Exclude<Route['view'], 'application'>; label: MessageKey }[] = [
  { view: 'queue', label: 'console.nav.queue' },
  { view: 'walk-in', label: 'console.nav.walkIn' },
  { view: 'schedule', label: 'console.nav.schedule' },
  { view: 'releases', label: 'console.nav.releases' },
  { view: 'payments', label: 'console.nav.payments' },
  { view: 'audit', label: 'console.nav.audit' },
];

/** Who is signed in, where, with which roles; the views they may open; sign out. */
export function ConsoleShell(props: {
  officer: OfficerView;
  current: Route['view'];
  onSignOut(): Promise<void>;
  children: ReactNode;
}) {
  const { t, language } = useI18n();
  const { officer } = props;
  return (
    <div className="console">
      <header className="top console-header">
        <h1>{t('console.title')}</h1>
        <div className="officer" data-testid="officer-info">
          <span>
            <strong data-testid="officer-name">{officer.fullName}</strong> ·{' '}
            <span data-testid="officer-office">{officer.officeName ?? t('console.header.headquarters')}</span>
          </span>
          <ul className="roles" aria-label={t('console.header.roles')}>
            {officer.roles.map((role) => (
              <li key={role}>{officerRoleLabels[role][language]}</li>
            ))}
          </ul>
        </div>
        <div className="header-actions">
          <LanguageSwitch />
          <button
            type="button"
            className="header-button"
            onClick={() => void props.onSignOut()}
            data-testid="logout"
          >
            {t('console.header.logout')}
          </button>
        </div>
      </header>
      <nav className="console-nav" aria-label={t('console.nav.label')}>
        {navigation
          .filter((item) => canOpen(item.view, officer.roles))
          .map((item) => {
            // An application is opened from the queue, so the queue stays the current section.
            const current =
              item.view === props.current || (item.view === 'queue' && props.current === 'application');
            return (
              <a
                key={item.view}
                href={routeHash({ view: item.view })}
                aria-current={current ? 'page' : undefined}
                data-testid={`nav-${item.view}`}
              >
                {t(item.label)}
              </a>
            );
          })}
      </nav>
      <main>{props.children}</main>
    </div>
  );
}
