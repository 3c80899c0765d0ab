import { useEffect } from 'react';
import { useI18n } from '../i18n.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useCamera } from '../components/useCamera.ts';
import { createQrReader } from './barcode.ts';

const SCAN_INTERVAL_MS = 250;

/** Films the applicant's arrival QR code and hands over the first value it reads. */
export function QrScanner(props: { onResult(value: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const { videoRef, ready, error } = useCamera(true, 'environment');
  const { onResult } = props;

  useEffect(() => {
    const reader = createQrReader();
    const video = videoRef.current;
    if (!ready || !reader || !video) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const scan = async () => {
      const codes = await reader.detect(video).catch(() => []);
      const value = codes.find((code) => code.rawValue.trim())?.rawValue;
      if (done) return;
      if (value) {
        done = true;
        onResult(value);
      } else timer = setTimeout(scan, SCAN_INTERVAL_MS);
    };
    void scan();
    return () => {
      done = true;
      clearTimeout(timer);
    };
  }, [ready, videoRef, onResult]);

  return (
    <div className="scanner" data-testid="qr-scanner">
      <video ref={videoRef} muted playsInline aria-label={t('console.checkIn.camera')} />
      <ErrorAlert error={error} fallback="console.camera.error" />
      <p className="muted">{t('console.checkIn.scanHint')}</p>
      <button type="button" onClick={props.onCancel} data-testid="qr-cancel">
        {t('console.cancel')}
      </button>
    </div>
  );
}
