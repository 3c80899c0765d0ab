import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { ServiceStatus } from '../ui/ServiceStatus.tsx';

const journey: MessageKey[] = [
  'journey.register',
  'journey.apply',
  'journey.upload',
  'journey.schedule',
  'journey.pay',
  'journey.visit',
  'journey.ready',
];

export function ApplicantApp() {
  const { t } = useI18n();
  return (
    <>
      <header className="top">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <main>
        <p>{t('app.tagline')}</p>
        <ServiceStatus />
        <section className="card" aria-labelledby="journey-title">
          <h2 id="journey-title">{t('journey.title')}</h2>
          <ol className="journey">
            {journey.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ol>
        </section>
      </main>
      <footer>
        <a href="/console">{t('links.console')}</a>
        <a href="/api/docs">{t('links.apiDocs')}</a>
      </footer>
    </>
  );
}
