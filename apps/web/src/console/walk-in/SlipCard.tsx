import type { WalkInSlip } from '#shared/contracts/walk-ins.ts';
import { formatDate, formatInstant, formatRupiah } from '../format.ts';
import { useI18n } from '../i18n.ts';

/**
 * The slip the person takes home: application number, masked NIK, and the billing code to pay within
 * two hours. Printing shows only the slip (console.css, @media print).
 */
export function SlipCard(props: { slip: WalkInSlip; onNext(): void }) {
  const { t, language } = useI18n();
  const { slip } = props;
  return (
    <section className="card walk-in-slip" aria-labelledby="walk-in-slip-title" data-testid="walk-in-slip">
      <h3 id="walk-in-slip-title">{t('console.walkIn.slipTitle')}</h3>
      <dl className="slip-lines">
        <dt>{t('console.walkIn.slipOffice')}</dt>
        <dd>{slip.officeName}</dd>
        <dt>{t('console.walkIn.slipNumber')}</dt>
        <dd data-testid="walk-in-slip-number">{slip.number}</dd>
        <dt>{t('console.walkIn.lane')}</dt>
        <dd>{t(`console.walkIn.lane.${slip.lane}`)}</dd>
        <dt>{t('console.walkIn.slipDate')}</dt>
        <dd>{formatDate(slip.date, language)}</dd>
        <dt>{t('console.walkIn.fullName')}</dt>
        <dd>{slip.holder.fullName}</dd>
        <dt>NIK</dt>
        <dd data-testid="walk-in-slip-nik">{slip.holder.nik}</dd>
        {slip.billing ? (
          <>
            <dt>{t('console.walkIn.slipBilling')}</dt>
            <dd data-testid="walk-in-slip-billing">
              <strong>{slip.billing.code}</strong>
            </dd>
            <dt>{t('console.walkIn.slipAmount')}</dt>
            <dd>{formatRupiah(slip.billing.amount, language)}</dd>
            <dt>{t('console.walkIn.slipPayBy')}</dt>
            <dd data-testid="walk-in-slip-pay-by">
              {formatInstant(slip.billing.expiresAt, language, slip.timeZone)}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="hint">{slip.billing ? t('console.walkIn.slipPayHint') : t('console.walkIn.slipFree')}</p>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()} data-testid="walk-in-print">
          {t('console.walkIn.print')}
        </button>
        <button type="button" onClick={props.onNext} data-testid="walk-in-next">
          {t('console.walkIn.next')}
        </button>
      </div>
    </section>
  );
}
