import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FilePreview } from '../components/FilePreview.tsx';
import { useBlobPreview } from '../components/useBlobPreview.ts';
import { formatBytes, formatInstant } from '../format.ts';
import { documentLabel } from '../labels.ts';

/** The required scans and what was uploaded; each opens here, fetched with the officer's token. */
export function DocumentsCard({ application }: { application: OfficerApplicationView }) {
  const { t, language } = useI18n();
  const api = useApi();
  const files = useBlobPreview(api);
  const kinds = [
    ...application.requiredDocuments,
    ...application.documents.map((d) => d.kind).filter((k) => !application.requiredDocuments.includes(k)),
  ];
  return (
    <section className="card" aria-labelledby="documents-title">
      <h3 id="documents-title">{t('console.documents.title')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('console.documents.kind')}</th>
            <th scope="col">{t('console.documents.file')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('console.documents.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => {
            const file = application.documents.find((d) => d.kind === kind);
            const label = documentLabel(application, kind, language, t);
            return (
              <tr key={kind} data-testid="document-row" data-kind={kind}>
                <td>{label}</td>
                <td>
                  {file
                    ? `${file.contentType} · ${formatBytes(file.size, language)} · ${formatInstant(file.uploadedAt, language, application.appointment?.timeZone)}`
                    : t('console.documents.missing')}
                </td>
                <td>
                  {file ? (
                    <button
                      type="button"
                      disabled={files.loading === kind}
                      aria-label={`${t('console.documents.open')}: ${label}`}
                      onClick={() =>
                        void files.open(
                          kind,
                          `/applications/${application.id}/documents/${encodeURIComponent(kind)}`,
                        )
                      }
                      data-testid={`document-open-${kind}`}
                    >
                      {t('console.documents.open')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorAlert error={files.error} />
      {files.preview ? (
        <FilePreview
          preview={files.preview}
          title={documentLabel(application, files.preview.name, language, t)}
          onClose={files.close}
        />
      ) : null}
    </section>
  );
}
