import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('reads records keyed by the header', () => {
    expect(parseCsv('code,name\n31,DKI Jakarta\n32,Jawa Barat\n')).toEqual([
      { code: '31', name: 'DKI Jakarta' },
      { code: '32', name: 'Jawa Barat' },
    ]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields, and CRLF line ends', () => {
    expect(parseCsv('a,b\r\n"Jl. Merdeka, No. 1","say ""hi""\nthere"\r\n')).toEqual([
      { a: 'Jl. Merdeka, No. 1', b: 'say "hi"\nthere' },
    ]);
  });

  it('keeps leading zeros (codes are text) and a last line without newline', () => {
    expect(parseCsv('code\n0101')).toEqual([{ code: '0101' }]);
  });

  it('refuses a row with the wrong number of fields, naming the line', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow('CSV line 3');
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow('quoted');
  });
});
