import { apiJson } from '../api/client.ts';
import type { Office, Waitlist } from '../api/types.ts';
import { useLoad } from '../app/useLoad.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText } from '../components/Form.tsx';
import { leaveWaitlist } from './api.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { mediumDay } from './dates.ts';

/** Waiting: the place in the line, where and when the applicant waits, and the way out. */
export function WaitingEntry(props: { applicationId: string; entry: Waitlist; onChange(): void }) {
  const { t, language } = useT();
  const { applicationId, entry, onChange } = props;
  // The entry names its office by code only; the name is what the applicant chose on the office screen.
  const office = useLoad(`office:${entry.officeCode}`, () =>
    apiJson<Office>(`/offices/${encodeURIComponent(entry.officeCode)}`),
  );
  const officeName = office.data?.name ?? entry.officeCode;
  const leave = useSubmit(async () => {
    await leaveWaitlist(applicationId);
    onChange();
  });
  return (
    <>
      <p className="notice" data-testid="waitlist-position" data-position={entry.position ?? undefined}>
        <strong>{t('waitlist.position', { n: entry.position ?? '–' })}</strong>
      </p>
      {entry.behind && <p className="hint">{t('waitlist.behind')}</p>}
      <dl className="waitlist-facts">
        <dt>{t('waitlist.where')}</dt>
        <dd>
          {entry.radiusKm > 0
            ? t('waitlist.where.radius', {
                office: officeName,
                km: entry.radiusKm,
                n: entry.officeCodes.length,
              })
            : officeName}
        </dd>
        <dt>{t('waitlist.dates')}</dt>
        <dd>
          {t('waitlist.dateRange', {
            from: mediumDay(entry.from, language),
            to: mediumDay(entry.to, language),
          })}
        </dd>
      </dl>
      <p className="hint">{t('waitlist.refresh')}</p>
      <ErrorText error={leave.error} />
      <ConfirmStep
        label={t('waitlist.leave')}
        question={t('waitlist.leave.question')}
        yes={t('waitlist.leave.yes')}
        busy={leave.busy}
        testId="waitlist-leave"
        onConfirm={() => void leave.run()}
      />
    </>
  );
}
