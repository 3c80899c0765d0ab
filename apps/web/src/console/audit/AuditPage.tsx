import type { auditEntrySchema } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { formatInstant } from '../format.ts';
import { auditQuery, type AuditFilters } from './query.ts';
import { auditActionLabels, auditDetailLines } from '#shared/audit-actions.ts';

type AuditEntry = z.infer<typeof auditEntrySchema>;
const empty: AuditFilters = { officer: '', applicationId: '', from: '', to: '' };

/**
 * Who read or changed what, newest first, in words: headquarters sees every office, an office
 * administrator their own (the server enforces it); filters go to the server.
 */
export function AuditPage() {
  const { t, language } = useI18n();
  const api = useApi();
  const [typed, setTyped] = useState<AuditFilters>(empty);
  const [applied, setApplied] = useState<AuditFilters>(empty);
  const query = auditQuery(applied);
  const audit = useResource(`audit:${query}`, () => api.get<AuditEntry[]>(`/audit?${query}`));

  function submit(event: FormEvent) {
    event.preventDefault();
    setApplied({ ...typed });
    if (JSON.stringify(typed) === JSON.stringify(applied)) audit.reload();
  }

  const input = (name: keyof AuditFilters, type: 'text' | 'date') => (
    <label className="field" key={name}>
      <span>{t(`console.audit.filter.${name}`)}</span>
      <input
        type={type}
        value={typed[name]}
        onChange={(e) => setTyped({ ...typed, [name]: e.target.value })}
        data-testid={`audit-filter-${name}`}
      />
    </label>
  );

  return (
    <section className="card" aria-labelledby="audit-title">
      <PageHeading>
        <span id="audit-title">{t('console.audit.title')}</span>
      </PageHeading>
      <form className="toolbar" onSubmit={submit} data-testid="audit-filters">
        {input('officer', 'text')}
        {input('applicationId', 'text')}
        {input('from', 'date')}
        {input('to', 'date')}
        <button type="submit" className="primary" data-testid="audit-apply">
          {t('console.audit.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            setTyped(empty);
            setApplied(empty);
          }}
        >
          {t('console.audit.clear')}
        </button>
      </form>
      <ErrorAlert error={audit.error} />
      {audit.loading && !audit.data ? <Loading /> : null}
      {audit.data && audit.data.length === 0 ? <p className="empty">{t('console.audit.none')}</p> : null}
      {audit.data && audit.data.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('console.audit.at')}</th>
                <th scope="col">{t('console.audit.officer')}</th>
                <th scope="col">{t('console.audit.office')}</th>
                <th scope="col">{t('console.audit.action')}</th>
                <th scope="col">{t('console.audit.application')}</th>
                <th scope="col">{t('console.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td>{formatInstant(entry.at, language)}</td>
                  <td>{entry.officer}</td>
                  <td>{entry.officeCode ?? t('console.header.headquarters')}</td>
                  <td data-testid="audit-action" title={entry.action}>
                    {auditActionLabels[entry.action]?.[language] ?? entry.action}
                  </td>
                  <td>
                    {entry.applicationId ? (
                      <a
                        href={`#/applications/${entry.applicationId}`}
                        className="mono"
                        title={entry.applicationId}
                      >
                        {entry.applicationId.slice(0, 8)}…
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <AuditDetails details={entry.details} language={language} />
                    <div className="muted small">
                      {t('console.audit.requestId')} <code>{entry.requestId}</code>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function AuditDetails(props: { details: Record<string, unknown>; language: 'id' | 'en' }) {
  const lines = auditDetailLines(props.details, props.language);
  if (lines.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list" data-testid="audit-details">
      {lines.map((line) => (
        <li key={line.label}>
          <span className="muted">{line.label}:</span> {line.value}
        </li>
      ))}
    </ul>
  );
}
