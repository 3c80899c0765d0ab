import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import type { Application, TravelDocument } from '../api/types.ts';
import { serverToday, useAppState } from '../app/AppState.tsx';
import { longDate } from '../app/format.ts';
import { navigate } from '../app/navigation.ts';
import { useLoad } from '../app/useLoad.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { Choice, ErrorText, Field, fieldErrors, Screen } from '../components/Form.tsx';
import { ApplicantFields, noPerson, type Person } from './ApplicantFields.tsx';
import {
  adultApplicant,
  defaultChoices,
  normalise,
  productCode,
  travelPurposes,
  type Choices,
} from './choices.ts';
import { ChoicesForm } from './ChoicesForm.tsx';
import { Summary } from './Summary.tsx';

/** A new application for me or a family member, with every choice's consequence on the same screen. */
export function ApplyScreen() {
  const { t, language } = useT();
  const { session, clockOffsetMs } = useAppState();
  const [forWhom, setForWhom] = useState<'me' | 'family'>('me');
  const [family, setFamily] = useState<Person>(noPerson);
  const [choices, setChoices] = useState<Choices>(defaultChoices);
  const [previousPassport, setPreviousPassport] = useState('');
  const [purpose, setPurpose] = useState<(typeof travelPurposes)[number]>('TOURISM');
  const passports = useLoad('travel-documents', () => apiJson<TravelDocument[]>('/travel-documents'));
  const me = session?.account;
  const person: Person =
    forWhom === 'me' && me
      ? {
          fullName: me.fullName,
          nik: me.nik,
          dateOfBirth: me.dateOfBirth,
          placeOfBirth: me.placeOfBirth,
          sex: me.sex,
        }
      : family;
  const adult = adultApplicant(person.dateOfBirth, choices.married, serverToday(clockOffsetMs));
  const shown = normalise(choices, adult);
  const held = forWhom === 'me' ? passports.data?.find((p) => p.status === 'VALID') : undefined;

  const submit = useSubmit(async () => {
    const created = await apiJson<Application>('/applications', {
      method: 'POST',
      json: {
        type: shown.type,
        ...(shown.replacementReason ? { replacementReason: shown.replacementReason } : {}),
        service: shown.service,
        product: productCode(shown),
        applicant: { ...person, married: shown.married },
        ...(shown.type === 'REPLACEMENT' && previousPassport
          ? { previousPassportNumber: previousPassport }
          : {}),
        travelPurpose: purpose,
        circumstances: { naturalised: shown.naturalised, nameChanged: shown.nameChanged },
      },
    });
    navigate({ name: 'upload', id: created.id });
  });
  const errors = fieldErrors(submit.error);

  return (
    <Screen title={t('apply.title')}>
      <form onSubmit={submit.onSubmit}>
        <Choice
          legend={t('apply.for')}
          name="for"
          value={forWhom}
          options={[
            { value: 'me', label: t('apply.for.me') },
            { value: 'family', label: t('apply.for.family') },
          ]}
          onChange={setForWhom}
        />
        {forWhom === 'family' && <ApplicantFields person={family} errors={errors} onChange={setFamily} />}
        {held && shown.type === 'NEW' && (
          <p className="warning" role="alert" data-testid="passport-exists">
            {t('apply.passportExists', { number: held.number, date: longDate(held.expiryDate, language) })}
          </p>
        )}
        <ChoicesForm choices={shown} adult={adult} onChange={setChoices} />
        {shown.type === 'REPLACEMENT' && (
          <Field
            label={t('apply.previousPassport')}
            value={previousPassport || held?.number || ''}
            error={errors.previousPassportNumber}
            onChange={(e) => setPreviousPassport(e.target.value.toUpperCase())}
          />
        )}
        <div className="field">
          <label htmlFor="purpose">{t('choice.purpose')}</label>
          <select id="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as typeof purpose)}>
            {travelPurposes.map((p) => (
              <option key={p} value={p}>
                {t(`choice.purpose.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <Summary choices={shown} adult={adult} />
        {Object.keys(errors).length > 0 && <p className="field-error">{t('apply.mismatch')}</p>}
        <ErrorText error={submit.error} />
        <button className="primary" type="submit" disabled={submit.busy} data-testid="apply-submit">
          {t('apply.submit')}
        </button>
      </form>
    </Screen>
  );
}
