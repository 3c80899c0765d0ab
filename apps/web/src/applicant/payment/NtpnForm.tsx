import { useState } from 'react';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText, Field } from '../components/Form.tsx';

/** The receipt's NTPN, typed as it is printed (spaces and lower case forgiven), then checked. */
export function NtpnForm(props: {
  className?: string;
  primary?: boolean;
  check(ntpn: string): Promise<void>;
}) {
  const { t } = useT();
  const [ntpn, setNtpn] = useState('');
  const claim = useSubmit(() => props.check(ntpn));
  return (
    <form className={props.className} onSubmit={claim.onSubmit}>
      <Field
        label={t('pay.claim.ntpn')}
        value={ntpn}
        maxLength={16}
        pattern="[A-Z0-9]{16}"
        required
        autoCapitalize="characters"
        onChange={(e) => setNtpn(e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''))}
      />
      <ErrorText error={claim.error} />
      <button type="submit" className={props.primary ? 'primary' : 'secondary'} disabled={claim.busy}>
        {t('pay.claim.submit')}
      </button>
    </form>
  );
}
