/**
 * The one place the Declaree key is kept: chrome.storage.session, which lives in memory only and,
 * with the trusted-contexts access level, cannot be read by content scripts. Nothing here logs.
 */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { keyHint } from '../checks/secret.ts';
import type { DeclareeInstance } from '../shared/instances.ts';
import type { KeyStatus } from '../shared/messages.ts';

const vaultItem = 'vault';
export const expiryAlarm = 'vault-expiry';

const vaultSchema = z
  .object({
    key: z.string().min(1),
    instance: z.enum(['com', 'de']),
    capturedAt: z.number(),
    expiresAt: z.number(),
  })
  .strict();
type VaultEntry = z.infer<typeof vaultSchema>;

export async function restrictSessionStorage(): Promise<void> {
  // This is Chrome's default, set explicitly so that a change of default cannot expose the key.
  // Firefox keeps storage.session from content scripts without being asked and lacks the call.
  await globalThis.chrome?.storage?.session?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

export async function holdKey(
  key: string,
  instance: DeclareeInstance,
  now: number,
  lifetimeMs: number,
): Promise<void> {
  const entry: VaultEntry = { key, instance, capturedAt: now, expiresAt: now + lifetimeMs };
  await browser.storage.session.set({ [vaultItem]: entry });
  await browser.alarms.create(expiryAlarm, { when: entry.expiresAt });
}

/** The held key, or undefined when none is held or its time is up (then it is dropped). */
export async function readVault(now: number): Promise<VaultEntry | undefined> {
  const stored = await browser.storage.session.get(vaultItem);
  const parsed = vaultSchema.safeParse(stored[vaultItem]);
  if (!parsed.success) {
    return undefined;
  }

  if (parsed.data.expiresAt <= now) {
    await forgetKey();
    return undefined;
  }

  return parsed.data;
}

/**
 * Applies a changed policy to the key already held: dropped when its instance is no longer
 * allowed, and its time cut to the new limit when that is shorter. A longer limit does not extend
 * a key held under the old one.
 */
export async function fitVaultToPolicy(
  instances: readonly DeclareeInstance[],
  lifetimeMs: number,
  now: number,
): Promise<void> {
  const entry = await readVault(now);
  if (!entry) {
    return;
  }

  const limit = entry.capturedAt + lifetimeMs;
  if (!instances.includes(entry.instance) || limit <= now) {
    await forgetKey();
  } else if (limit < entry.expiresAt) {
    await browser.storage.session.set({ [vaultItem]: { ...entry, expiresAt: limit } });
    await browser.alarms.create(expiryAlarm, { when: limit });
  }
}

export async function forgetKey(): Promise<void> {
  await browser.storage.session.remove(vaultItem);
  await browser.alarms.clear(expiryAlarm);
}

export function keyStatusOf(entry: VaultEntry | undefined, withHint: boolean): KeyStatus {
  if (!entry) {
    return { held: false };
  }

  const status: KeyStatus = { held: true, instance: entry.instance, capturedAt: entry.capturedAt };
  const hint = keyHint(entry.key);
  if (withHint && hint) {
    status.hint = hint;
  }

  return status;
}
