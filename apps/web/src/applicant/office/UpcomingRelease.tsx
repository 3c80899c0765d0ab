import type { Office } from '../api/types.ts';
import { useT } from '../app/useT.ts';

/** A note above the slot list: when the office's next quota comes, and when its queue opens. */
export function UpcomingRelease(props: {
  office: Office;
  release: { releaseAt: string; queueOpensAt: string };
}) {
  const { t, language } = useT();
  const { office, release } = props;
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const zone = { timeZone: office.timeZone } as const;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', ...zone });
  const hour = new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...zone });
  return (
    <p className="intro" data-testid="release-upcoming">
      {t('release.upcoming', {
        time: `${time.format(new Date(release.releaseAt))} ${office.timeZoneLabel}`,
        opens: `${hour.format(new Date(release.queueOpensAt))} ${office.timeZoneLabel}`,
      })}
    </p>
  );
}
