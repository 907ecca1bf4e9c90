/**
 * Group names that Declaree would take as the same name.
 *
 * Declaree links provisioned groups to its own groups by name, and SCIM's displayName is not
 * case-exact, so two groups whose names differ only in case, Unicode form or white space do not
 * both sync. Entra ID itself allows several groups with the same name, so duplicates found here
 * are real, not an artefact of the page.
 *
 * Callers pass groups only. Entra's "Users and groups" list mixes users and groups (the object
 * type column tells them apart); a user named like a group is no problem for Declaree, so that
 * filtering belongs to the caller and this module compares whatever it is given.
 *
 * Pure: no DOM and no browser API, so it runs in any extension context and in unit tests.
 */

export type GroupEntry = {
  /** The name as written on the page or returned by an API. Markup in it is plain text here. */
  name: string;
  /**
   * What makes two entries the same group, such as the Entra object id (which Declaree keeps as
   * externalId). All entries passed together must take their ids from the same namespace.
   */
  id?: string;
  /** What tells same-named groups apart for the admin: e-mail, description or object id. */
  detail?: string;
  /** Where the entry was seen, such as 'assigned', 'selected', 'search' or 'declaree'. */
  source?: string;
};

export type CollisionKind = 'same-name' | 'looks-like';

export type Collision = {
  /** 'same-name' will fail in Declaree; 'looks-like' only confuses people. */
  kind: CollisionKind;
  /** One name per colliding group, as written, in input order. */
  names: string[];
  /** The colliding entries themselves (not copies), one per group, parallel to `names`. */
  groups: GroupEntry[];
};

export type FindCollisionsOptions = {
  /** Also report look-alike names from other scripts ('looks-like'). On unless set to false. */
  lookAlikes?: boolean;
};

// JavaScript's \s covers tab, line breaks, no-break space, narrow no-break space and the other
// Unicode spaces; NEL (U+0085) is the one white-space character it leaves out.
const whiteSpaceRuns = /[\s\u0085]+/g;

// Invisible characters that people paste along with a name: zero-width space and joiners, word
// joiner, byte-order mark, soft hyphen, bidirectional marks, variation selectors. Removing them
// merges names that differ only invisibly, which is the safe side for a duplicate warning even
// in the few scripts where a zero-width joiner changes how a word is drawn.
const invisibleCharacters = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * True for every code unit that may be white space other than U+0020 or an invisible character,
 * and for a few more: it only decides whether the exact regular expressions above need to run,
 * which costs far more than this test. The ranges are those of White_Space and
 * Default_Ignorable_Code_Point, with the surrogates that lead to the supplementary ones.
 */
function mayBeSpaceOrInvisible(code: number): boolean {
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x61c ||
    code === 0x115f ||
    code === 0x1160 ||
    code === 0x1680 ||
    code === 0x17b4 ||
    code === 0x17b5 ||
    (code >= 0x180b && code <= 0x180f) ||
    (code >= 0x2000 && code <= 0x206f) ||
    code === 0x3000 ||
    code === 0x3164 ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff ||
    code === 0xffa0 ||
    (code >= 0xfff0 && code <= 0xfff8) ||
    code === 0xd82f ||
    code === 0xd834 ||
    (code >= 0xdb40 && code <= 0xdb43)
  );
}

/**
 * True for code units whose case folding lower-casing misses in more ways than Greek does:
 * Armenian "և", Cherokee, the small Cyrillic variants, Latin and Greek Extended (capital sharp
 * s, "ẖ", "ᾳ"), the ligatures. Everywhere else, once NFKC has run, Unicode's case folding is the
 * lower case, apart from "ß", "İ", "ı", the final sigma and the iota subscript, handled below.
 */
function foldsBeyondLowerCase(code: number): boolean {
  return (
    (code >= 0x530 && code < 0x590) ||
    (code >= 0x13a0 && code < 0x1400) ||
    (code >= 0x1c80 && code < 0x1c90) ||
    (code >= 0x1e00 && code < 0x2000) ||
    (code >= 0xab70 && code < 0xabc0) ||
    (code >= 0xfb00 && code < 0xfb18)
  );
}

// Steps a non-ASCII name needs, found by one scan of its NFKC form.
const untidySpaceBit = 1;
const mayHoldInvisibleBit = 2;
const latinSpecialBit = 4;
const greekOrMarkBit = 8;
const fullFoldingBit = 16;

function scanCompatibleForm(text: string): number {
  let steps = 0;
  let afterSpace = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      if (afterSpace) {
        steps |= untidySpaceBit;
      }
      afterSpace = true;
      continue;
    }

    afterSpace = false;
    if (code < 0x80) {
      if (code >= 0x09 && code <= 0x0d) {
        steps |= untidySpaceBit;
      }
    } else if (code === 0xdf || code === 0x130 || code === 0x131) {
      steps |= latinSpecialBit;
    } else if (code >= 0x300 && code < 0x400) {
      steps |= greekOrMarkBit;

      // The combining grapheme joiner is the one invisible character among the marks.
      if (code === 0x34f) {
        steps |= untidySpaceBit | mayHoldInvisibleBit;
      }
    } else if (mayBeSpaceOrInvisible(code)) {
      steps |= untidySpaceBit | mayHoldInvisibleBit;
    } else if (foldsBeyondLowerCase(code)) {
      steps |= fullFoldingBit;
    }
  }

  if (afterSpace) {
    steps |= untidySpaceBit;
  }
  return steps;
}

