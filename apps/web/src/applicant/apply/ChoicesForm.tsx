import { replacementReasons } from '#shared/document-requirements.ts';
import { useT } from '../app/useT.ts';
import { Choice } from '../components/Form.tsx';
import { normalise, passportKinds, type Choices } from './choices.ts';

/** The choices of DOMAIN.md, each with the consequence said next to it. */
export function ChoicesForm(props: {
  choices: Choices;
  adult: boolean;
  onChange(choices: Choices): void;
  /** A passport on record: "Baru" would be refused, so it is said before the user picks it. */
  newWarning?: string | undefined;
}) {
  const { t } = useT();
  const { choices, adult } = props;
  const set = (patch: Partial<Choices>) => props.onChange(normalise({ ...choices, ...patch }, adult));
  return (
    <>
      <Choice
        legend={t('choice.type')}
        name="type"
        value={choices.type}
        testId="choice-type"
        options={[
          { value: 'NEW', label: t('choice.type.NEW'), note: props.newWarning },
          { value: 'REPLACEMENT', label: t('choice.type.REPLACEMENT') },
        ]}
        onChange={(type) => set({ type })}
      />
      {choices.type === 'REPLACEMENT' && (
        <Choice
          legend={t('choice.reason')}
          name="reason"
          value={choices.replacementReason}
          options={replacementReasons.map((reason) => ({
            value: reason,
            label: t(`choice.reason.${reason}`),
          }))}
          onChange={(replacementReason) => set({ replacementReason })}
        />
      )}
      <Choice
        legend={t('choice.kind')}
        name="kind"
        value={choices.kind}
        options={passportKinds.map((kind) => ({ value: kind, label: t(`choice.kind.${kind}`) }))}
        onChange={(kind) => set({ kind })}
      />
      <Choice
        legend={t('choice.validity')}
        name="validity"
        value={String(choices.validityYears) as '5' | '10'}
        options={[
          {
            value: '10',
            label: t('choice.validity.10'),
            note: t('choice.validity.adultOnly'),
            disabled: !adult,
          },
          { value: '5', label: t('choice.validity.5') },
        ]}
        onChange={(years) => set({ validityYears: years === '10' ? 10 : 5 })}
      />
      <p className="notice" role="status">
        {t(adult ? 'choice.isAdult' : 'choice.isMinor')}
      </p>
      <Choice
        legend={t('choice.service')}
        name="service"
        value={choices.service}
        options={[
          { value: 'REGULAR', label: t('choice.service.REGULAR') },
          { value: 'EXPRESS', label: t('choice.service.EXPRESS') },
        ]}
        onChange={(service) => set({ service })}
      />
      <fieldset className="choice">
        <legend className="visually-hidden">{t('choice.married')}</legend>
        {(['married', 'naturalised', 'nameChanged'] as const).map((flag) => (
          <label key={flag} className="choice-row">
            <input
              type="checkbox"
              checked={choices[flag]}
              onChange={(e) => set({ [flag]: e.target.checked })}
            />
            <span>{t(`choice.${flag}`)}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
