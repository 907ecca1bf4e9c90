/**
 * Every translated locale carries every English message, with the same placeholders, and no
 * untranslated or broken text: a missing message falls back to English silently, a lost
 * placeholder drops a name or a count from the sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';

interface Entry {
  message?: unknown;
  description?: unknown;
  placeholders?: unknown;
}

type Messages = Record<string, Entry>;

const localesDirectory = path.resolve(import.meta.dirname, '../public/_locales');

function readMessages(locale: string): Messages {
  return JSON.parse(
    readFileSync(path.join(localesDirectory, locale, 'messages.json'), 'utf8'),
  ) as Messages;
}

const english = readMessages('en');
const locales = readdirSync(localesDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'en')
  .map((entry) => entry.name)
  .sort();

/**
 * Messages that are the same in every language because they are a proper name or code, not
 * words: the section named after the product.
 */
const sameAsEnglish = new Set(['section_declaree', 'extension_short_name']);

function text(entry: Entry | undefined): string {
  return typeof entry?.message === 'string' ? entry.message : '';
}

/** The placeholder names a message uses, lower-cased: Chrome matches them case-insensitively. */
function placeholdersUsed(message: string): Set<string> {
  return new Set(
    [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()),
  );
}

describe('locales', () => {
  it('include translations besides English', () => {
    expect(locales.length).toBeGreaterThan(0);
  });

  it('allow English text only for messages that exist in English', () => {
    expect([...sameAsEnglish].filter((key) => !(key in english))).toEqual([]);
  });
});

describe.each(locales)('locale %s', (locale) => {
  const translated = readMessages(locale);

  it('has every English message, with a non-empty text', () => {
    const missing = Object.keys(english).filter((key) => text(translated[key]).trim() === '');
    expect(missing, `missing or empty in ${locale}`).toEqual([]);
  });

  it('has no message English does not have', () => {
    const extra = Object.keys(translated).filter((key) => !(key in english));
    expect(extra, `not in English, in ${locale}`).toEqual([]);
  });

  it('declares the same placeholders as English', () => {
    const different = Object.keys(english).filter((key) => {
      if (!(key in translated)) {
        return false;
      }

      return !isDeepStrictEqual(translated[key]?.placeholders, english[key]?.placeholders);
    });
    expect(different, `placeholders differ from English in ${locale}`).toEqual([]);
  });

  it('uses every placeholder the English message uses, and no other', () => {
    const wrong = Object.keys(english).filter((key) => {
      if (!(key in translated)) {
        return false;
      }

      const wanted = placeholdersUsed(text(english[key]));
      const used = placeholdersUsed(text(translated[key]));
      return wanted.size !== used.size || [...wanted].some((name) => !used.has(name));
    });
    expect(wrong, `placeholders used differently from English in ${locale}`).toEqual([]);
  });

  it('translates every message that is not a proper name or code', () => {
    const untranslated = Object.keys(english).filter(
      (key) =>
        !sameAsEnglish.has(key) &&
        key in translated &&
        text(translated[key]) === text(english[key]),
    );
    expect(untranslated, `same as English in ${locale}`).toEqual([]);
  });

  it('has no markup characters', () => {
    const markup = Object.keys(translated).filter((key) => /[<>]/.test(text(translated[key])));
    expect(markup, `< or > in ${locale}`).toEqual([]);
  });
});
