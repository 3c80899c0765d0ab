import { useEffect, useRef, useState } from 'react';

/** A live camera in a <video> while `active`; the tracks stop as soon as it is not (light goes off). */
export function useCamera(active: boolean, facingMode: 'user' | 'environment') {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<{ ready: boolean; error: unknown }>({ ready: false, error: null });

  useEffect(() => {
    if (!active) return;
    let stream: MediaStream | null = null;
    let cancelled = false;
    setState({ ready: false, error: null });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode, width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false })
      .then(async (media) => {
        stream = media;
        if (cancelled) return media.getTracks().forEach((track) => track.stop());
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = media;
        await video.play();
        if (!cancelled) setState({ ready: true, error: null });
      })
      .catch((error: unknown) => !cancelled && setState({ ready: false, error }));
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active, facingMode]);

  return { videoRef, ...state };
}

export const cameraAvailable = (): boolean => typeof navigator.mediaDevices?.getUserMedia === 'function';