/**
 * The dotted and dotless i are decided for admins in every locale, not only Turkish ones: "İ",
 * "I", "i" and "ı" all fold to "i". Declaree's comparison is not known to be locale-aware, and a
 * Turkish "İstanbul" next to an English "Istanbul" is a duplicate to anyone reading the list.
 * "ß" folds to "ss", as Unicode's full case folding does and lower-casing does not.
 */
const latinSpecials = /[ßİı]/g;
const latinSpecialFolding: Record<string, string> = { ß: 'ss', İ: 'i', ı: 'i' };

function foldLatinSpecials(text: string): string {
  return text.replace(latinSpecials, (special) => latinSpecialFolding[special] ?? special);
}

/**
 * What lower-casing leaves that case folding changes among Greek letters and combining marks:
 * the final sigma "ς" folds to "σ", the combining iota subscript to "ι", and an "i" with a
 * combining dot above (what "İ" lower-cases to) to "i".
 */
function foldGreekAndMarks(text: string): string {
  let folded = text;
  if (folded.includes('ς')) {
    folded = folded.replaceAll('ς', 'σ');
  }
  if (folded.includes('\u0345')) {
    folded = folded.replaceAll('\u0345', 'ι');
  }
  if (folded.includes('i\u0307')) {
    folded = folded.replaceAll('i\u0307', 'i');
  }
  return folded;
}

/**
 * Full case folding built from what JavaScript offers, where lower-casing is not enough:
 * toLowerCase keeps "ß" as is and turns capital sharp s "ẞ" into "ß", where folding makes both
 * "ss". Lower, then upper, then lower again passes every letter through the full upper-case
 * mappings ("ẞ" to "ß" to "SS", "ᾳ" to "ΑΙ"), which reach the folded form; the first
 * lower-casing makes title-case and capital forms start from the same letter.
 */
function foldFully(text: string): string {
  return foldGreekAndMarks(text.toLowerCase().toUpperCase().toLowerCase());
}

// The characters of plain Latin names: words of ASCII and of accented Latin letters from Latin-1
// and Latin Extended-A, with single spaces between them, such as "Comptabilité Zürich" and
// "Kraków". These letters are precomposed and have no compatibility form, so such a name is
// already in NFKC, and lower-casing folds them. Left out: "ß", "İ" and "ı" (see below), and "Ĳ",
// "Ŀ", "ŉ", "ſ", which NFKC rewrites.
const plainLatinCharacter =
  '[\\x21-\\x7e\\u00c0-\\u00de\\u00e0-\\u012f\\u0134-\\u013e\\u0141-\\u0148\\u014a-\\u017e]';

/** The key of a name that is not plain Latin (see hashOfTidyName) and holds more than ASCII. */
function unicodeKey(name: string): string {
  // NFKC first: full-width letters, ligatures such as "ﬁ", the no-break spaces and composed
  // versus decomposed accents all become one form.
  let text = name.normalize('NFKC');
  const steps = scanCompatibleForm(text);

  // Removing an invisible character can bring a letter and its accent together ("e", zero-width
  // space, acute), and folding Greek or marks can leave them apart ("Ϊ" and an acute lower-case
  // to what "ΐ" is): both need NFKC once more at the end. Lower-casing alone keeps NFKC.
  let normaliseAgain = (steps & (greekOrMarkBit | fullFoldingBit)) !== 0;
  if (steps & mayHoldInvisibleBit) {
    const visible = text.replace(invisibleCharacters, '');
    normaliseAgain ||= visible.length !== text.length;
    text = visible;
  }

  if (steps & latinSpecialBit) {
    text = foldLatinSpecials(text);
  }
  if (steps & fullFoldingBit) {
    text = foldFully(text);
  } else if (steps & greekOrMarkBit) {
    text = foldGreekAndMarks(text.toLowerCase());
  } else {
    text = text.toLowerCase();
  }

  if (steps & untidySpaceBit) {
    text = text.replace(whiteSpaceRuns, ' ').trim();
  }
  return normaliseAgain ? text.normalize('NFKC') : text;
}

/** The key of an ASCII name: already in every normal form, it folds by lower-casing alone. */
function asciiKey(name: string): string {
  return name.replace(whiteSpaceRuns, ' ').trim().toLowerCase();
}

/**
 * The key under which Declaree would take two group names as the same: Unicode NFKC, full case
 * folding, invisible characters removed, white space trimmed and collapsed to one space.
 * An empty key means the name has nothing visible in it.
 */
export function groupNameKey(name: string): string {
  // Most names are plain Latin and need nothing but lower-casing; the costly Unicode steps run
  // only where they can change the key.
  const hash = hashOfTidyName(name);
  if (hash >= 0) {
    return name.toLowerCase();
  }
  return hash === seenNonAscii ? unicodeKey(name) : asciiKey(name);
}

