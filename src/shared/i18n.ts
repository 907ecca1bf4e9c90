/** User-facing text comes only from the _locales messages, in the browser's language. */
import browser from 'webextension-polyfill';

export function t(name: string, substitutions?: string | string[]): string {
  const text = browser.i18n.getMessage(name, substitutions);
  // An empty answer means the message is missing: showing its name is easier to notice and fix
  // than an empty button.
  return text === '' ? name : text;
}
