import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { declareeScimBaseUrl } from '../../fixtures/declaree/site.ts';
import { entraRecord, freshApplicationUrl } from '../../fixtures/entra/site.ts';
import {
  assignValueOnly,
  dismissToasts,
  failureText,
  fillLikeFramework,
  isSameDocument,
  markDocument,
  successText,
  toast,
} from '../../fixtures/entra/testing.ts';
import { installReplicas, type Replicas } from '../../fixtures/replicas.ts';
import { type Browser, launchBrowser } from '../browser.ts';

let browser: Browser;
let replicas: Replicas;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  replicas = await installReplicas(browser.context, { entra: { generation: 'classic' } });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
});

/** A fresh application for each test, so no test sees another's saved configuration. */

describe('Entra replica, classic provisioning blade', () => {
  it('reaches the form by hash, takes only framework-visible values and saves', async () => {
    replicas.configure({ entra: { generation: 'classic', language: 'en' } });
    const key = replicas.declaree.issueKey('com');
    const tenantUrl = declareeScimBaseUrl('com');
    const record = entraRecord(replicas.declaree);
    await page.goto(freshApplicationUrl('Overview'));
    await markDocument(page);
    await page.getByRole('link', { name: 'Provisioning', exact: true }).click();
    await page.getByRole('button', { name: 'Get started' }).click();
    expect(await isSameDocument(page)).toBe(true);
    expect(await page.locator('.fxs-blade-title-titleText').textContent()).toBe(
      'Declaree | Provisioning',
    );

    const mode = page.getByRole('combobox', { name: 'Provisioning Mode' });
    expect(await mode.textContent()).toContain('Manual');
    await mode.click();
    await page.getByRole('option', { name: 'Automatic' }).click();
    expect(await mode.textContent()).toContain('Automatic');

    const tenantInput = page.getByRole('textbox', { name: 'Tenant URL' });
    const secretInput = page.getByLabel('Secret Token');
    expect(await secretInput.getAttribute('type')).toBe('password');
    expect(await tenantInput.evaluate((input) => (input as HTMLInputElement).labels?.length)).toBe(
      0,
    );
    expect(await page.locator('.azc-passwordField input').getAttribute('aria-labelledby')).toMatch(
      /^form-label-id-/,
    );
    const testButton = page.getByRole('button', { name: 'Test Connection' });

    await assignValueOnly(tenantInput, tenantUrl);
    await assignValueOnly(secretInput, key);
    await testButton.click();
    await toast(page, failureText).waitFor();
    expect(record.credentialTests.at(-1)).toMatchObject({
      tenantUrl: '',
      askedScimEndpoint: false,
    });
    await dismissToasts(page);

    await fillLikeFramework(tenantInput, tenantUrl);
    await fillLikeFramework(secretInput, `${key}x`);
    await testButton.click();
    const failure = toast(page, failureText);
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/Error code:.*Details:/s);
    expect(record.credentialTests.at(-1)).toMatchObject({ tenantUrl, succeeded: false });
    await dismissToasts(page);

    await fillLikeFramework(secretInput, key);
    await testButton.click();
    await toast(page, successText).waitFor();

    expect(await page.getByRole('button', { name: 'Mappings' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, 'Saved provisioning settings').waitFor();
    expect(record.lastSavedConfiguration()).toMatchObject({
      generation: 'classic',
      mode: 'Automatic',
      tenantUrl,
      secretTokenPresent: true,
    });
    expect(record.savedSecretTokenEquals(key)).toBe(true);
    // The top bar has a "Settings" button too, as in the real portal: look inside the blade.
    const blade = page.getByRole('region', { name: 'Declaree | Provisioning' });
    await blade.getByRole('button', { name: 'Settings', exact: true }).click();
    expect(await page.getByRole('combobox', { name: 'Scope' }).textContent()).toContain(
      'Sync only assigned users and groups',
    );
    await page.getByRole('radio', { name: 'On' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => record.lastSavedConfiguration()?.provisioningStatus).toBe('On');
    expect(record.savedSecretTokenEquals(key)).toBe(true);
  });

  it('operates the Provisioning Mode drop-down with the keyboard', async () => {
    replicas.configure({ entra: { generation: 'classic', language: 'en' } });
    await page.goto(freshApplicationUrl('Provisioning'));
    await page.getByRole('button', { name: 'Get started' }).click();
    const mode = page.getByRole('combobox', { name: 'Provisioning Mode' });
    await mode.focus();
    await page.keyboard.press('Enter');
    expect(await mode.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await mode.getAttribute('aria-expanded')).toBe('false');
    expect(await mode.textContent()).toContain('Automatic');
    await page.keyboard.press('ArrowUp');
    expect(await mode.textContent()).toContain('Manual');
    expect(await page.getByRole('textbox', { name: 'Tenant URL' }).count()).toBe(0);
  });

  it('speaks German, keeping "Get started" in English', async () => {
    replicas.configure({ entra: { generation: 'classic', language: 'de' } });
    await page.goto(freshApplicationUrl('Provisioning', 'https://portal.azure.com'));
    expect(await page.locator('.fxs-search-input').getAttribute('placeholder')).toBe(
      'Ressourcen, Dienste und Dokumente durchsuchen (G+/)',
    );
    await page.getByRole('button', { name: 'Get started' }).click();
    const mode = page.getByRole('combobox', { name: 'Bereitstellungsmodus' });
    await mode.click();
    await page.getByRole('option', { name: 'Automatisch' }).click();
    expect(
      await page.getByRole('button', { name: 'Administratoranmeldeinformationen' }).count(),
    ).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Mandanten-URL' }).count()).toBe(1);
    expect(await page.getByLabel('Geheimes Token').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Verbindung testen' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Speichern' }).count()).toBe(1);
    expect(await page.locator('.fxs-blade-title-titleText').textContent()).toBe(
      'Declaree | Bereitstellung',
    );
  });
});

describe('Entra replica, provisioning overview page', () => {
  it('offers the overview commands and edits provisioning in the classic form', async () => {
    replicas.configure({ entra: { generation: 'overview', language: 'en' } });
    const key = replicas.declaree.issueKey('de');
    const tenantUrl = declareeScimBaseUrl('de');
    await page.goto(freshApplicationUrl('Provisioning'));
    for (const name of ['Start provisioning', 'Stop provisioning', 'Restart provisioning']) {
      expect(await page.getByRole('button', { name, exact: true }).isDisabled()).toBe(true);
    }
    expect(await page.getByRole('link', { name: 'View provisioning logs' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Edit provisioning' }).click();
    const form = page.locator('.fxs-blade-child');
    await form.getByRole('button', { name: 'Get started' }).click();
    await form.getByRole('combobox', { name: 'Provisioning Mode' }).click();
    await form.getByRole('option', { name: 'Automatic' }).click();
    await fillLikeFramework(form.getByRole('textbox', { name: 'Tenant URL' }), tenantUrl);
    await fillLikeFramework(form.getByLabel('Secret Token'), key);
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, 'Saved provisioning settings').waitFor();

    const start = page.getByRole('button', { name: 'Start provisioning', exact: true });
    await expect.poll(() => start.isEnabled()).toBe(true);
    await start.click();
    await toast(page, 'Started provisioning').waitFor();
    // A fresh job starts with its initial cycle (the replica's cycles last 1.5 s by default).
    await page.getByText(/^Initial cycle (in progress|completed)\.$/).waitFor();
    expect(entraRecord(replicas.declaree).jobActions.at(-1)?.action).toBe('start');
  });
});
