/**
 * Smoke tests of the Declaree page replicas in Chromium without the extension: the way from the
 * dashboard to the "Declaree API" tab, generating and showing the key, and the variants (existing
 * key, key as text, Dutch, sentence case with hash routes, ARIA tabs with dialogs, sign-in).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { declareeAccountUrl, declareeDashboardUrl } from '../../fixtures/declaree/site.ts';
import { installReplicas, type Replicas } from '../../fixtures/replicas.ts';
import { type Browser, launchBrowser } from '../browser.ts';

const keyPattern = /^[A-Za-z0-9+/]{43}=$/;

let browser: Browser;
let replicas: Replicas;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  replicas = await installReplicas(browser.context);
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
});

/** Marks the document, so a test can tell a client-side route change from a page load. */
async function markDocument(): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset.testDocument = 'first';
  });
}

async function isSameDocument(): Promise<boolean> {
  return page.evaluate(() => document.documentElement.dataset.testDocument === 'first');
}

describe('Declaree replica pages', () => {
  it('leads from the admin name to Generate Key, shows the key and replaces it', async () => {
    replicas.configure({ declaree: {} });
    await page.goto(declareeDashboardUrl('com'));
    await markDocument();

    await page.getByRole('button', { name: /Sanne de Vries/ }).click();
    await page.getByRole('menuitem', { name: 'My Account' }).click();
    await page.getByRole('link', { name: 'Declaree API' }).click();
    await page.getByRole('button', { name: 'Generate Key' }).click();
    const keyInput = page.getByLabel('API key');
    await expect.poll(() => keyInput.inputValue()).toMatch(keyPattern);
    const firstKey = await keyInput.inputValue();

    expect(new URL(page.url()).pathname).toBe('/account/api');
    expect(await isSameDocument()).toBe(true);
    expect(await keyInput.getAttribute('readonly')).not.toBeNull();
    expect(firstKey).toBe(replicas.declaree.currentKey('com'));

    await page.getByRole('button', { name: 'Generate Key' }).click();
    await expect.poll(() => keyInput.inputValue()).not.toBe(firstKey);
    expect(await keyInput.inputValue()).toBe(replicas.declaree.currentKey('com'));
    await expect.poll(() => page.getByRole('button', { name: 'Copy' }).count()).toBe(1);
  });

  it('shows an existing key as soon as the tab opens by its URL', async () => {
    const existing = 'q3Vx9+Lk2/Zt8RmW0aYbC4dEfGhIjKlMnOpQrStUvWx=';
    replicas.configure({ declaree: { existingKey: { de: existing } } });

    await page.goto(declareeAccountUrl('de'));

    await expect.poll(() => page.getByLabel('API key').inputValue()).toBe(existing);
    expect(replicas.declaree.currentKey('de')).toBe(existing);
  });

  it('can show the key as plain text beside a Copy button', async () => {
    replicas.configure({ declaree: { keyDisplay: 'text' } });
    await page.goto(declareeAccountUrl('com'));

    await page.getByRole('button', { name: 'Generate Key' }).click();
    await expect.poll(() => page.locator('input[readonly]').count()).toBe(0);
    const key = replicas.declaree.currentKey('com') ?? '';

    await expect.poll(() => page.getByText(key, { exact: true }).isVisible()).toBe(true);
    expect(key).toMatch(keyPattern);
  });

  it('speaks Dutch', async () => {
    replicas.configure({ declaree: { language: 'nl' } });
    await page.goto(declareeDashboardUrl('com'));

    await page.getByRole('button', { name: /Sanne de Vries/ }).click();
    await page.getByRole('menuitem', { name: 'Mijn account' }).click();
    await page.getByRole('link', { name: 'Declaree API' }).click();
    await page.getByRole('button', { name: 'Genereer sleutel' }).click();

    await expect.poll(() => page.getByLabel('API-sleutel').inputValue()).toMatch(keyPattern);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mijn account');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });

  it('supports sentence case and hash routes', async () => {
    replicas.configure({ declaree: { casing: 'sentence', routing: 'hash' } });
    await page.goto(declareeDashboardUrl('de', 'hash'));
    await markDocument();

    await page.getByRole('button', { name: /Sanne de Vries/ }).click();
    await page.getByRole('menuitem', { name: 'My account', exact: true }).click();
    await page.getByRole('link', { name: 'Declaree API' }).click();
    await page.getByRole('button', { name: 'Generate key', exact: true }).click();

    await expect.poll(() => page.getByLabel('API key').inputValue()).toMatch(keyPattern);
    expect(new URL(page.url()).hash).toBe('#/account/api');
    expect(await isSameDocument()).toBe(true);
  });

  it('offers ARIA tabs, a confirmation and a one-time dialog for the new key', async () => {
    const existing = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abcd=';
    replicas.configure({
      declaree: {
        tabMarkup: 'aria',
        keyInModal: true,
        confirmRegenerate: true,
        existingKey: { com: existing },
      },
    });
    await page.goto(declareeAccountUrl('com'));

    const apiTab = page.getByRole('tab', { name: 'Declaree API' });
    expect(await apiTab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByLabel('API key').inputValue()).toMatch(/^•+bcd=$/);

    await page.getByRole('button', { name: 'Generate Key' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Continue' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your new API key' });
    const newKey = await dialog.getByLabel('API key').inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();

    expect(newKey).toBe(replicas.declaree.currentKey('com'));
    expect(newKey).not.toBe(existing);
    await expect
      .poll(() => page.getByLabel('API key').inputValue())
      .toBe(`${'•'.repeat(40)}${newKey.slice(-4)}`);
  });

  it('sends a signed-out admin through the login page to the tab asked for, and out', async () => {
    replicas.configure({ declaree: { signedIn: false, routing: 'hash' } });
    await page.goto(declareeAccountUrl('com', 'hash'));
    await page.waitForURL((url) => url.pathname === '/login');

    await page.getByLabel('E-mail address').fill('scim-admin@contoso.example');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Generate Key' }).waitFor();

    expect(new URL(page.url()).hash).toBe('#/account/api');

    await page.getByRole('button', { name: /Sanne de Vries/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto(declareeAccountUrl('com', 'hash'));
    await page.waitForURL((url) => url.pathname === '/login');
  });
});
