/** User-facing text comes only from the _locales messages, in the browser's language. */
import { api } from './extension-api.ts';

// Once the extension is reloaded under an open page, its old scripts can no longer read the
// messages; what they read before stays usable for the words that ask for a reload.
const remembered = new Map<string, string>();

export function t(name: string, substitutions?: string | string[]): string {
  let text = '';
  try {
    text = api.i18n.getMessage(name, substitutions);
  } catch {
    return remembered.get(name) ?? name;
  }

  if (substitutions === undefined && text !== '') {
    remembered.set(name, text);
  }

  // An empty answer means the message is missing: showing its name is easier to notice and fix
  // than an empty button.
  return text === '' ? name : text;
}
