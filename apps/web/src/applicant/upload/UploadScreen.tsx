import { navigate } from '../app/navigation.ts';
import { useT } from '../app/useT.ts';
import { useApplication } from '../applications/useApplication.ts';
import { ErrorText, Screen } from '../components/Form.tsx';
import { DocumentUpload } from './DocumentUpload.tsx';

export function UploadScreen({ id }: { id: string }) {
  const { t } = useT();
  const application = useApplication(id);
  const app = application.data;
  const complete = app ? app.requirements.every((r) => app.documents.some((d) => d.kind === r.kind)) : false;
  return (
    <Screen title={t('upload.title')} intro={t('upload.intro')}>
      <ErrorText error={application.error} />
      {app && (
        <ul className="uploads">
          {app.requirements.map((requirement) => (
            <DocumentUpload
              key={requirement.kind}
              applicationId={id}
              kind={requirement.kind}
              label={requirement.label}
              hint={requirement.hint}
              uploaded={requirement.uploaded}
              onUploaded={application.reload}
            />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="primary"
        disabled={!complete}
        data-testid="upload-next"
        onClick={() => navigate({ name: 'office', id })}
      >
        {t('upload.next')}
      </button>
    </Screen>
  );
}