// A hand-made subset of Unicode's confusables (UTS #39): Cyrillic and Greek letters that look
// like a Latin letter, each pair written look-alike first. The table is case-aware, because the
// likeness is in the written form: capital Greek "Ν" looks like "N" and small "ν" like "v", and
// small Cyrillic "т" looks like no Latin letter while capital "Т" looks like "T". Accented
// letters are not listed: skeleton() decomposes first, so "ё" becomes "е" plus diaeresis and
// then "e" plus diaeresis.
// TODO [2027-03-01]: generate the table from confusables.txt if admins meet look-alikes from
// other scripts (Armenian, Cherokee) or Latin-only pairs such as "l" and "I".
const lookAlikePairs = [
  'АA ВB ЕE КK МM НH ОO РP СC ТT УY ХX ЅS ІI ЈJ ҮY ҺH ӀI ԚQ ԜW',
  'аa еe оo рp сc уy хx ѕs іi јj үy һh ӏl ԁd ԛq ԝw',
  'ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ϹC ͿJ',
  'αa γy ιi νv οo ρp υu ϲc ϳj',
].flatMap((pairs) => pairs.split(' '));

// Indexed by code unit; every look-alike above lies below U+0530. An array beats a Map here.
const latinLookAlikeOf: string[] = new Array(0x530).fill('');
for (const pair of lookAlikePairs) {
  latinLookAlikeOf[pair.charCodeAt(0)] = pair.slice(1);
}

function replaceLookAlikes(decomposed: string): string {
  let replaced = '';
  let copiedUpTo = 0;
  for (let index = 0; index < decomposed.length; index += 1) {
    const code = decomposed.charCodeAt(index);
    const latin = code < 0x530 ? latinLookAlikeOf[code] : '';
    if (latin) {
      replaced += decomposed.slice(copiedUpTo, index) + latin;
      copiedUpTo = index + 1;
    }
  }
  return copiedUpTo === 0 ? decomposed : replaced + decomposed.slice(copiedUpTo);
}

// Code units that are, or decompose to, Greek or Cyrillic letters: the main blocks, phonetic
// letters, Greek Extended, the Cyrillic extensions, the micro sign, and the lead surrogate of the
// mathematical letters (bold Greek and the like). No u flag, so that lead surrogate matches.
const mayHoldGreekOrCyrillic =
  /[\u00b5\u0370-\u052f\u1c80-\u1c8f\u1d00-\u1dbf\u1f00-\u1fff\u2de0-\u2dff\ua640-\ua69f\ud835]/;

function skeletonOfDecomposed(decomposed: string): string {
  return groupNameKey(replaceLookAlikes(decomposed));
}

/**
 * A look-alike key: Cyrillic and Greek letters that look Latin become those Latin letters, then
 * the name goes through groupNameKey. "Finаnce" with a Cyrillic "а" has the skeleton "finance".
 * The letters are mapped before groupNameKey folds case, not after, because which Latin letter
 * a Greek or Cyrillic one looks like depends on its written case (see the table above).
 */
export function skeleton(name: string): string {
  if (!mayHoldGreekOrCyrillic.test(name)) {
    return groupNameKey(name);
  }

  // Decomposing first lets an accented Cyrillic letter match its accented Latin twin.
  return skeletonOfDecomposed(name.normalize('NFKD'));
}

// Most Latin letters decompose to ASCII ones, so the plain test usually answers; the script
// test finds the rest ("ø", "ł", "ð"). Greek and Cyrillic signs that are no letters (the numeral
// sign, the thousands sign) count too, which cannot matter for a name that has to look Latin.
const asciiLetter = /[A-Za-z]/;
const latinLetter = /\p{Script=Latin}/u;
const greekOrCyrillicLetter = /[\p{Script=Greek}\p{Script=Cyrillic}]/u;

function mixesScriptsDecomposed(decomposed: string): boolean {
  return (
    greekOrCyrillicLetter.test(decomposed) &&
    (asciiLetter.test(decomposed) || latinLetter.test(decomposed))
  );
}

/** True when a name holds both Latin letters and Greek or Cyrillic ones. */
export function mixesScripts(name: string): boolean {
  if (!mayHoldGreekOrCyrillic.test(name)) {
    return false;
  }

  // Compatibility forms count by the letter they stand for (mathematical bold Alpha is Greek).
  return mixesScriptsDecomposed(name.normalize('NFKD'));
}

/** Ids compared trimmed and in lower case: the portal and Graph print GUIDs in either case. */
function normaliseId(id: string | undefined): string | undefined {
  const trimmed = id?.trim().toLowerCase();
  return trimmed === '' ? undefined : trimmed;
}

// FNV-1a over UTF-16 code units: simple and enough to spread keys over the table below. Equal
// hashes are always confirmed by comparing the keys themselves.
const fnvOffsetBasis = 0x811c9dc5;
const fnvPrime = 0x01000193;
// What hashOfTidyName returns for other names, telling which key function they need.
const seenNonAscii = -1;
const untidyOrEmpty = -2;

function hashOfKey(key: string): number {
  let hash = fnvOffsetBasis;
  for (let index = 0; index < key.length; index += 1) {
    hash = Math.imul(hash ^ key.charCodeAt(index), fnvPrime);
  }
  return hash >>> 0;
}

