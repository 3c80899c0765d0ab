import { describe, expect, it } from 'vitest';
import { isTooWeak, tokens } from './password-strength.ts';

/** Guessability in the manner of zxcvbn (issue 18; OWASP ASVS 5.0 V6.2.x). */
describe('how guessable a password is', () => {
  it.each(['aaaaaaaa', '        ', 'abcdefgh', 'abcabcabcabc', 'qwertyuiop', '1111111111111', 'zzzzzz12'])(
    'refuses %j: runs, sequences and repeats are guessed whole',
    (password) => {
      expect(isTooWeak(password)).toBe(true);
    },
  );

  it.each(['kopi tubruk di pagi hari', 'Jalan-Merdeka-17!', 'nasi goreng pedas', '😀🐟🌋🎒🧭🪁🥥🛶'])(
    'accepts %j',
    (password) => {
      expect(isTooWeak(password)).toBe(false);
    },
  );

  it('reads runs and sequences as single tokens', () => {
    expect(tokens('aaaa1234x')).toEqual(['aaaa', '1234', 'x']);
  });
});
