import { useT } from '../app/useT.ts';
import { Choice, Field } from '../components/Form.tsx';

export interface Person {
  fullName: string;
  nik: string;
  dateOfBirth: string;
  placeOfBirth: string;
  sex: 'M' | 'F' | null;
}

export const noPerson: Person = { fullName: '', nik: '', dateOfBirth: '', placeOfBirth: '', sex: null };

/** A family member's biodata; `errors` marks the fields Dukcapil disagrees with. */
export function ApplicantFields(props: {
  person: Person;
  errors: Record<string, string>;
  onChange(p: Person): void;
}) {
  const { t } = useT();
  const { person, errors } = props;
  const text = (name: 'fullName' | 'nik' | 'dateOfBirth' | 'placeOfBirth') => ({
    value: person[name],
    error: errors[name],
    required: true,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      props.onChange({ ...person, [name]: e.target.value }),
  });
  return (
    <>
      <p>{t('apply.family.intro')}</p>
      <Field label={t('auth.fullName')} {...text('fullName')} />
      <Field label={t('auth.nik')} inputMode="numeric" maxLength={16} {...text('nik')} />
      <Field label={t('auth.dateOfBirth')} type="date" {...text('dateOfBirth')} />
      <Field label={t('auth.placeOfBirth')} {...text('placeOfBirth')} />
      <Choice
        legend={t('auth.sex')}
        name="family-sex"
        value={person.sex}
        options={[
          { value: 'M', label: t('auth.sex.M') },
          { value: 'F', label: t('auth.sex.F') },
        ]}
        onChange={(sex) => props.onChange({ ...person, sex })}
      />
    </>
  );
}