// The lower case of every character a plain Latin name may hold, by code unit, taken from
// toLowerCase itself; 0 for the characters below U+0180 that such a name may not hold.
const plainLatinLowerCase = new Uint16Array(0x180);
{
  const plainLatin = new RegExp(plainLatinCharacter);
  for (let code = 0; code < plainLatinLowerCase.length; code += 1) {
    const character = String.fromCharCode(code);
    if (plainLatin.test(character)) {
      plainLatinLowerCase[code] = character.toLowerCase().charCodeAt(0);
    }
  }
}

/**
 * For a plain Latin name (see plainLatinCharacter), which is most names, the hash of its key,
 * computed without building the key: that key is the name in lower case, one character for
 * one. For any other name with a character beyond ASCII, seenNonAscii; for the rest (ASCII with
 * other white space, or empty), untidyOrEmpty.
 */
function hashOfTidyName(name: string): number {
  let hash = fnvOffsetBasis;
  let afterSpace = true;
  let tidy = true;
  let beyondAscii = false;
  for (let index = 0; index < name.length; index += 1) {
    let code = name.charCodeAt(index);
    if (code === 0x20) {
      tidy &&= !afterSpace;
      afterSpace = true;
    } else if (code < 0x21 || code === 0x7f) {
      tidy = false;
      afterSpace = true;
    } else {
      const lowerCase = code < 0x180 ? (plainLatinLowerCase[code] as number) : 0;
      if (lowerCase === 0) {
        return seenNonAscii;
      }

      beyondAscii ||= code >= 0x80;
      afterSpace = false;
      code = lowerCase;
    }
    hash = Math.imul(hash ^ code, fnvPrime);
  }

  if (tidy && !afterSpace) {
    return hash >>> 0;
  }
  return beyondAscii ? seenNonAscii : untidyOrEmpty;
}

/**
 * Equality without regard to the case of the letters a plain Latin name may hold; other
 * characters must be equal. Keys hold none of those letters in upper case, so comparing keys
 * and plain Latin names this way compares their keys.
 */
function equalIgnoringPlainLatinCase(left: string, right: string): boolean {
  // Names written alike, the usual duplicates, are compared by the engine in one step.
  if (left === right) {
    return true;
  }
  if (left.length !== right.length) {
    return false;
  }

  for (let index = 0; index < left.length; index += 1) {
    const leftCode = left.charCodeAt(index);
    const rightCode = right.charCodeAt(index);
    if (leftCode !== rightCode && lowerCaseOf(leftCode) !== lowerCaseOf(rightCode)) {
      return false;
    }
  }
  return true;
}

function lowerCaseOf(code: number): number {
  const lowerCase = code < 0x180 ? (plainLatinLowerCase[code] as number) : 0;
  return lowerCase === 0 ? code : lowerCase;
}

/** What makes an entry a group: its id, or the entry object itself when it has none. */
function identityOf(entry: GroupEntry): string | GroupEntry {
  return normaliseId(entry.id) ?? entry;
}

// What fingerprintOfId gives an id whose end it cannot vouch for.
const unsureFingerprint = 1 << 14;

/**
 * A small number that ids equal once trimmed and in lower case share, made from the last two
 * characters, where different ids nearly always differ too; -1 for no id or a blank one. It
 * tells most different ids apart without reading an earlier one again (see RepeatedKey).
 */
function fingerprintOfId(id: string | undefined): number {
  if (id === undefined) {
    return -1;
  }
  // The same string, not a copy, when nothing trails.
  const end = id.trimEnd();
  if (end.length === 0) {
    return -1;
  }

  // Lower-casing changes ASCII letters one for one and nothing else ASCII; beyond ASCII it may
  // change the length or depend on the letters around. White space may be the start to trim.
  const last = end.charCodeAt(end.length - 1);
  const before = end.length < 2 ? 0 : end.charCodeAt(end.length - 2);
  if (before <= 0x20 || before >= 0x80 || last >= 0x80) {
    return unsureFingerprint;
  }
  return (lowerCaseOf(before) << 7) | lowerCaseOf(last);
}

/** Whether two identities, an id or an entry, with their fingerprints, are one group. */
function sameGroup(
  left: string | GroupEntry,
  leftFingerprint: number,
  right: string | GroupEntry,
  rightFingerprint: number,
): boolean {
  return (
    leftFingerprint === rightFingerprint &&
    (left === right ||
      (typeof left === 'string' &&
        typeof right === 'string' &&
        normaliseId(left) === normaliseId(right)))
  );
}

/**
 * A key that more than one entry has, and the groups among its entries: the first entry of each
 * group, in input order. It becomes a collision once it holds a second group.
 *
 * It keeps what later entries are compared with, the key and the first group's identity with a
 * fingerprint of it, so that the first entry is not read again: with many names that would cost
 * a trip to main memory each time.
 */
class RepeatedKey {
  collision: Collision | undefined = undefined;
  /** Another key with the same hash, which is rare; the keys of one hash form a list. */
  otherKey: RepeatedKey | undefined = undefined;
  /** The identities of the groups, once a name is given to many, so that the work stays linear. */
  private identities: Set<string | GroupEntry> | undefined = undefined;

