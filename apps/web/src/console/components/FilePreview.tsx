import { useI18n } from '../i18n.ts';
import type { BlobPreview } from './useBlobPreview.ts';

/** An image inline, a PDF in a frame; either can also open in its own tab. */
export function FilePreview(props: { preview: BlobPreview; title: string; onClose(): void }) {
  const { t } = useI18n();
  const { preview } = props;
  return (
    <figure className="file-preview" data-testid="file-preview">
      {preview.type.startsWith('image/') ? (
        <img src={preview.url} alt={props.title} />
      ) : (
        <iframe src={preview.url} title={props.title} />
      )}
      <figcaption>
        {props.title} ·{' '}
        <a href={preview.url} target="_blank" rel="noreferrer">
          {t('console.documents.newTab')}
        </a>{' '}
        ·{' '}
        <button type="button" className="link" onClick={props.onClose}>
          {t('console.close')}
        </button>
      </figcaption>
    </figure>
  );
}
