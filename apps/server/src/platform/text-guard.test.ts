import { describe, expect, it } from 'vitest';
import { unstorableText } from './text-guard.ts';

describe('text PostgreSQL cannot store (issue 18)', () => {
  it('when a string holds NUL or a lone surrogate, anywhere in the body, then its path is named', () => {
    expect(unstorableText({ fullName: 'A\u0000B' })).toBe('fullName');
    expect(unstorableText({ applicant: { nik: ['1', 'x\ud800'] } })).toBe('applicant.nik.1');
    expect(unstorableText({ ['ke\u0000y']: 1 })).toBe('ke\u0000y');
    expect(unstorableText('\udc00')).toBe('');
  });

  it('when text is ordinary, emoji included (a surrogate pair), then nothing is named', () => {
    expect(unstorableText({ fullName: 'Siti 😀 Aminah', n: 1, list: [null, true] })).toBeNull();
    expect(unstorableText(undefined)).toBeNull();
  });
});