  constructor(
    /** The key's first entry. */
    readonly first: number,
    /** The key, or the first entry's name where that is the key but for case. */
    readonly key: string,
    private readonly firstEntry: GroupEntry,
    private readonly firstName: string,
    private readonly firstIdentity: string | GroupEntry,
    private readonly firstFingerprint: number,
  ) {}

  /**
   * Takes in a later entry with this key, its id or the entry as identity, and the fingerprint
   * of its id; an entry of a group already seen adds nothing.
   */
  add(entry: GroupEntry, name: string, identity: string | GroupEntry, fingerprint: number): void {
    if (this.hasGroup(identity, fingerprint)) {
      return;
    }

    if (this.collision === undefined) {
      const names = [this.firstName, name];
      this.collision = { kind: 'same-name', names, groups: [this.firstEntry, entry] };
      return;
    }

    const groups = this.collision.groups;
    groups.push(entry);
    this.collision.names.push(name);
    // Most keys have two or three groups, where comparing with each beats a Set; a name given
    // to many groups moves to the Set.
    if (this.identities === undefined && groups.length > 8) {
      this.identities = new Set(groups.map(identityOf));
    }
  }

  private hasGroup(identity: string | GroupEntry, fingerprint: number): boolean {
    if (this.identities !== undefined) {
      const normal = typeof identity === 'string' ? (normaliseId(identity) as string) : identity;
      if (this.identities.has(normal)) {
        return true;
      }
      this.identities.add(normal);
      return false;
    }
    if (sameGroup(identity, fingerprint, this.firstIdentity, this.firstFingerprint)) {
      return true;
    }

    // The groups after the first are rare enough to be read again.
    const groups = this.collision?.groups ?? [];
    for (let position = 1; position < groups.length; position += 1) {
      const group = groups[position] as GroupEntry;
      const groupFingerprint = fingerprintOfId(group.id);
      const groupIdentity = groupFingerprint < 0 ? group : (group.id as string);
      if (sameGroup(identity, fingerprint, groupIdentity, groupFingerprint)) {
        return true;
      }
    }
    return false;
  }
}

// How many entries the third pass reads ahead at a time (see readAhead).
const readAheadCount = 64;

/**
 * Which entries share a key, found in three passes.
 *
 * 1. Every name is read once, in input order, and its key hashed. A tidy name (most of them)
 *    gets no key string: its hash is computed from the name. Greek and Cyrillic names are also
 *    decomposed here for the look-alike check, while they are at hand.
 * 2. A hash table sized once for all names and holding only numbers chains the entries by hash.
 * 3. The entries whose hash is shared, and only those, are read again, in input order: each key
 *    is confirmed against the first entry of its hash, the id is read, and same-name collisions
 *    are built as their entries come (see confirmKeys). The rare entries that merely share the
 *    hash get a key of their own.
 *
 * With 100,000 names the entries no longer fit in the processor's caches, and reading one is
 * nearly always a trip to main memory; at 10,000 they are still at hand. So the third pass reads
 * each shared entry once: what later entries are compared with is kept in a RepeatedKey rather
 * than read again from the key's first entry, and the entries are fetched a few dozen at a time
 * in a loop that does nothing else (see readAhead) rather than one after another.
 */
class NameIndex {
  /** For each entry, the first entry with the same key; -1 for an empty name. */
  readonly firstOfKey: Int32Array;
  readonly withGreekOrCyrillic: number[] = [];
  /** The names of withGreekOrCyrillic in compatibility decomposition (NFKD), when asked for. */
  readonly decomposedNames: string[] = [];
  /** The keys that more than one entry has, in the order of their first entries. */
  readonly repeated: RepeatedKey[] = [];

  private readonly groups: readonly GroupEntry[];
  private readonly hashes: Int32Array;
  /**
   * Chains of the later entries of a hash, plus one (0 ends a chain). A hash's first entry
   * points to the latest, each later entry to the one before it, so adding one needs no walk.
   */
  private readonly laterOfHash: Int32Array;
  /**
   * For each entry, 0 when its name is tidy and stands for its own key (see keyOrTidyName), else
   * the place of its key in keysBuilt plus one.
   */
  private readonly keyNumbers: Int32Array;
  /** The keys of the names that are not tidy, kept from the first pass. */
  private readonly keysBuilt: string[] = [];
  /** For the first entry of each hash that several entries have: its place in repeated + 1. */
  private readonly repeatedOf: Int32Array;
  /** Entry plus one in each slot, one slot per hash; 0 for an empty slot. */
  private readonly slots: Int32Array;
  /** What readAhead read, kept only so that its reads are not left out as unused. */
  touched = 0;

