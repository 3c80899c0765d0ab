import { describe, expect, it } from 'vitest';
import { problemFrom } from './api.ts';

describe('reading a problem answer', () => {
  it('when the server answers problem+json, then its code, detail and field errors are kept', () => {
    const error = problemFrom(
      401,
      {
        code: 'TOTP_REQUIRED',
        detail: 'Masukkan kode autentikator.',
        errors: [{ path: 'totp', message: 'x' }],
      },
      'offline',
    );
    expect(error).toMatchObject({
      status: 401,
      code: 'TOTP_REQUIRED',
      detail: 'Masukkan kode autentikator.',
    });
    expect(error.fieldErrors).toEqual([{ path: 'totp', message: 'x' }]);
  });

  it('when a proxy answers without a problem body, then the fallback message is shown', () => {
    expect(problemFrom(502, null, 'Server tidak dapat dihubungi.')).toMatchObject({
      code: 'HTTP_502',
      detail: 'Server tidak dapat dihubungi.',
    });
  });
});
