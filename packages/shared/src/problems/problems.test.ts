import { describe, expect, it } from 'vitest';
import { problemCatalog, problemCodes, problemTypeUri } from './index.ts';

describe('the problem catalog', () => {
  it('gives every code an HTTP error status and a title in both languages', () => {
    for (const code of problemCodes) {
      const { status, title } = problemCatalog[code];
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(title.id.length, code).toBeGreaterThan(0);
      expect(title.en.length, code).toBeGreaterThan(0);
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
    }
  });

  it('keeps the API.md statuses of the codes it names', () => {
    expect(problemCatalog.VALIDATION.status).toBe(422);
    expect(problemCatalog.BAD_REQUEST.status).toBe(400);
    expect(problemCatalog.NOT_FOUND.status).toBe(404);
    expect(problemCatalog.NIK_INVALID.status).toBe(422);
    expect(problemCatalog.RATE_LIMITED.status).toBe(429);
    expect(problemTypeUri('NOT_FOUND')).toBe('/api/v1/problems/NOT_FOUND');
  });
});
