import type { OfficerView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { formatRupiah, formatValue } from '../format.ts';
import { columnLabel, paymentColumns } from './columns.ts';
import { PartnerHealthPanel } from './PartnerHealthPanel.tsx';
import { ResolvePayment } from './ResolvePayment.tsx';

type Row = Record<string, unknown>;

/** Payments the office must look at (late, doubled, refused); the table shows whatever the server names. */
export function PaymentsPage(props: { officer: OfficerView; onOpen(id: string): void }) {
  const { t, language } = useI18n();
  const api = useApi();
  const payments = useResource('payments', () => api.get<Row[]>('/payments/attention'));
  const rows = payments.data ?? [];
  const columns = paymentColumns(rows);
  const cell = (key: string, value: unknown) =>
    key === 'amount' && typeof value === 'number'
      ? formatRupiah(value, language)
      : formatValue(value, language);

  return (
    <>
      <PartnerHealthPanel officer={props.officer} />
      <section className="card" aria-labelledby="payments-title">
        <PageHeading>
          <span id="payments-title">{t('console.payments.title')}</span>
        </PageHeading>
        <p className="muted">{t('console.payments.intro')}</p>
        <button type="button" onClick={payments.reload}>
          {t('console.queue.refresh')}
        </button>
        <ErrorAlert error={payments.error} />
        {payments.loading && !payments.data ? <Loading /> : null}
        {payments.data && rows.length === 0 ? <p className="empty">{t('console.payments.none')}</p> : null}
        {rows.length > 0 ? (
          <div className="table-scroll">
            <table data-testid="payments-table">
              <thead>
                <tr>
                  {columns.map((key) => {
                    const label = columnLabel(key);
                    return (
                      <th scope="col" key={key}>
                        {label ? t(label) : <code>{key}</code>}
                      </th>
                    );
                  })}
                  <th scope="col">{t('console.payments.action')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => {
                  const applicationId = typeof row.applicationId === 'string' ? row.applicationId : null;
                  return (
                    <tr
                      key={String(row.paymentId ?? index)}
                      data-testid="payment-row"
                      className={applicationId ? 'clickable' : undefined}
                      onClick={applicationId ? () => props.onOpen(applicationId) : undefined}
                    >
                      {columns.map((key) => (
                        <td
                          key={key}
                          className={key === 'billingCode' || key === 'ntpn' ? 'mono' : undefined}
                        >
                          {applicationId && key === columns[0] ? (
                            <a href={`#/applications/${applicationId}`} onClick={(e) => e.stopPropagation()}>
                              {cell(key, row[key])}
                            </a>
                          ) : (
                            cell(key, row[key])
                          )}
                        </td>
                      ))}
                      <td>
                        {typeof row.paymentId === 'string' ? (
                          <ResolvePayment paymentId={row.paymentId} onResolved={payments.reload} />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
