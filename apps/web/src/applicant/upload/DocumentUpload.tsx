import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { uploadDocument } from '../api/upload.ts';
import { useT } from '../app/useT.ts';
import { fitForUpload } from './fit.ts';

type State =
  | { name: 'idle' }
  | { name: 'uploading'; progress: number }
  | { name: 'done' }
  | { name: 'failed' }
  | { name: 'refused'; reason: string };

/** One required document: camera or file, a preview, a progress bar, retry, and the refusal reason. */
export function DocumentUpload(props: {
  applicationId: string;
  kind: string;
  label: string;
  hint: string;
  uploaded: boolean;
  onUploaded(): void;
}) {
  const { t, language } = useT();
  const [state, setState] = useState<State>(props.uploaded ? { name: 'done' } : { name: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!file || !file.type.startsWith('image/')) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const send = async (chosen: File) => {
    setState({ name: 'uploading', progress: 0 });
    try {
      // A large camera photo is made to fit on the phone (fit.ts), legibly; a PDF goes as it is.
      const fitted = await fitForUpload(chosen).catch(() => chosen);
      await uploadDocument(props.applicationId, props.kind, fitted, language, (progress) =>
        setState({ name: 'uploading', progress }),
      );
      setState({ name: 'done' });
      props.onUploaded();
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0)
        setState({ name: 'refused', reason: error.message });
      else setState({ name: 'failed' });
    }
  };
  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    void send(chosen);
  };
  const test = (part: string) => `upload-${props.kind}-${part}`;

  return (
    <li className="card upload" data-testid={test('card')} data-state={state.name}>
      <h2>{props.label}</h2>
      <p className="hint">{props.hint}</p>
      <p className="hint" data-testid={test('limit')}>
        {t('upload.limit')}
      </p>
      <p className={`upload-state upload-state--${state.name}`}>
        {state.name === 'done' ? `✓ ${t('upload.done')}` : state.name === 'idle' ? t('upload.todo') : null}
      </p>
      {preview && <img className="upload-preview" src={preview} alt={t('upload.preview')} />}
      {file && !preview && (
        <p className="upload-pdf">
          {t('upload.pdf')}: {file.name}
        </p>
      )}
      {state.name === 'uploading' && (
        <progress max={1} value={state.progress} aria-label={t('upload.progress')} />
      )}
      {state.name === 'failed' && file && (
        <div role="alert">
          <p className="field-error">{t('upload.failed')}</p>
          <button type="button" className="secondary" onClick={() => void send(file)}>
            {t('upload.retry')}
          </button>
        </div>
      )}
      {state.name === 'refused' && (
        <p className="field-error" role="alert" data-testid={test('refused')}>
          {t('upload.refused')} {state.reason}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => cameraRef.current?.click()}>
          {t('upload.camera')}
        </button>
        <button type="button" className="secondary" onClick={() => fileRef.current?.click()}>
          {t('upload.file')}
        </button>
      </div>
      <input
        ref={cameraRef}
        hidden
        type="file"
        accept="image/*"
        capture="environment"
        aria-label={`${t('upload.camera')}: ${props.label}`}
        onChange={(e) => choose(e.target.files?.[0])}
      />
      <input
        ref={fileRef}
        hidden
        type="file"
        accept="image/jpeg,image/png,application/pdf"
        aria-label={`${t('upload.file')}: ${props.label}`}
        data-testid={test('file')}
        onChange={(e) => choose(e.target.files?.[0])}
      />
    </li>
  );
}
