import { countdownText } from '../../ui/countdown.ts';
import { useT } from '../app/useT.ts';
import { StepHeading } from './Heading.tsx';
import { useSecondTick } from './useServerClock.ts';
import './release.css';

/** The turn to book: how long the admission still holds, on the server's clock. */
export function AdmissionBanner(props: { expiresAt: string; now(): number }) {
  const { t } = useT();
  useSecondTick();
  const ms = Date.parse(props.expiresAt) - props.now();
  return (
    <section className="notice admission" aria-labelledby="admission-title" data-testid="admission">
      <StepHeading id="admission-title">{t('release.state.ADMITTED')}</StepHeading>
      <p className="release-countdown">
        {t('release.admissionLeft')}{' '}
        <strong role="timer" data-testid="admission-countdown">
          {countdownText(ms)}
        </strong>
      </p>
    </section>
  );
}
