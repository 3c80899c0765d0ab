import { useState } from 'react';
import { serverToday, useAppState } from '../app/AppState.tsx';
import { useT } from '../app/useT.ts';
import { adultApplicant, defaultChoices, normalise, type Choices } from '../apply/choices.ts';
import { ChoicesForm } from '../apply/ChoicesForm.tsx';
import { Summary } from '../apply/Summary.tsx';
import { Field, Screen } from '../components/Form.tsx';

/** "What do I need?": documents and fee without an account. */
export function AdvisorScreen() {
  const { t } = useT();
  const { clockOffsetMs, session } = useAppState();
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [choices, setChoices] = useState<Choices>(defaultChoices);
  const adult = adultApplicant(dateOfBirth, choices.married, serverToday(clockOffsetMs));
  const shown = normalise(choices, adult);
  return (
    <Screen title={t('advisor.title')} intro={t('advisor.intro')}>
      <Field
        label={t('advisor.dateOfBirth')}
        type="date"
        value={dateOfBirth}
        data-testid="advisor-dob"
        onChange={(e) => setDateOfBirth(e.target.value)}
      />
      <ChoicesForm choices={shown} adult={adult} onChange={setChoices} />
      <Summary choices={shown} adult={adult} />
      <a className="button primary" href={session ? '#/apply' : '#/register'}>
        {t('advisor.start')}
      </a>
    </Screen>
  );
}
