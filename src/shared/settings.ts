/**
 * The settings in force: the admin's own switches in storage.local (nothing secret) combined with
 * the organisation's policy in storage.managed. How they combine is in policy.ts.
 */
import type browser from 'webextension-polyfill';
import { api, forgetListener } from './extension-api.ts';
import {
  combineSettings,
  isLocked,
  type LocalSettings,
  parseLocal,
  parsePolicy,
  type Settings,
  type Switch,
} from './policy.ts';

export * from './policy.ts';

const settingsItem = 'settings';

async function readPolicy(): Promise<Record<string, unknown>> {
  try {
    return await api.storage.managed.get(null);
  } catch {
    // Firefox throws when no policy names the extension: that means no policy.
    return {};
  }
}

async function readLocal(): Promise<LocalSettings> {
  const stored = await api.storage.local.get(settingsItem);
  return parseLocal(stored[settingsItem]);
}

export async function readSettings(): Promise<Settings> {
  const [local, policy] = await Promise.all([readLocal(), readPolicy()]);
  return combineSettings(local, parsePolicy(policy));
}

/**
 * Records the admin's choice for one switch. Refused (false) when the organisation fixed it: the
 * popup and panel disable such switches, and the keyboard shortcut must not get around that.
 */
export async function writeSwitch(name: Switch, on: boolean): Promise<boolean> {
  if (isLocked(await readSettings(), name)) {
    return false;
  }

  const local = await readLocal();
  await api.storage.local.set({ [settingsItem]: { ...local, [name]: on } });
  return true;
}

/** Calls back with the settings in force whenever the admin or the organisation changes them. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'managed' || (area === 'local' && settingsItem in changes)) {
      void readSettings().then(callback);
    }
  };
  // Kept, since `storage` is gone from a content script whose extension was reloaded.
  const changed = api.storage.onChanged;
  changed.addListener(listener);
  return () => forgetListener(() => changed.removeListener(listener));
}
