import type { ReleaseRecord } from '#shared/contracts/releases.ts';
import { useI18n } from '../i18n.ts';
import { formatInstant } from '../format.ts';
import { sellOutText } from './figures.ts';

/** The public record of the office's last releases: how many queued, were admitted, bought, how fast. */
export function RecentReleases({ records }: { records: readonly ReleaseRecord[] }) {
  const { t, language } = useI18n();
  return (
    <>
      <h3>{t('console.releases.recent')}</h3>
      {records.length === 0 ? (
        <p className="empty">{t('console.releases.noRecent')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="releases-table">
            <thead>
              <tr>
                <th scope="col">{t('console.releases.releaseAt')}</th>
                <th scope="col">{t('console.releases.tickets')}</th>
                <th scope="col">{t('console.releases.admitted')}</th>
                <th scope="col">{t('console.releases.sold')}</th>
                <th scope="col">{t('console.releases.sellOut')}</th>
                <th scope="col">{t('console.releases.seed')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id} data-testid="release-row">
                  <td>{formatInstant(record.releaseAt, language)}</td>
                  <td>{record.tickets}</td>
                  <td>{record.admitted}</td>
                  <td>{record.sold}</td>
                  <td>{sellOutText(record.secondsToSellOut, language)}</td>
                  <td className="mono seed-cell">
                    {record.seedHash}
                    {record.seed ? (
                      <>
                        <br />
                        {record.seed}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
