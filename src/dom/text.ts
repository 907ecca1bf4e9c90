/** Visible text as people read it, for comparing a control's text with the words we look for. */

// Marks that portals add to a label without changing what it names: a required star, a colon,
// an info glyph.
const labelDecoration = /[\s*:：\u24D8\u2139]+$/u;

export function normaliseText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(labelDecoration, '')
    .toLocaleLowerCase();
}

/** True when the text, normalised, is one of the wanted phrases (given in any case). */
export function textIsOneOf(text: string | null | undefined, phrases: readonly string[]): boolean {
  if (!text) {
    return false;
  }

  const normalised = normaliseText(text);
  return phrases.some((phrase) => normaliseText(phrase) === normalised);
}

/** An element's text. textContent, not innerText: innerText forces a layout on every call. */
export function visibleText(element: Element): string {
  return element.textContent ?? '';
}
