import { useEffect, useState } from 'react';
import { apiJson } from '../api/client.ts';
import { navigate } from '../app/navigation.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { Choice, ErrorText, Field, fieldErrors, Screen } from '../components/Form.tsx';

const empty = {
  fullName: '',
  nik: '',
  dateOfBirth: '',
  placeOfBirth: '',
  email: '',
  phone: '',
  password: '',
};

/** Biodata as on the KTP-el: the server checks it with Dukcapil and says which field differs. */
export function RegisterScreen() {
  const { t, language } = useT();
  const [form, setForm] = useState(empty);
  const [sex, setSex] = useState<'M' | 'F' | null>(null);
  const submit = useSubmit(async () => {
    await apiJson('/accounts', { method: 'POST', json: { ...form, sex, language } });
    navigate({ name: 'verify', email: form.email });
  });
  const errors = fieldErrors(submit.error);
  useEffect(() => {
    // The first field Dukcapil disagrees with gets the focus, so a screen reader hears why at once.
    if (submit.error) document.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [submit.error]);
  const field = (name: keyof typeof empty) => ({
    name,
    value: form[name],
    error: errors[name],
    required: true,
    'data-testid': `register-${name}`,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.target.value }),
  });
  return (
    <Screen title={t('auth.register.title')} intro={t('auth.register.intro')}>
      <form onSubmit={submit.onSubmit} noValidate={false}>
        <Field label={t('auth.fullName')} autoComplete="name" {...field('fullName')} />
        <Field label={t('auth.nik')} inputMode="numeric" pattern="\d{16}" maxLength={16} {...field('nik')} />
        <Field label={t('auth.dateOfBirth')} type="date" autoComplete="bday" {...field('dateOfBirth')} />
        <Field label={t('auth.placeOfBirth')} {...field('placeOfBirth')} />
        <Choice
          legend={t('auth.sex')}
          name="sex"
          value={sex}
          testId="register-sex"
          options={[
            { value: 'M', label: t('auth.sex.M') },
            { value: 'F', label: t('auth.sex.F') },
          ]}
          onChange={setSex}
        />
        <Field label={t('auth.email')} type="email" autoComplete="email" {...field('email')} />
        <Field label={t('auth.phone')} type="tel" autoComplete="tel" {...field('phone')} />
        <Field
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          minLength={8}
          {...field('password')}
        />
        <ErrorText error={submit.error} />
        <button className="primary" type="submit" disabled={submit.busy} data-testid="register-submit">
          {t('auth.register.submit')}
        </button>
      </form>
    </Screen>
  );
}
