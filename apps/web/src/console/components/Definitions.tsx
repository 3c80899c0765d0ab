import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n.ts';

/** Label–value pairs of a record; empty values show a dash rather than vanish. */
export function Definitions({ items }: { items: readonly [MessageKey, ReactNode][] }) {
  const { t } = useI18n();
  return (
    <dl className="definitions">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
