import { useI18n } from '../i18n.ts';
import { poolLabel } from '../labels.ts';
import { nextSlot, pools, sortSlots, toggleWeekday, weekdays, type Schedule, type Slot } from './draft.ts';

/** The weekly template: which days the office serves, its hourly sessions, and seats per pool. */
export function TemplateEditor(props: { draft: Schedule; onChange(next: Schedule): void }) {
  const { t } = useI18n();
  const { template } = props.draft;
  const setTemplate = (next: Partial<Schedule['template']>) =>
    props.onChange({ ...props.draft, template: { ...template, ...next } });
  const setSlot = (index: number, slot: Slot) =>
    setTemplate({ slots: template.slots.map((s, i) => (i === index ? slot : s)) });
  const added = nextSlot(template.slots);

  return (
    <div className="schedule-section">
      <fieldset data-testid="schedule-weekdays">
        <legend>{t('console.schedule.weekdays')}</legend>
        <div className="inline-choices">
          {weekdays.map((day) => (
            <label key={day} className="choice">
              <input
                type="checkbox"
                checked={template.weekdays.includes(day)}
                onChange={(e) =>
                  setTemplate({ weekdays: toggleWeekday(template.weekdays, day, e.target.checked) })
                }
                data-testid={`schedule-weekday-${day}`}
              />
              {t(`console.weekday.${day}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset data-testid="schedule-slots">
        <legend>{t('console.schedule.slots')}</legend>
        <ol className="slots">
          {template.slots.map((slot, index) => (
            <li key={index}>
              <label>
                <span className="visually-hidden">
                  {t('console.schedule.slotStart')} {index + 1}
                </span>
                <input
                  type="time"
                  step={900}
                  value={slot.start}
                  required
                  onChange={(e) => setSlot(index, { ...slot, start: e.target.value })}
                />
              </label>
              –
              <label>
                <span className="visually-hidden">
                  {t('console.schedule.slotEnd')} {index + 1}
                </span>
                <input
                  type="time"
                  step={900}
                  value={slot.end}
                  required
                  onChange={(e) => setSlot(index, { ...slot, end: e.target.value })}
                />
              </label>
              <button
                type="button"
                className="link"
                onClick={() => setTemplate({ slots: template.slots.filter((_, i) => i !== index) })}
                aria-label={`${t('console.remove')} ${slot.start}–${slot.end}`}
              >
                {t('console.remove')}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          disabled={!added || template.slots.length >= 24}
          onClick={() => added && setTemplate({ slots: sortSlots([...template.slots, added]) })}
          data-testid="schedule-add-slot"
        >
          {t('console.schedule.addSlot')}
        </button>
      </fieldset>

      <fieldset data-testid="schedule-capacity">
        <legend>{t('console.schedule.capacity')}</legend>
        <div className="inline-fields">
          {pools.map((pool) => (
            <label key={pool} className="field">
              <span>{poolLabel(pool, t)}</span>
              <input
                type="number"
                min={0}
                max={10000}
                required
                value={template.capacity[pool]}
                onChange={(e) =>
                  setTemplate({
                    capacity: {
                      ...template.capacity,
                      [pool]: Math.max(0, Math.trunc(Number(e.target.value))),
                    },
                  })
                }
                data-testid={`schedule-capacity-${pool}`}
              />
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
