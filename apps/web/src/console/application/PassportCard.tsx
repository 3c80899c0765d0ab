import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { Definitions } from '../components/Definitions.tsx';
import { formatDate } from '../format.ts';

type Passport = NonNullable<OfficerApplicationView['passport']>;

/** The issued passport; the MRZ is shown exactly as printed (two 44-character TD3 lines). */
export function PassportCard({ passport }: { passport: Passport }) {
  const { t, language } = useI18n();
  return (
    <section className="card passport" aria-labelledby="passport-title" data-testid="passport">
      <h3 id="passport-title">{t('console.passport.title')}</h3>
      <Definitions
        items={[
          [
            'console.passport.number',
            <strong className="mono" data-testid="passport-number">
              {passport.number}
            </strong>,
          ],
          ['console.passport.issueDate', formatDate(passport.issueDate, language)],
          ['console.passport.expiryDate', formatDate(passport.expiryDate, language)],
        ]}
      />
      <h4 id="mrz-title">{t('console.passport.mrz')}</h4>
      <pre className="mrz" aria-labelledby="mrz-title" data-testid="passport-mrz">
        {passport.mrz.join('\n')}
      </pre>
    </section>
  );
}
