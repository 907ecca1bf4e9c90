import { describe, expect, it } from 'vitest';
import { cleanKey, diagnoseToken, keyHint, looksLikeKey, looksMasked } from './secret.ts';

const key = 'q3Vb0+Lk2/9sZx7TnR4wYp1cA8dE6fGhJ5mN0oPqRs8=';

describe('cleanKey', () => {
  it('keeps a clean key as it is', () => {
    expect(cleanKey(key)).toEqual({ ok: true, key });
  });

  it.each([
    ['spaces and a newline', `  ${key}\n`],
    ['tabs', `\t${key}\t`],
    ['no-break spaces', `\u00A0${key}\u00A0`],
    ['zero-width spaces', `\u200B${key}\u200B`],
    ['a byte-order mark', `\uFEFF${key}`],
    ['a word joiner inside', `${key.slice(0, 10)}\u2060${key.slice(10)}`],
    ['a Bearer prefix', `Bearer ${key}`],
    ['a lower-case bearer prefix with a no-break space', `bearer\u00A0${key}`],
    ['a Bearer prefix after white space', ` \u200BBearer  ${key} `],
  ])('removes %s', (_kind, raw) => {
    expect(cleanKey(raw)).toEqual({ ok: true, key });
  });

  it.each([
    ['empty', '', 'empty'],
    ['only white space', ' \u00A0\u200B\n', 'empty'],
    ['only Bearer', 'Bearer ', 'empty'],
    ['a space inside', `${key.slice(0, 20)} ${key.slice(20)}`, 'inner-space'],
    ['a no-break space inside', `${key.slice(0, 20)}\u00A0${key.slice(20)}`, 'inner-space'],
    ['markup', '<span>q3Vb0LkZx7TnR4wYp1cA8d</span>', 'markup'],
    ['far too short', 'abc123', 'too-short'],
    ['absurdly long', 'a1'.repeat(400), 'too-long'],
  ] as const)('refuses %s', (_kind, raw, problem) => {
    expect(cleanKey(raw)).toEqual({ ok: false, problem });
  });
});

describe('looksLikeKey', () => {
  it('takes a Base64 key with +, / and =', () => {
    expect(looksLikeKey(key)).toBe(true);
  });

  it.each([
    'Generate Key',
    'Declaree API',
    'Press the button to generate a key for your integrations.',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    '2026-12-04T17:34:05',
    'https://app.declaree.com/SCIM/v2/',
  ])('does not take %j for a key', (text) => {
    expect(looksLikeKey(text)).toBe(false);
  });
});

describe('keyHint', () => {
  it('shows at most the last four characters', () => {
    expect(keyHint(key)).toBe('Rs8=');
  });

  it('shows nothing of a short value', () => {
    expect(keyHint('abcdefgh1234')).toBe('');
  });
});

describe('looksMasked', () => {
  it.each(['••••••••••••Rs8=', '************Rs8=', '●●●●●●●●', '  ****abcd  '])(
    'takes %j for a key shown in part',
    (text) => {
      expect(looksMasked(text)).toBe(true);
    },
  );

  it.each([key, 'Generate Key', '***', 'a*b*c*d'])('does not take %j for a masked key', (text) => {
    expect(looksMasked(text)).toBe(false);
  });
});

describe('diagnoseToken', () => {
  it('finds nothing wrong with a clean key', () => {
    expect(diagnoseToken(key)).toEqual([]);
  });

  it.each([
    ['', ['empty']],
    ['   ', ['empty']],
    [`Bearer ${key}`, ['bearer-prefix']],
    [` ${key}\n`, ['edge-space']],
    [`\u200B${key}`, ['edge-space']],
    [`${key.slice(0, 10)} ${key.slice(10)}`, ['inner-space']],
    [` Bearer ${key}`, ['bearer-prefix', 'edge-space']],
  ] as const)('diagnoses %j', (value, problems) => {
    expect(diagnoseToken(value)).toEqual(problems);
  });
});
