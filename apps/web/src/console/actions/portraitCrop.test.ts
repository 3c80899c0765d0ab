import { describe, expect, it } from 'vitest';
import { portraitCrop } from './PhotoCapture.tsx';

describe('the webcam frame cut to the passport portrait (35 × 45 mm, about 3:4)', () => {
  it('when the frame is landscape, then the middle is cut upright to 3:4', () => {
    expect(portraitCrop(640, 480)).toEqual({ x: 140, y: 0, width: 360, height: 480 });
    expect(portraitCrop(1920, 1080)).toEqual({ x: 555, y: 0, width: 810, height: 1080 });
  });
  it('when the frame is already tall, then the width is kept and the height trimmed', () => {
    expect(portraitCrop(600, 1000)).toEqual({ x: 0, y: 100, width: 600, height: 800 });
  });
});