  constructor(groups: readonly GroupEntry[], decompose: boolean) {
    this.groups = groups;
    const count = groups.length;
    // One block for the numbers kept per entry, which costs less to get than five. No JavaScript
    // array is as long as the input: one that large goes to a space of its own and is slow to
    // make.
    const numbers = new Int32Array(count * 5);
    this.firstOfKey = numbers.subarray(0, count);
    this.hashes = numbers.subarray(count, count * 2);
    this.laterOfHash = numbers.subarray(count * 2, count * 3);
    this.keyNumbers = numbers.subarray(count * 3, count * 4);
    this.repeatedOf = numbers.subarray(count * 4, count * 5);
    for (let index = 0; index < count; index += 1) {
      this.hashEntry(index, decompose);
    }

    // At most half full, so a search meets an empty slot soon. Made only now: a block this large
    // that the first pass did not touch is slower to fill, having left the processor's cache.
    let capacity = 16;
    while (capacity < count * 2) {
      capacity *= 2;
    }
    this.slots = new Int32Array(capacity);
    let sharing = 0;
    for (let index = 0; index < count; index += 1) {
      if (this.firstOfKey[index] === 0) {
        sharing += this.placeByHash(index);
      }
    }

    this.confirmKeys(sharing);
  }

  isGreekOrCyrillic(index: number): boolean {
    // Only names with a key of their own may hold Greek or Cyrillic letters.
    return (
      this.keyNumbers[index] !== 0 &&
      mayHoldGreekOrCyrillic.test((this.groups[index] as GroupEntry).name)
    );
  }

  /** The first entry whose key is each of these keys, given with their hashes (hashOfKey), or -1. */
  firstsWithKeys(keys: readonly string[], hashes: Int32Array): Int32Array {
    const firsts = new Int32Array(keys.length);
    for (let position = 0; position < keys.length; position += 1) {
      firsts[position] = this.firstWithHash(hashes[position] as number);
    }

    for (let position = 0; position < keys.length; position += 1) {
      const hashFirst = firsts[position] as number;
      const key = keys[position] as string;
      const repeatedNumber = hashFirst < 0 ? 0 : (this.repeatedOf[hashFirst] as number);
      if (repeatedNumber === 0) {
        const same =
          hashFirst >= 0 && equalIgnoringPlainLatinCase(this.keyOrTidyName(hashFirst), key);
        firsts[position] = same ? hashFirst : -1;
        continue;
      }

      let repeated = this.repeated[repeatedNumber - 1];
      while (repeated !== undefined && !equalIgnoringPlainLatinCase(repeated.key, key)) {
        repeated = repeated.otherKey;
      }
      firsts[position] = repeated?.first ?? -1;
    }
    return firsts;
  }

  /** The entries whose key is that of this first entry, in no particular order. */
  entriesOfKey(first: number): number[] {
    const entries: number[] = [];
    const hashFirst = this.firstWithHash(this.hashes[first] as number);
    for (let entry = hashFirst; entry >= 0; entry = (this.laterOfHash[entry] as number) - 1) {
      if (this.firstOfKey[entry] === first) {
        entries.push(entry);
      }
    }
    return entries;
  }

  /** Notes the hash of an entry's key; an empty name is marked in firstOfKey instead. */
  private hashEntry(index: number, decompose: boolean): void {
    const name = (this.groups[index] as GroupEntry).name;
    const hash = hashOfTidyName(name);
    if (hash >= 0) {
      this.hashes[index] = hash | 0;
      return;
    }

    const key = hash === seenNonAscii ? unicodeKey(name) : asciiKey(name);
    if (key === '') {
      this.firstOfKey[index] = -1;
      return;
    }
    if (decompose && mayHoldGreekOrCyrillic.test(name)) {
      this.withGreekOrCyrillic.push(index);
      this.decomposedNames.push(name.normalize('NFKD'));
    }
    this.keysBuilt.push(key);
    this.keyNumbers[index] = this.keysBuilt.length;
    this.hashes[index] = hashOfKey(key) | 0;
  }

  /**
   * Puts an entry in the slot of its hash, or chains it to the entry already there. Returns how
   * many entries this makes share a hash that did not before: 0, 1, or 2 for the second one.
   */
  private placeByHash(index: number): number {
    const hash = this.hashes[index] as number;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot] as number;
      if (stored === 0) {
        this.slots[slot] = index + 1;
        this.firstOfKey[index] = index;
        return 0;
      }

