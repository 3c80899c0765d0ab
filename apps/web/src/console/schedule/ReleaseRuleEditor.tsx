import { useI18n } from '../i18n.ts';
import { releaseKinds, releaseRuleOf, weekdays, type Schedule } from './draft.ts';

/** When new sessions open for booking, and how far ahead applicants may book. */
export function ReleaseRuleEditor(props: { draft: Schedule; onChange(next: Schedule): void }) {
  const { t } = useI18n();
  const rule = props.draft.releaseRule;
  const setRule = (next: Schedule['releaseRule']) => props.onChange({ ...props.draft, releaseRule: next });
  const whole = (value: string) => Math.trunc(Number(value));

  return (
    <fieldset className="schedule-section" data-testid="schedule-release">
      <legend>{t('console.schedule.release')}</legend>
      <div className="inline-fields">
        <label className="field">
          <span>{t('console.schedule.releaseKind')}</span>
          <select
            value={rule.kind}
            onChange={(e) => setRule(releaseRuleOf(e.target.value as Schedule['releaseRule']['kind'], rule))}
            data-testid="schedule-release-kind"
          >
            {releaseKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`console.release.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {rule.kind === 'WEEKLY' ? (
          <label className="field">
            <span>{t('console.schedule.releaseWeekday')}</span>
            <select
              value={rule.weekday}
              onChange={(e) => setRule({ ...rule, weekday: whole(e.target.value) })}
              data-testid="schedule-release-weekday"
            >
              {weekdays.map((day) => (
                <option key={day} value={day}>
                  {t(`console.weekday.${day}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {rule.kind === 'ROLLING' ? (
          <label className="field">
            <span>{t('console.schedule.daysAhead')}</span>
            <input
              type="number"
              min={1}
              max={90}
              required
              value={rule.daysAhead}
              onChange={(e) => setRule({ ...rule, daysAhead: whole(e.target.value) })}
              data-testid="schedule-release-days"
            />
          </label>
        ) : null}
        <label className="field">
          <span>{t('console.schedule.releaseTime')}</span>
          <input
            type="time"
            required
            value={rule.time}
            onChange={(e) => setRule({ ...rule, time: e.target.value })}
            data-testid="schedule-release-time"
          />
        </label>
        <label className="field">
          <span>{t('console.schedule.horizon')}</span>
          <input
            type="number"
            min={7}
            max={120}
            required
            value={props.draft.horizonDays}
            onChange={(e) => props.onChange({ ...props.draft, horizonDays: whole(e.target.value) })}
            data-testid="schedule-horizon"
          />
        </label>
      </div>
      <p className="muted">{t(`console.release.${rule.kind}.hint`)}</p>
    </fieldset>
  );
}
