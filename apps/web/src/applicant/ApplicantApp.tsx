import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { PageShell } from '../ui/PageShell.tsx';

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
    <PageShell
      title="app.name"
      intro="app.tagline"
      links={[
        { href: '/console', label: 'links.console' },
        { href: '/api/docs', label: 'links.apiDocs' },
      ]}
    >
      <section className="card" aria-labelledby="journey-title">
        <h2 id="journey-title">{t('journey.title')}</h2>
        <ol className="journey">
          {journey.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      </section>
    </PageShell>
  );
}
