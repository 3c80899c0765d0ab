import type { OfficerView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.ts';

/**
 * The office a console page works on: an office's officers work on their own; headquarters names one
 * first (OfficeChooser). `title` is what the page's heading shows for it.
 */
export function useChosenOffice(officer: OfficerView) {
  const [officeCode, choose] = useState(officer.officeCode ?? '');
  const title = officer.officeCode ? officer.officeName : officeCode || '—';
  return { officeCode, choose, title };
}

/** Headquarters' form to name the office; nothing for an office's own officers. */
export function OfficeChooser({
  officer,
  onChoose,
  openLabel,
  testId,
}: {
  officer: OfficerView;
  onChoose: (officeCode: string) => void;
  openLabel: string;
  testId: string;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  if (officer.officeCode !== null) return null;

  function open(event: FormEvent) {
    event.preventDefault();
    onChoose(typed.trim().toUpperCase());
  }

  return (
    <form className="toolbar" onSubmit={open}>
      <label className="field">
        <span>{t('console.schedule.officeCode')}</span>
        <input value={typed} required onChange={(e) => setTyped(e.target.value)} data-testid={testId} />
      </label>
      <button type="submit">{openLabel}</button>
    </form>
  );
}
