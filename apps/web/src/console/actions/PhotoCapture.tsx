import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { cameraAvailable, useCamera } from '../components/useCamera.ts';
import { isApplication, useAction, type ActionProps } from './useAction.ts';

const JPEG_QUALITY = 0.92;

/** The passport photo: a frame from the desk's webcam or a file from the photo booth, then uploaded. */
export function PhotoCapture(props: ActionProps) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [cameraOn, setCameraOn] = useState(false);
  const camera = useCamera(cameraOn, 'user');
  const [photo, setPhoto] = useState<{ blob: Blob; url: string } | null>(null);

  useEffect(
    () => () => {
      if (photo) URL.revokeObjectURL(photo.url);
    },
    [photo],
  );

  const keep = (blob: Blob) => setPhoto({ blob, url: URL.createObjectURL(blob) });

  function capture() {
    const video = camera.videoRef.current;
    if (!video || !video.videoWidth) return;
    // The passport portrait is 35 × 45 mm: the middle of the frame, cut upright to 3:4 (the server
    // refuses a landscape frame or a document scan as the biometric photo).
    const crop = portraitCrop(video.videoWidth, video.videoHeight);
    const canvas = document.createElement('canvas');
    canvas.width = crop.width;
    canvas.height = crop.height;
    canvas
      .getContext('2d')
      ?.drawImage(video, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
    canvas.toBlob(
      (blob) => {
        if (blob) keep(blob);
        setCameraOn(false);
      },
      'image/jpeg',
      JPEG_QUALITY,
    );
  }

  const upload = (blob: Blob) =>
    action.run(async () => {
      const answer = await api.upload<unknown>(`/applications/${props.application.id}/photo`, blob);
      setPhoto(null);
      if (isApplication(answer)) props.onChange(answer);
      else props.reload();
    });

  return (
    <div className="photo-capture">
      {cameraOn ? (
        <div className="camera">
          <video ref={camera.videoRef} muted playsInline aria-label={t('console.photo.camera')} />
          <ErrorAlert error={camera.error} fallback="console.camera.error" />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={!camera.ready}
              onClick={capture}
              data-testid="photo-capture"
            >
              {t('console.photo.capture')}
            </button>
            <button type="button" onClick={() => setCameraOn(false)}>
              {t('console.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          {cameraAvailable() ? (
            <button type="button" onClick={() => setCameraOn(true)} data-testid="photo-camera-start">
              {t('console.photo.startCamera')}
            </button>
          ) : null}
          <label className="file-button">
            {t('console.photo.chooseFile')}
            <input
              type="file"
              accept="image/jpeg,image/png"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) keep(file);
                e.target.value = '';
              }}
              data-testid="photo-file"
            />
          </label>
        </div>
      )}
      {photo ? (
        <figure className="photo-preview">
          <img src={photo.url} alt={t('console.photo.preview')} data-testid="photo-preview" />
          <figcaption className="actions">
            <button
              type="button"
              className="primary"
              disabled={action.busy}
              onClick={() => void upload(photo.blob)}
              data-testid="photo-upload"
            >
              {t('console.photo.upload')}
            </button>
            <button type="button" onClick={() => setPhoto(null)}>
              {t('console.photo.discard')}
            </button>
          </figcaption>
        </figure>
      ) : null}
      <ErrorAlert error={action.error} testId="photo-error" />
    </div>
  );
}

/** The largest upright 3:4 rectangle in the middle of a camera frame. */
export function portraitCrop(width: number, height: number) {
  const cropWidth = Math.min(width, Math.floor((height * 3) / 4));
  const cropHeight = Math.min(height, Math.floor((cropWidth * 4) / 3));
  return {
    x: Math.floor((width - cropWidth) / 2),
    y: Math.floor((height - cropHeight) / 2),
    width: cropWidth,
    height: cropHeight,
  };
}
