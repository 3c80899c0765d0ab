/**
 * The arrival pass as one PNG (issue 17): QR, short code, name, office, date and time, drawn on a
 * canvas so it can be saved to the gallery or shared, and still shown when the phone is offline.
 */
export interface PassLines {
  readonly title: string;
  readonly shortCode: string;
  readonly lines: readonly string[];
}

const WIDTH = 720;
const QR_SIZE = 560;

export async function passImage(qrSvg: string, text: PassLines): Promise<Blob> {
  const qr = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`);
  const lineHeight = 36;
  const height = 80 + QR_SIZE + 90 + text.lines.length * lineHeight + 40;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, WIDTH, height);
  context.fillStyle = '#0b3a8f';
  context.font = 'bold 32px sans-serif';
  context.textAlign = 'center';
  context.fillText(text.title, WIDTH / 2, 52);
  context.imageSmoothingEnabled = false;
  context.drawImage(qr, (WIDTH - QR_SIZE) / 2, 80, QR_SIZE, QR_SIZE);
  context.fillStyle = '#111111';
  context.font = 'bold 56px monospace';
  context.fillText(text.shortCode, WIDTH / 2, 80 + QR_SIZE + 66);
  context.font = '26px sans-serif';
  text.lines.forEach((line, index) => {
    context.fillText(line, WIDTH / 2, 80 + QR_SIZE + 90 + (index + 1) * lineHeight, WIDTH - 40);
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}

function loadImage(source: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the QR image did not load'));
    image.src = source;
  });
}