      const first = stored - 1;
      if (this.hashes[first] === hash) {
        this.firstOfKey[index] = first;
        const latest = this.laterOfHash[first] as number;
        this.laterOfHash[index] = latest;
        this.laterOfHash[first] = index + 1;
        return latest === 0 ? 2 : 1;
      }
    }
  }

  /**
   * The third pass: reads the entries whose hash another entry has too, in input order, confirms
   * their keys against the keys met before and sorts them into groups by their ids. `sharing`
   * is how many such entries there are.
   */
  private confirmKeys(sharing: number): void {
    const entries = new Int32Array(sharing);
    let count = 0;
    for (let index = 0; index < this.groups.length; index += 1) {
      const hashFirst = this.firstOfKey[index] as number;
      if (hashFirst === index ? this.laterOfHash[index] !== 0 : hashFirst >= 0) {
        entries[count] = index;
        count += 1;
      }
    }

    for (let start = 0; start < count; start += readAheadCount) {
      const end = Math.min(count, start + readAheadCount);
      this.readAhead(entries, start, end);
      for (let position = start; position < end; position += 1) {
        this.confirmKey(entries[position] as number);
      }
    }
  }

  /**
   * Reads what confirmKey will read of these entries and compare them with, in a loop that does
   * little else. The processor then fetches them from memory many at a time, where confirmKey,
   * which has choices to make at every step, would wait for each in turn.
   */
  private readAhead(entries: Int32Array, start: number, end: number): void {
    let touched = 0;
    for (let position = start; position < end; position += 1) {
      const index = entries[position] as number;
      const entry = this.groups[index] as GroupEntry;
      const id = entry.id;
      touched += id === undefined ? 0 : id.charCodeAt(id.length - 1);
      const keyNumber = this.keyNumbers[index] as number;
      if (keyNumber !== 0) {
        touched += (this.keysBuilt[keyNumber - 1] as string).charCodeAt(0);
        const first = this.groups[this.firstOfKey[index] as number] as GroupEntry;
        touched += first.name.charCodeAt(0);
      }
    }
    this.touched = touched;
  }

  private confirmKey(index: number): void {
    const entry = this.groups[index] as GroupEntry;
    const name = entry.name;
    const keyNumber = this.keyNumbers[index] as number;
    const key = keyNumber === 0 ? name : (this.keysBuilt[keyNumber - 1] as string);
    const fingerprint = fingerprintOfId(entry.id);
    const identity = fingerprint < 0 ? entry : (entry.id as string);
    const hashFirst = this.firstOfKey[index] as number;
    if (hashFirst === index) {
      this.repeated.push(new RepeatedKey(index, key, entry, name, identity, fingerprint));
      this.repeatedOf[index] = this.repeated.length;
      return;
    }

    let repeated = this.repeated[(this.repeatedOf[hashFirst] as number) - 1] as RepeatedKey;
    while (!equalIgnoringPlainLatinCase(repeated.key, key)) {
      if (repeated.otherKey === undefined) {
        // A key that merely shares the hash: this entry is its first.
        repeated.otherKey = new RepeatedKey(index, key, entry, name, identity, fingerprint);
        repeated = repeated.otherKey;
        this.repeated.push(repeated);
        break;
      }
      repeated = repeated.otherKey;
    }

    this.firstOfKey[index] = repeated.first;
    if (repeated.first !== index) {
      repeated.add(entry, name, identity, fingerprint);
    }
  }

  private firstWithHash(hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot] as number;
      if (stored === 0 || this.hashes[stored - 1] === hash) {
        return stored - 1;
      }
    }
  }

  /**
   * The key of an entry, or its tidy name, which is its key but for the case of plain Latin
   * letters; equalIgnoringPlainLatinCase compares either kind with either.
   */
  private keyOrTidyName(index: number): string {
    const keyNumber = this.keyNumbers[index] as number;
    return keyNumber === 0
      ? (this.groups[index] as GroupEntry).name
      : (this.keysBuilt[keyNumber - 1] as string);
  }
}

/** The first entry of each group among these entries, which are in input order. */
function firstOfEachGroup(groups: readonly GroupEntry[], indices: ArrayLike<number>): number[] {
  const seen = new Set<string | GroupEntry>();
  const kept: number[] = [];
  for (let position = 0; position < indices.length; position += 1) {
    const index = indices[position] as number;
    const identity = identityOf(groups[index] as GroupEntry);
    if (!seen.has(identity)) {
      seen.add(identity);
      kept.push(index);
    }
  }
  return kept;
}

/** A collision with the position of its first entry, for sorting. */
type PlacedCollision = { at: number; collision: Collision };

/**
 * Reads the ids and names of these entries in a loop that does nothing else, so that the
 * processor fetches them from memory many at a time; see NameIndex.readAhead.
 */
function readEntriesAhead(groups: readonly GroupEntry[], lists: readonly Int32Array[]): number {
  let touched = 0;
  for (const indices of lists) {
    for (let position = 0; position < indices.length; position += 1) {
      const entry = groups[indices[position] as number] as GroupEntry;
      touched += entry.name.length + (entry.id === undefined ? 0 : entry.id.charCodeAt(0));
    }
  }
  return touched;
}

