import { describe, expect, it } from 'vitest';
import { photoFault } from './photo-rules.ts';

/** The biometric photo is a 35 × 45 mm portrait (ICAO Doc 9303 Part 3; ISO/IEC 19794-5). */
describe('the biometric photo', () => {
  it('when the image is a 3:4 or 35:45 portrait of a face-sized resolution, then it is accepted', () => {
    expect(photoFault({ width: 480, height: 640 })).toBeNull();
    expect(photoFault({ width: 413, height: 531 })).toBeNull(); // 35 × 45 mm at 300 dpi
    expect(photoFault({ width: 1200, height: 1600 })).toBeNull();
  });

  it('when it is an A4 or F4 page, a landscape card or a webcam frame, then it is not a portrait', () => {
    expect(photoFault({ width: 2480, height: 3508 })).toBe('NOT_PORTRAIT'); // A4 at 300 dpi
    expect(photoFault({ width: 2539, height: 3898 })).toBe('NOT_PORTRAIT'); // F4
    expect(photoFault({ width: 1011, height: 638 })).toBe('NOT_PORTRAIT'); // KTP scan
    expect(photoFault({ width: 640, height: 480 })).toBe('NOT_PORTRAIT');
  });

  it('when it is a thumbnail, a poster or has no size at all, then it is refused', () => {
    expect(photoFault({ width: 150, height: 200 })).toBe('TOO_SMALL');
    expect(photoFault({ width: 4500, height: 6000 })).toBe('TOO_LARGE');
    expect(photoFault(undefined)).toBe('NOT_AN_IMAGE');
    expect(photoFault({ width: 0, height: 0 })).toBe('NOT_AN_IMAGE');
  });
});
