import { useEffect, useState } from 'react';
import { cameraAvailable } from '../components/useCamera.ts';

/** The Shape Detection API's barcode reader (Chromium on Android, macOS, ChromeOS); not in TS's DOM types. */
interface DetectedBarcode {
  rawValue: string;
}
export interface BarcodeReader {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeReader;
  getSupportedFormats(): Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | null {
  const candidate = (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
  return typeof candidate === 'function' ? (candidate as BarcodeDetectorClass) : null;
}

export function createQrReader(): BarcodeReader | null {
  const Detector = detectorClass();
  return Detector ? new Detector({ formats: ['qr_code'] }) : null;
}

/** True only when this browser can both film and read QR codes; the scan button hides otherwise. */
export function useQrSupport(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector || !cameraAvailable()) return;
    let current = true;
    Detector.getSupportedFormats().then(
      (formats) => current && setSupported(formats.includes('qr_code')),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return supported;
}
