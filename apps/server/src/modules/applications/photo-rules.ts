/**
 * The biometric photo must be a face-sized portrait, not a scan of a document (issue 17). The passport
 * photo is 35 × 45 mm, width to height 0.78 (ICAO Doc 9303 Part 3 §3.9 and ISO/IEC 19794-5 portrait
 * proportions; Permenkumham 8/2014 Art. 21 on the photo taken at the office). A4 (0.707) and F4 (0.65)
 * pages and landscape ID cards fall outside the band; a document scan is also far larger in pixels.
 */
export const photoRule = {
  minAspect: 0.72,
  maxAspect: 0.85,
  minShortSide: 300,
  maxLongSide: 4000,
  source: 'ICAO Doc 9303 Part 3; ISO/IEC 19794-5 (35 × 45 mm portrait)',
} as const;

export type PhotoFault = 'NOT_AN_IMAGE' | 'NOT_PORTRAIT' | 'TOO_SMALL' | 'TOO_LARGE';

/** Why a photo of these pixels cannot be the biometric portrait, or null when it can. */
export function photoFault(dimensions: { width: number; height: number } | undefined): PhotoFault | null {
  if (!dimensions || dimensions.width <= 0 || dimensions.height <= 0) return 'NOT_AN_IMAGE';
  const { width, height } = dimensions;
  const aspect = width / height;
  if (aspect < photoRule.minAspect || aspect > photoRule.maxAspect) return 'NOT_PORTRAIT';
  if (Math.min(width, height) < photoRule.minShortSide) return 'TOO_SMALL';
  if (Math.max(width, height) > photoRule.maxLongSide) return 'TOO_LARGE';
  return null;
}
