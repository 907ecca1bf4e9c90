/**
 * Declaree's API tab in its variants: a key already shown, English and Dutch, the key as text or
 * in a dialog, and a key shown only in part. The extension must hold a full key as soon as one is
 * on the page, say which instance it belongs to, and warn before a key in use is replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { declareeAccountUrl } from '../fixtures/declaree/site.ts';
import type { ReplicaOptions } from '../fixtures/replicas.ts';
import { guidePanel, type Session, startSession, storageArea } from './extension.ts';
import { heldText } from './journey.ts';

const existingKey = 'Zq8mN2vX5bL0pW7tR4yK1cD9fG3hJ6sA8eU2iO5nM0q=';
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openApiTab(options: ReplicaOptions, instance: 'com' | 'de' = 'com') {
  session = await startSession(options);
  const page = await session.newPage();
  await page.goto(declareeAccountUrl(instance));
  await guidePanel(page).waitFor();
  return { page, session };
}

async function vaultKey(current: Session): Promise<string | undefined> {
  const { vault } = await storageArea(current, 'session');
  return (vault as { key?: string } | undefined)?.key;
}

describe('Declaree API tab', () => {
  it('holds a key already shown, and warns that generating a new one breaks integrations', async () => {
    const { page, session: current } = await openApiTab(
      {
        declaree: { existingKey: { de: existingKey } },
      },
      'de',
    );
    const panel = guidePanel(page);
    await panel.getByText(heldText).waitFor();

    expect(await panel.textContent()).toContain('A key is already shown on this page');
    expect(await panel.textContent()).toContain('breaks every integration that uses it');
    expect(await panel.textContent()).toContain('DE instance (app.declaree.de)');
    expect(await vaultKey(current)).toBe(existingKey);
  });

  it('guides to Generate Key in Dutch and holds the new key for the EU instance', async () => {
    const { page, session: current } = await openApiTab({ declaree: { language: 'nl' } });
    const panel = guidePanel(page);
    await panel.getByText(/Press Generate Key/).waitFor();

    await page.getByRole('button', { name: 'Genereer sleutel' }).click();
    await panel.getByText(heldText).waitFor();
    expect(await panel.textContent()).toContain('EU instance (app.declaree.com)');
    expect(await panel.textContent()).not.toContain('A key is already shown');
    expect(await vaultKey(current)).toBe(current.replicas.declaree.currentKey('com'));
  });

  it('reads a key shown as plain text', async () => {
    const { page, session: current } = await openApiTab({ declaree: { keyDisplay: 'text' } });
    await page.getByRole('button', { name: 'Generate Key' }).click();
    await guidePanel(page).getByText(heldText).waitFor();
    expect(await vaultKey(current)).toBe(current.replicas.declaree.currentKey('com'));
  });

  it('reads a key shown once in a dialog, and explains a key shown only in part', async () => {
    const { page, session: current } = await openApiTab({
      declaree: { keyInModal: true, existingKey: { com: existingKey } },
    });
    const panel = guidePanel(page);
    await panel.getByText(/shows only part of the key/).waitFor();
    expect(await vaultKey(current)).toBeUndefined();

    await page.getByRole('button', { name: 'Generate Key' }).click();
    await panel.getByText(heldText).waitFor();
    const newKey = current.replicas.declaree.currentKey('com');
    expect(newKey).not.toBe(existingKey);
    expect(await vaultKey(current)).toBe(newKey);
  });

  it('holds the key regenerated after the first one, and only that one', async () => {
    const { page, session: current } = await openApiTab({});
    await page.getByRole('button', { name: 'Generate Key' }).click();
    await guidePanel(page).getByText(heldText).waitFor();
    const first = current.replicas.declaree.currentKey('com');

    await page.getByRole('button', { name: 'Generate Key' }).click();
    await expect.poll(() => current.replicas.declaree.currentKey('com')).not.toBe(first);
    await expect.poll(() => vaultKey(current)).toBe(current.replicas.declaree.currentKey('com'));
  });
});
