import { describe, expect, it } from 'vitest';
import {
  type Collision,
  collisionsAgainst,
  findCollisions,
  type GroupEntry,
  groupNameKey,
  mixesScripts,
  skeleton,
} from './group-names.ts';

/** Entries without ids, as a page shows them when no object id can be read. */
function entries(...names: string[]): GroupEntry[] {
  return names.map((name) => ({ name }));
}

/** Kind and names only, which is what most tests are about. */
function summary(collisions: readonly Collision[]) {
  return collisions.map(({ kind, names }) => ({ kind, names }));
}

/**
 * The documented recipe written the slow, obvious way: NFKC, invisible characters out, lower,
 * upper and lower case again, dotted i and final sigma folded, white space collapsed, NFKC.
 */
function keyByRecipe(name: string): string {
  const visible = name.normalize('NFKC').replace(/\p{Default_Ignorable_Code_Point}/gu, '');
  const folded = visible
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
    .replaceAll('i\u0307', 'i')
    .replaceAll('ς', 'σ');
  return folded
    .replace(/[\s\u0085]+/g, ' ')
    .trim()
    .normalize('NFKC');
}

describe('groupNameKey', () => {
  it('folds case', () => {
    expect(groupNameKey('Finance')).toBe('finance');
    expect(groupNameKey('FINANCE')).toBe('finance');
    expect(groupNameKey('fInAnCe')).toBe('finance');
  });

  it('folds sharp s to ss, which lower-casing alone does not', () => {
    expect(groupNameKey('Straße')).toBe('strasse');
    expect(groupNameKey('STRASSE')).toBe('strasse');
    expect(groupNameKey('strasse')).toBe('strasse');
    expect(groupNameKey('STRAẞE')).toBe('strasse');
  });

  it('turns the fi ligature and full-width letters into plain letters', () => {
    expect(groupNameKey('ﬁnance')).toBe('finance');
    expect(groupNameKey('Ｆｉｎａｎｃｅ')).toBe('finance');
  });

  it('takes a composed and a decomposed accent as the same, but not as no accent', () => {
    const composed = 'Caf\u00e9';
    const decomposed = 'Cafe\u0301';
    expect(composed).not.toBe(decomposed);
    expect(groupNameKey(decomposed)).toBe(groupNameKey(composed));
    expect(groupNameKey(composed)).toBe('caf\u00e9');
    expect(groupNameKey('Cafe')).not.toBe(groupNameKey(composed));
  });

  it('folds the dotted capital I and the dotless i to plain i, in every locale', () => {
    expect(groupNameKey('İstanbul')).toBe('istanbul');
    expect(groupNameKey('ıstanbul')).toBe('istanbul');
    expect(groupNameKey('ISTANBUL')).toBe('istanbul');
    expect(groupNameKey('I\u0307stanbul')).toBe('istanbul');

    // A small i with a combining dot above is what "İ" lower-cases to.
    expect(groupNameKey('i\u0307stanbul')).toBe('istanbul');
  });

  it('folds the Greek final sigma to sigma', () => {
    expect(groupNameKey('ΟΔΟΣ')).toBe('οδοσ');
    expect(groupNameKey('οδος')).toBe('οδοσ');
    expect(groupNameKey('Οδοσ')).toBe('οδοσ');
  });

  it.each([
    ['leading, trailing and repeated spaces', '  Finance   Team  '],
    ['a tab', 'Finance\tTeam'],
    ['a line break', 'Finance\r\nTeam'],
    ['a no-break space', 'Finance\u00a0Team'],
    ['a narrow no-break space', 'Finance\u202fTeam'],
    ['an em space', 'Finance\u2003Team'],
    ['an ideographic space', 'Finance\u3000Team'],
    ['a next-line character', 'Finance\u0085Team'],
    ['no-break spaces around the name', '\u00a0Finance Team\u202f'],
    ['a zero-width space beside a space', 'Finance \u200b Team'],
  ])('collapses %s into one space', (_label, name) => {
    expect(groupNameKey(name)).toBe('finance team');
  });

  it.each([
    ['zero-width space', 'Fi\u200bnance'],
    ['zero-width non-joiner', 'Fi\u200cnance'],
    ['zero-width joiner', 'Fi\u200dnance'],
    ['word joiner', 'Fi\u2060nance'],
    ['byte-order mark', '\ufeffFinance'],
    ['soft hyphen', 'Fi\u00adnance'],
  ])('removes a %s', (_label, name) => {
    expect(groupNameKey(name)).toBe('finance');
  });

  it('joins a letter and its accent once an invisible character between them is gone', () => {
    expect(groupNameKey('Cafe\u200b\u0301')).toBe('caf\u00e9');
  });

  it('gives an empty key to names with nothing visible in them', () => {
    expect(groupNameKey('')).toBe('');
    expect(groupNameKey('   ')).toBe('');
    expect(groupNameKey('\u00a0\t\u200b\ufeff')).toBe('');
  });

  it('keeps markup as plain characters', () => {
    expect(groupNameKey('<b>Finance</b>')).toBe('<b>finance</b>');
    expect(groupNameKey('<B>FINANCE</B>')).toBe('<b>finance</b>');
  });

  it('handles a name of 10,000 characters', () => {
    const longName = `${'Ab'.repeat(5_000)}`;
    expect(groupNameKey(longName)).toBe('ab'.repeat(5_000));
    expect(groupNameKey(` ${'É'.repeat(9_998)}\u00a0`)).toBe('é'.repeat(9_998));
  });

  it('holds no capital letter of the kind a plain Latin name may hold, in any key', () => {
    // The index compares keys with names such as "Zürich" without regard to the case of those
    // letters, which is only right if no key holds one of them in upper case.
    const capitals: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) {
        continue;
      }

      const character = String.fromCharCode(code);
      for (const name of [character, `A${character}\u0301b`, `x ${character} Σ`]) {
        const key = groupNameKey(name);
        for (const keyCharacter of key) {
          const isLatin = keyCharacter.charCodeAt(0) < 0x180;
          if (isLatin && keyCharacter.toLowerCase() !== keyCharacter) {
            capitals.push(`U+${code.toString(16).padStart(4, '0')} in ${JSON.stringify(name)}`);
          }
        }
      }
    }
    expect(capitals).toEqual([]);
  });

  it('gives every character of the Basic Multilingual Plane the key of the plain recipe', () => {
    // The fast paths (tidy ASCII, plain Latin, lower-casing without the round trip) must agree
    // with the full recipe; each character is tried alone and between other letters.
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) {
        continue;
      }

      const character = String.fromCharCode(code);
      for (const name of [character, `A${character}\u0301b`, `x ${character} Σ`]) {
        if (groupNameKey(name) !== keyByRecipe(name)) {
          disagreements.push(`U+${code.toString(16).padStart(4, '0')} in ${JSON.stringify(name)}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('skeleton', () => {
  it('maps a Cyrillic letter inside a Latin name to its Latin look-alike', () => {
    const withCyrillicA = 'Fin\u0430nce';
    expect(groupNameKey(withCyrillicA)).not.toBe('finance');
    expect(skeleton(withCyrillicA)).toBe('finance');
  });

  it('maps the Cyrillic letters that look Latin', () => {
    expect(skeleton('аеорсухіјѕԁԛԝ')).toBe('aeopcyxijsdqw');
    expect(skeleton('АВЕКМНОРСТХЅІЈ')).toBe('abekmhopctxsij');
  });

  it('maps the Greek letters that look Latin', () => {
    expect(skeleton('ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ')).toBe('abezhikmnoptyx');
    expect(skeleton('ον')).toBe('ov');
  });

  it('maps by the written case: a capital and a small letter can look like different ones', () => {
    expect(skeleton('Ν')).toBe('n');
    expect(skeleton('ν')).toBe('v');
    expect(skeleton('т')).toBe('т');
    expect(skeleton('Т')).toBe('t');
  });

  it('matches an accented Cyrillic look-alike with the accented Latin letter', () => {
    expect(skeleton('Caf\u0435\u0301')).toBe(skeleton('Caf\u00e9'));
    expect(skeleton('Caf\u0435\u0301')).toBe('caf\u00e9');

    // "ё" and "ї" are single letters that only match "ë" and "ï" once decomposed.
    expect(skeleton('No\u0451l')).toBe('no\u00ebl');
    expect(skeleton('Ha\u0457ti')).toBe(groupNameKey('Ha\u00efti'));
  });

  it('is the key for a name without Greek or Cyrillic letters', () => {
    expect(skeleton(' Straße\u00a0Nord ')).toBe(groupNameKey(' Straße\u00a0Nord '));
  });
});

describe('mixesScripts', () => {
  it('is true for Latin with a Cyrillic or Greek letter in it', () => {
    expect(mixesScripts('Fin\u0430nce')).toBe(true);
    expect(mixesScripts('\u039fps')).toBe(true);
    expect(mixesScripts('Отдел продаж Berlin')).toBe(true);
  });

  it('is false for a name in one script', () => {
    expect(mixesScripts('Finance')).toBe(false);
    expect(mixesScripts('Финансы')).toBe(false);
    expect(mixesScripts('Λογιστήριο')).toBe(false);
    expect(mixesScripts('Comptabilité 42')).toBe(false);
  });
});

describe('findCollisions', () => {
  it('lists every name of a three-way collision, as written and in input order', () => {
    expect(summary(findCollisions(entries('Finance', ' finance ', 'FINANCE')))).toEqual([
      { kind: 'same-name', names: ['Finance', ' finance ', 'FINANCE'] },
    ]);
  });

  it.each([
    ['sharp s', ['Straße', 'STRASSE', 'strasse']],
    ['a ligature', ['ﬁnance', 'finance']],
    ['full-width letters', ['Ｆｉｎａｎｃｅ', 'Finance']],
    ['composed and decomposed accents', ['Caf\u00e9', 'Cafe\u0301']],
    ['dotted and dotless i', ['İstanbul', 'istanbul', 'ıstanbul']],
    ['the final sigma', ['ΟΔΟΣ', 'οδος']],
    ['extra spaces', ['Finance Team', '  Finance   Team ']],
    ['a tab', ['Finance Team', 'Finance\tTeam']],
    ['a no-break space', ['Finance Team', 'Finance\u00a0Team']],
    ['a narrow no-break space', ['Finance Team', 'Finance\u202fTeam']],
    ['a zero-width space', ['Finance', 'Fi\u200bnance']],
  ])('reports names that differ only by %s as the same name', (_label, names) => {
    expect(summary(findCollisions(entries(...names)))).toEqual([{ kind: 'same-name', names }]);
  });

  it('reports a Cyrillic look-alike as looking alike, not as the same name', () => {
    const withCyrillicA = 'Fin\u0430nce';
    expect(summary(findCollisions(entries('Finance', withCyrillicA)))).toEqual([
      { kind: 'looks-like', names: ['Finance', withCyrillicA] },
    ]);
  });

  it('reports a Greek look-alike as looking alike', () => {
    const withGreekO = '\u039fps';
    expect(summary(findCollisions(entries(withGreekO, 'OPS')))).toEqual([
      { kind: 'looks-like', names: [withGreekO, 'OPS'] },
    ]);
  });

  it('reports both kinds when a look-alike joins names that are the same', () => {
    const withCyrillicA = 'Fin\u0430nce';
    expect(summary(findCollisions(entries('Finance', withCyrillicA, 'finance')))).toEqual([
      { kind: 'same-name', names: ['Finance', 'finance'] },
      { kind: 'looks-like', names: ['Finance', withCyrillicA, 'finance'] },
    ]);
  });

  it('reports names that share a key only as the same name, though one mixes scripts', () => {
    expect(summary(findCollisions(entries('Fin\u0430nce', 'FIN\u0410NCE')))).toEqual([
      { kind: 'same-name', names: ['Fin\u0430nce', 'FIN\u0410NCE'] },
    ]);
  });

  it('matches an accented Cyrillic letter with the accented Latin one', () => {
    expect(summary(findCollisions(entries('Noël', 'No\u0451l')))).toEqual([
      { kind: 'looks-like', names: ['Noël', 'No\u0451l'] },
    ]);
  });

  it('needs a group whose name mixes scripts, not only a sighting of one', () => {
    // One group, seen once as all Cyrillic "Тор" and once with a Latin "T", next to "Top": the
    // two groups left are each in one script.
    const groups: GroupEntry[] = [
      { name: 'Тор', id: 'cyrillic' },
      { name: 'Tор', id: 'cyrillic' },
      { name: 'Top', id: 'latin' },
    ];
    expect(findCollisions(groups)).toEqual([]);
  });

  it('leaves look-alikes out when asked to', () => {
    expect(findCollisions(entries('Finance', 'Fin\u0430nce'), { lookAlikes: false })).toEqual([]);
  });

  it('does not flag a name written wholly in Cyrillic', () => {
    expect(findCollisions(entries('Финансы', 'Finance'))).toEqual([]);

    // "Тор" in Cyrillic looks like "Top", but neither name mixes scripts, so it is taken as meant.
    expect(skeleton('Тор')).toBe(skeleton('Top'));
    expect(findCollisions(entries('Тор', 'Top'))).toEqual([]);
  });

  it('does not take a name that starts like another as the same', () => {
    expect(findCollisions(entries('group-app', 'group-app-test', 'Group-App Test'))).toEqual([]);
  });

  it('does not take the same group seen twice (same id) as a collision', () => {
    const groups: GroupEntry[] = [
      { name: 'Finance', id: '7f3a0c1e-0000-4000-8000-000000000001', source: 'assigned' },
      { name: 'Finance', id: '7F3A0C1E-0000-4000-8000-000000000001 ', source: 'search' },
    ];
    expect(findCollisions(groups)).toEqual([]);
  });

  it('does not take one entry object passed twice as a collision', () => {
    const finance: GroupEntry = { name: 'Finance' };
    expect(findCollisions([finance, finance])).toEqual([]);
  });

  it('names a group seen twice once, beside the other group of that name', () => {
    const groups: GroupEntry[] = [
      { name: 'Finance', id: 'a', source: 'assigned' },
      { name: 'Finance', id: 'a', source: 'search' },
      { name: 'FINANCE', id: 'b', source: 'search' },
    ];
    const collisions = findCollisions(groups);
    expect(summary(collisions)).toEqual([{ kind: 'same-name', names: ['Finance', 'FINANCE'] }]);
    expect(collisions[0]?.groups[0]).toBe(groups[0]);
    expect(collisions[0]?.groups[1]).toBe(groups[2]);
  });

  it('takes ids that differ only in case or surrounding white space as one group', () => {
    // Ids are told apart by their last two characters before they are compared in full; these
    // pairs end alike only once trimmed or lower-cased, or end where lower-casing is not one
    // letter for one.
    const pairs: Array<[string, string]> = [
      ['ab-12', ' AB-12\t'],
      ['x', '  X'],
      ['Q', 'q\u00a0'],
      ['groupİ', 'groupi\u0307'],
      ['ΟΔΟΣ', 'οδος'],
    ];
    for (const [id, sameId] of pairs) {
      const groups: GroupEntry[] = [
        { name: 'Finance', id },
        { name: 'FINANCE', id: sameId },
        { name: 'finance', id: `${id}-other` },
      ];
      const collisions = findCollisions(groups);
      expect(collisions).toHaveLength(1);
      expect(collisions[0]?.groups).toEqual([groups[0], groups[2]]);
    }
  });

  it('takes a blank id as no id', () => {
    const groups: GroupEntry[] = [
      { name: 'Finance', id: '  ' },
      { name: 'Finance', id: '\u00a0' },
    ];
    expect(findCollisions(groups)[0]?.groups).toEqual(groups);
    expect(findCollisions([groups[0] as GroupEntry, groups[0] as GroupEntry])).toEqual([]);
  });

  it('tells apart ids that end alike', () => {
    const groups: GroupEntry[] = ['1:10', '2:10', ' 3:10', '1:10 '].map((id) => ({
      name: 'Finance',
      id,
    }));
    expect(findCollisions(groups)[0]?.groups).toEqual(groups.slice(0, 3));
  });

  it('keeps each group once when a name is given to many groups, seen more than once', () => {
    const groups: GroupEntry[] = Array.from({ length: 30 }, (_, index) => ({
      name: index % 2 === 0 ? 'Finance' : 'FINANCE',
      id: `id-${index % 12}`,
    }));
    const [collision] = findCollisions(groups);
    expect(collision?.groups).toEqual(groups.slice(0, 12));
  });

  it('takes two entries written alike and without ids as two groups', () => {
    expect(summary(findCollisions(entries('Finance', 'Finance')))).toEqual([
      { kind: 'same-name', names: ['Finance', 'Finance'] },
    ]);
  });

  it('takes entries with different ids as different groups even when written alike', () => {
    const groups: GroupEntry[] = [
      { name: 'Finance', id: 'a', detail: 'finance@example.com' },
      { name: 'Finance', id: 'b', detail: 'finance-eu@example.com' },
    ];
    expect(findCollisions(groups)).toEqual([
      { kind: 'same-name', names: ['Finance', 'Finance'], groups },
    ]);
  });

  it('compares only what it is given: callers leave users out', () => {
    // The assignment list shows users and groups; a user named like a group is no problem for
    // Declaree, so the caller passes groups only.
    const rows = [
      { name: 'Finance', objectType: 'User' },
      { name: 'finance', objectType: 'Group' },
      { name: 'Sales', objectType: 'Group' },
    ];
    const groupsOnly = rows.filter((row) => row.objectType === 'Group');
    expect(findCollisions(groupsOnly)).toEqual([]);
    expect(findCollisions(rows)).toHaveLength(1);
  });

  it('compares names with markup as plain text', () => {
    expect(findCollisions(entries('<b>Finance</b>', 'Finance'))).toEqual([]);
    expect(summary(findCollisions(entries('<b>Finance</b>', '<B>FINANCE</B>')))).toEqual([
      { kind: 'same-name', names: ['<b>Finance</b>', '<B>FINANCE</B>'] },
    ]);
  });

  it('ignores empty and white-space-only names', () => {
    expect(findCollisions(entries('', '', '   ', '\u00a0', '\u200b', '\t'))).toEqual([]);
    expect(findCollisions(entries('', 'Finance', ' '))).toEqual([]);
  });

  it('handles names of 10,000 characters', () => {
    const longName = 'Finance '.repeat(1_250);
    expect(longName.length).toBe(10_000);

    const sameButCase = longName.toUpperCase();
    const otherLastLetter = `${longName.slice(0, -2)}x `;
    const collisions = findCollisions(
      entries(longName, sameButCase, otherLastLetter, longName.slice(0, 5_000)),
    );
    expect(summary(collisions)).toEqual([{ kind: 'same-name', names: [longName, sameButCase] }]);
  });

  it('takes a plain Latin name and the same name in other forms as the same', () => {
    // "Zürich" is hashed from its letters, the decomposed and full-width forms from their keys.
    const names = ['Zürich', 'ZÜRICH', 'Zu\u0308rich', 'Ｚürich', 'zürich ', 'Zurich'];
    expect(summary(findCollisions(entries(...names)))).toEqual([
      { kind: 'same-name', names: names.slice(0, 5) },
    ]);
    expect(findCollisions(entries('Ĳssel', 'IJSSEL', 'Ijssel'))).toHaveLength(1);
    expect(findCollisions(entries('Łódź', 'ŁÓDŹ', 'Lodz'))).toHaveLength(1);
    expect(findCollisions(entries('Ÿpres', 'ÿpres', 'Ypres'))).toHaveLength(1);
  });

  it('confirms equal hashes by comparing the names', () => {
    // These two keys have the same 32-bit FNV-1a hash, which the index uses.
    expect(findCollisions(entries('group 1s', 'Group 6D20'))).toEqual([]);
    expect(findCollisions(entries(' group 1s', 'group 6d20\u00a0'))).toEqual([]);
    expect(findCollisions(entries('group 1s', 'GROUP 1S', 'group 6d20'))).toHaveLength(1);
  });

  it('keeps apart keys that share a hash, also when both repeat or one has a look-alike', () => {
    // "group 1s" and "group 6d20" have the same 32-bit FNV-1a hash.
    const withCyrillicO = 'gr\u043eup 6d20';
    const collisions = findCollisions(
      entries('group 1s', 'Group 6D20', 'GROUP 1S', 'group 6d20', withCyrillicO),
    );
    expect(summary(collisions)).toEqual([
      { kind: 'same-name', names: ['group 1s', 'GROUP 1S'] },
      { kind: 'same-name', names: ['Group 6D20', 'group 6d20'] },
      { kind: 'looks-like', names: ['Group 6D20', 'group 6d20', withCyrillicO] },
    ]);
  });

  it('returns collisions in the order of their first entry', () => {
    const collisions = findCollisions(entries('Sales', 'Finance', 'finance', 'SALES'));
    expect(summary(collisions)).toEqual([
      { kind: 'same-name', names: ['Sales', 'SALES'] },
      { kind: 'same-name', names: ['Finance', 'finance'] },
    ]);
  });

  it('finds one collision among many distinct names, and a name shared by thousands', () => {
    const distinct = Array.from({ length: 20_000 }, (_, index) => `Team ${index}`);
    expect(findCollisions(entries(...distinct))).toEqual([]);
    expect(summary(findCollisions(entries(...distinct, 'TEAM 12345')))).toEqual([
      { kind: 'same-name', names: ['Team 12345', 'TEAM 12345'] },
    ]);

    const shared = Array.from({ length: 5_000 }, (_, index) => ({
      name: 'Finance',
      id: `${index}`,
    }));
    const [collision] = findCollisions(shared);
    expect(collision?.names).toHaveLength(5_000);
  });
});

describe('collisionsAgainst', () => {
  it('reports a candidate that collides with an existing group', () => {
    const candidates: GroupEntry[] = [{ name: 'FINANCE', id: 'new', source: 'selected' }];
    const existing: GroupEntry[] = [{ name: 'Finance', id: 'old', source: 'declaree' }];
    expect(summary(collisionsAgainst(candidates, existing))).toEqual([
      { kind: 'same-name', names: ['FINANCE', 'Finance'] },
    ]);
  });

  it('ignores existing groups that collide only with each other', () => {
    const candidates: GroupEntry[] = [{ name: 'Marketing', id: 'new' }];
    const existing: GroupEntry[] = [
      { name: 'Finance', id: 'old-1' },
      { name: 'finance', id: 'old-2' },
      { name: 'Fin\u0430nce', id: 'old-3' },
    ];
    expect(findCollisions(existing)).toHaveLength(2);
    expect(collisionsAgainst(candidates, existing)).toEqual([]);
  });

  it('lists every group a candidate collides with, existing ones that collide too', () => {
    const candidates: GroupEntry[] = [{ name: 'Finance ', id: 'new' }];
    const existing: GroupEntry[] = [
      { name: 'Finance', id: 'old-1' },
      { name: 'finance', id: 'old-2' },
    ];
    expect(summary(collisionsAgainst(candidates, existing))).toEqual([
      { kind: 'same-name', names: ['Finance ', 'Finance', 'finance'] },
    ]);
  });

  it('does not report a candidate that is already the existing group', () => {
    const candidates: GroupEntry[] = [{ name: 'Finance', id: 'same', source: 'selected' }];
    const existing: GroupEntry[] = [{ name: 'finance', id: 'same', source: 'declaree' }];
    expect(collisionsAgainst(candidates, existing)).toEqual([]);
  });

  it('does not report an entry object passed both as candidate and as existing', () => {
    const finance: GroupEntry = { name: 'Finance' };
    expect(collisionsAgainst([finance], [finance])).toEqual([]);
  });

  it('reports candidates that collide with each other', () => {
    expect(summary(collisionsAgainst(entries('Sales', 'SALES'), entries('Finance')))).toEqual([
      { kind: 'same-name', names: ['Sales', 'SALES'] },
    ]);
  });

  it('reports a candidate that only looks like an existing group', () => {
    const withCyrillicA = 'Fin\u0430nce';
    expect(summary(collisionsAgainst(entries(withCyrillicA), entries('Finance')))).toEqual([
      { kind: 'looks-like', names: [withCyrillicA, 'Finance'] },
    ]);
  });
});
