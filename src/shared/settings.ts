/**
 * The admin's settings, in storage.local (nothing secret: switches only). Read through zod, so a
 * damaged value falls back to the defaults instead of breaking a page.
 */
import browser from 'webextension-polyfill';
import { z } from 'zod/mini';

const settingsItem = 'settings';

// Each switch has its default, so that settings stored by an older version still read.
export const settingsSchema = z.object({
  /** Hides the key and masks ids and e-mail addresses, for a shared screen. */
  presenter: z._default(z.boolean(), false),
  /** Asks Declaree's SCIM endpoint whether the key works, as soon as it is held. */
  preflight: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { presenter: false, preflight: true };

export function parseSettings(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultSettings;
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(settingsItem);
  return parseSettings(stored[settingsItem]);
}

export async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [settingsItem]: settingsSchema.parse(settings) });
}

/** Calls back with the new settings whenever they change, in any context. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && settingsItem in changes) {
      callback(parseSettings(changes[settingsItem]?.newValue));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