function lookAlikeCollisions(groups: readonly GroupEntry[], names: NameIndex): PlacedCollision[] {
  // A look-alike needs a name that mixes scripts, and those are rare: find them first, so a
  // tenant without any costs one check per Greek or Cyrillic name and no skeleton at all. Each
  // look is hashed as it is made, while it is still in the processor's cache.
  const lookOfSkeleton = new Map<string, number>();
  const skeletons: string[] = [];
  const hashes = new Int32Array(names.withGreekOrCyrillic.length);
  const buckets: number[][] = [];
  const mixing = new Set<number>();
  const unmixed: number[] = [];
  const unmixedDecomposed: string[] = [];
  for (let position = 0; position < names.withGreekOrCyrillic.length; position += 1) {
    const index = names.withGreekOrCyrillic[position] as number;
    const decomposed = names.decomposedNames[position] as string;
    if (!mixesScriptsDecomposed(decomposed)) {
      unmixed.push(index);
      unmixedDecomposed.push(decomposed);
      continue;
    }

    mixing.add(index);
    const nameSkeleton = skeletonOfDecomposed(decomposed);
    const look = lookOfSkeleton.get(nameSkeleton);
    if (look === undefined) {
      lookOfSkeleton.set(nameSkeleton, skeletons.length);
      hashes[skeletons.length] = hashOfKey(nameSkeleton);
      skeletons.push(nameSkeleton);
      buckets.push([index]);
    } else {
      buckets[look]?.push(index);
    }
  }

  if (mixing.size === 0) {
    return [];
  }

  // Names wholly in Greek or Cyrillic join a mixing name's look, never start one of their own.
  for (let position = 0; position < unmixed.length; position += 1) {
    const look = lookOfSkeleton.get(skeletonOfDecomposed(unmixedDecomposed[position] as string));
    if (look !== undefined) {
      buckets[look]?.push(unmixed[position] as number);
    }
  }

  // Names without Greek or Cyrillic letters join through their key, which is their skeleton. A
  // look that only one name has cannot collide; most looks are such, and are passed over before
  // any entry is read.
  const plainFirsts = names.firstsWithKeys(skeletons, hashes);
  const lookEntries: Int32Array[] = [];
  for (let look = 0; look < buckets.length; look += 1) {
    const bucket = buckets[look] as number[];
    const plainFirst = plainFirsts[look] as number;
    if (plainFirst < 0 && bucket.length === 1) {
      continue;
    }

    const plain =
      plainFirst < 0
        ? []
        : names.entriesOfKey(plainFirst).filter((index) => !names.isGreekOrCyrillic(index));
    const indices = new Int32Array(bucket.length + plain.length);
    indices.set(bucket);
    indices.set(plain, bucket.length);
    // A typed array sorts without the garbage Array.prototype.sort leaves.
    lookEntries.push(indices.sort());
  }
  names.touched += readEntriesAhead(groups, lookEntries);

  const found: PlacedCollision[] = [];
  for (const indices of lookEntries) {
    // Names sharing one key already collide as 'same-name'; looking alike needs two keys. The
    // mixing name is checked again because it may have been the same group seen twice.
    const kept = firstOfEachGroup(groups, indices);
    const firstKey = names.firstOfKey[kept[0] as number];
    const twoKeys = kept.some((index) => names.firstOfKey[index] !== firstKey);
    if (!twoKeys || !kept.some((index) => mixing.has(index))) {
      continue;
    }

    const keptGroups = kept.map((index) => groups[index] as GroupEntry);
    const collision: Collision = {
      kind: 'looks-like',
      names: keptGroups.map((entry) => entry.name),
      groups: keptGroups,
    };
    found.push({ at: kept[0] as number, collision });
  }
  return found;
}

/**
 * Finds groups whose names Declaree would take as the same ('same-name'), and names that only
 * look alike because one of them mixes Latin with Cyrillic or Greek letters ('looks-like').
 *
 * - Entries with the same id are the same group seen twice, never a collision; so is one entry
 *   object passed twice.
 * - Entries without ids are each a group, so two entries written "Finance" collide.
 * - Names empty after trimming and removing invisible characters are ignored.
 * - A name that only starts like another ("group-app", "group-app-test") does not collide.
 * - A name written wholly in Cyrillic or Greek is taken as meant, so it is not flagged for
 *   looking like a Latin one; only a name that mixes scripts raises 'looks-like'. A look-alike
 *   collision lists every group of that look, including those that also collide by name.
 *
 * Collisions come in the order of their first entry. One pass hashes the keys into a table, so
 * the time grows with the number of names, not with its square.
 */
export function findCollisions(
  groups: readonly GroupEntry[],
  options: FindCollisionsOptions = {},
): Collision[] {
  const lookAlikes = options.lookAlikes !== false;
  const names = new NameIndex(groups, lookAlikes);

  const looksLike = lookAlikes ? lookAlikeCollisions(groups, names) : [];
  looksLike.sort((left, right) => left.at - right.at);

  // The repeated keys come in the order of their first entries; a look-alike goes after the
  // same-name collision that starts at the same entry.
  const found: Collision[] = [];
  let nextLooksLike = 0;
  for (const repeated of names.repeated) {
    for (; (looksLike[nextLooksLike]?.at ?? Infinity) < repeated.first; nextLooksLike += 1) {
      found.push((looksLike[nextLooksLike] as PlacedCollision).collision);
    }
    if (repeated.collision !== undefined) {
      found.push(repeated.collision);
    }
  }
  for (; nextLooksLike < looksLike.length; nextLooksLike += 1) {
    found.push((looksLike[nextLooksLike] as PlacedCollision).collision);
  }
  return found;
}

/**
 * Collisions in which at least one group is a candidate: groups about to be assigned against the
 * groups already in Declaree, say. Two existing groups that collide only with each other are an
 * old problem and not reported here; when a candidate is involved, every colliding group is
 * listed, existing ones too.
 */
export function collisionsAgainst(
  candidates: readonly GroupEntry[],
  existing: readonly GroupEntry[],
  options: FindCollisionsOptions = {},
): Collision[] {
  // Candidates come first, so a group that is both a candidate and existing (same id) is kept
  // as the candidate entry when the two are merged into one group.
  const candidateEntries = new Set<GroupEntry>(candidates);
  return findCollisions([...candidates, ...existing], options).filter((collision) =>
    collision.groups.some((group) => candidateEntries.has(group)),
  );
}
