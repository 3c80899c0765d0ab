/**
 * How guessable a password is, in the manner of zxcvbn (issue 18: `aaaaaaaa` and eight spaces were
 * accepted): runs of one character, keyboard and alphabet sequences, and repeated chunks count as
 * one guess each; what is left is scored by the alphabets it draws on. A common-password list is
 * checked separately (credentials.ts).
 */
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** About a billion guesses: out of reach of online guessing behind the login limits. */
export const MIN_STRENGTH_BITS = 30;

/** The password as the tokens a guesser would try whole (runs, sequences, repeated chunks). */
export function tokens(password: string): string[] {
  const chars = [...password.toLowerCase()];
  const out: string[] = [];
  let at = 0;
  while (at < chars.length) {
    let end = at + 1;
    // A run of one character, or a step through a known sequence (either way), is one guess.
    while (end < chars.length && chars[end] === chars[at]) end++;
    if (end - at < 3) {
      end = at + 1;
      while (end < chars.length && adjacent(chars[end - 1]!, chars[end]!)) end++;
      if (end - at < 3) end = at + 1;
    }
    out.push(chars.slice(at, end).join(''));
    at = end;
  }
  // A chunk repeated right after itself ("abcabc", "1212") is guessed once.
  return out.filter((token, index) => index === 0 || token !== out[index - 1]);
}

function adjacent(a: string, b: string): boolean {
  return SEQUENCES.some((sequence) => {
    const i = sequence.indexOf(a);
    return i >= 0 && (sequence[i + 1] === b || sequence[i - 1] === b);
  });
}

/** log2 of the guesses for the password under this model. */
export function strengthBits(password: string): number {
  const parts = tokens(password);
  const text = parts.join('');
  let alphabet = 0;
  if (/[a-z]/.test(text)) alphabet += 26;
  if (/[0-9]/.test(text)) alphabet += 10;
  if (/[A-Z]/.test(password)) alphabet += 26;
  if (/[^a-z0-9]/i.test(text)) alphabet += 33;
  if (/[^ -~]/.test(text)) alphabet += 100;
  const distinct = new Set(text).size;
  return parts.length * Math.log2(Math.max(2, Math.min(alphabet, distinct * 4)));
}

export function isTooWeak(password: string): boolean {
  return password.trim().length === 0 || strengthBits(password) < MIN_STRENGTH_BITS;
}
