import { useT } from '../app/useT.ts';

const groups = [
  'MOBILE_BANKING',
  'ATM',
  'BANK_TELLER',
  'MARKETPLACE',
  'POS_INDONESIA',
  'MINIMARKET',
] as const;

/** How to pay at each kind of channel; one open at a time keeps the screen short. */
export function Channels() {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="howto-title">
      <h2 id="howto-title">{t('pay.howTo')}</h2>
      {groups.map((group) => (
        <details key={group} name="channel" className="channel">
          <summary>{t(`pay.channel.${group}`)}</summary>
          <p>{t(`pay.channel.${group}.steps`)}</p>
        </details>
      ))}
    </section>
  );
}
