import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ServiceStatus } from './ServiceStatus.tsx';

/** Header with the title and language switch, the service status, and footer links: every page's frame. */
export function PageShell(props: {
  title: MessageKey;
  intro: MessageKey;
  links: readonly { href: string; label: MessageKey }[];
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <header className="top">
        <h1>{t(props.title)}</h1>
        <LanguageSwitch />
      </header>
      <main>
        <p>{t(props.intro)}</p>
        <ServiceStatus />
        {props.children}
      </main>
      <footer>
        {props.links.map((link) => (
          <a key={link.href} href={link.href}>
            {t(link.label)}
          </a>
        ))}
      </footer>
    </>
  );
}
