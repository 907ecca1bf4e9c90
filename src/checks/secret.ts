/**
 * Clean-up of a Declaree API key as it is read from a page or pasted by hand.
 *
 * The key's format is not documented; one known client uses 44 Base64 characters ending in "=".
 * So the check refuses only what cannot be a key, and never a value by a strict pattern.
 */

export const keyProblems = ['empty', 'inner-space', 'markup', 'too-short', 'too-long'] as const;
export type KeyProblem = (typeof keyProblems)[number];

export type CleanedKey = { ok: true; key: string } | { ok: false; problem: KeyProblem };

export const shortestKeyLength = 16;
export const longestKeyLength = 512;

// Zero-width and byte-order characters are invisible, so a copied key often carries them; the
// ordinary \s class does not cover all of them.
const invisibleCharacters = /[\u200B-\u200D\u2060\uFEFF]/g;
const edgeWhiteSpace = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const bearerPrefix = /^bearer(?:[\s\u00A0]+|$)/i;

export function cleanKey(raw: string): CleanedKey {
  let key = raw.replace(edgeWhiteSpace, '');
  key = key.replace(bearerPrefix, '').replace(edgeWhiteSpace, '');
  key = key.replace(invisibleCharacters, '');

  if (key === '') {
    return { ok: false, problem: 'empty' };
  }

  if (/[<>]/.test(key)) {
    return { ok: false, problem: 'markup' };
  }

  if (/[\s\u00A0]/.test(key)) {
    return { ok: false, problem: 'inner-space' };
  }

  if (key.length < shortestKeyLength) {
    return { ok: false, problem: 'too-short' };
  }

  if (key.length > longestKeyLength) {
    return { ok: false, problem: 'too-long' };
  }

  return { ok: true, key };
}

/** True when a text found on a page looks like it could be a key, for finding it by structure. */
export function looksLikeKey(text: string): boolean {
  const cleaned = cleanKey(text);
  if (!cleaned.ok) {
    return false;
  }

  // A sentence or a label is not a key: keys are one run of letters, digits and a few symbols,
  // random enough to mix at least two of lower case, upper case and digits.
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((kind) => kind.test(cleaned.key)).length;
  return /^[A-Za-z0-9+/=_\-.~]+$/.test(cleaned.key) && kinds >= 2 && cleaned.key.length >= 20;
}

/**
 * True for a key shown only in part, such as "••••••••Rs8=": Declaree may show a key in full only
 * once, and the assistant cannot use what is left.
 */
export function looksMasked(text: string): boolean {
  return /[•●*…·]{4,}/.test(text.trim());
}

/** The last four characters at most, for showing that a key is held without showing it. */
export function keyHint(key: string): string {
  return key.length > 12 ? key.slice(-4) : '';
}

export const tokenProblems = ['empty', 'bearer-prefix', 'edge-space', 'inner-space'] as const;
export type TokenProblem = (typeof tokenProblems)[number];

/** What is wrong with a Secret Token typed or pasted by hand; the value itself is never kept. */
export function diagnoseToken(value: string): TokenProblem[] {
  if (value.trim() === '') {
    return ['empty'];
  }

  const problems: TokenProblem[] = [];
  if (/^[\s\u00A0\u200B-\u200D\u2060\uFEFF]*bearer[\s\u00A0]/i.test(value)) {
    problems.push('bearer-prefix');
  }

  if (value !== value.replace(edgeWhiteSpace, '')) {
    problems.push('edge-space');
  }

  const inner = value.replace(edgeWhiteSpace, '').replace(bearerPrefix, '');
  if (/[\s\u00A0\u200B-\u200D\u2060\uFEFF]/.test(inner)) {
    problems.push('inner-space');
  }

  return problems;
}
