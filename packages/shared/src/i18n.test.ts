import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './i18n.ts';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr, de', 'id'],
    ['en;q=0.4, id;q=0.8', 'id'],
    ['id;q=0, en;q=0.1', 'en'],
    ['EN-gb', 'en'],
    ['en;q=abc', 'id'],
  ])('picks %j -> %s (Bahasa Indonesia unless English is preferred)', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});
