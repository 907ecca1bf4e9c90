import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { declareeScimBaseUrl } from '../../fixtures/declaree/site.ts';
import {
  entraProvisioningMenuUrl,
  entraRecord,
  freshApplication,
  freshApplicationUrl,
} from '../../fixtures/entra/site.ts';
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
  replicas = await installReplicas(browser.context, { entra: { generation: 'new' } });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
});

/** A fresh application for each test, so no test sees another's saved configuration. */

async function frameFrom(host: RegExp): Promise<Frame> {
  await expect
    .poll(() => page.frames().some((frame) => host.test(new URL(frame.url()).host)))
    .toBe(true);
  const frame = page.frames().find((candidate) => host.test(new URL(candidate.url()).host));
  if (!frame) {
    throw new Error(`no frame from ${host}`);
  }

  return frame;
}

/** Presses "Connect your application" (a button) or "+ New configuration" (a Fluent menuitem). */
async function openForm(name: string, role: 'button' | 'menuitem' = 'button'): Promise<Frame> {
  const blade = await frameFrom(/^sandbox-1\.reactblade(-ms)?\.portal\.azure\.net$/);
  await blade.getByRole(role, { name }).click();

  const form = await frameFrom(/^sandbox-2\.reactblade(-ms)?\.portal\.azure\.net$/);
  await form.locator('input[type="password"]').waitFor();

  return form;
}

describe('Entra replica, new provisioning experience', () => {
  it('moves from Overview to Provisioning by hash only and opens the form in a second frame', async () => {
    replicas.configure({ entra: { generation: 'new', language: 'en' } });
    await page.goto(freshApplicationUrl('Overview'));
    await expect
      .poll(() => page.locator('.fxs-blade-title-titleText').textContent())
      .toBe('Declaree | Overview');
    await markDocument(page);
    const search = page.getByRole('combobox', {
      name: 'Search resources, services, and docs (G+/)',
    });
    expect(await search.getAttribute('placeholder')).toBe(
      'Search resources, services, and docs (G+/)',
    );

    await page.getByRole('link', { name: 'Provisioning', exact: true }).click();
    await expect
      .poll(() => page.locator('.fxs-blade-title-titleText').textContent())
      .toBe('Declaree | Provisioning');
    expect(new URL(page.url()).hash).toContain('/ManagedAppMenuBlade/~/Provisioning/objectId/');
    expect(await isSameDocument(page)).toBe(true);

    const form = await openForm('Connect your application');
    expect(await page.locator('iframe.fxs-part-frame').count()).toBe(2);
    await expect
      .poll(() => page.locator('.fxs-blade-title-titleText').allTextContents())
      .toEqual(['Declaree | Provisioning', 'New provisioning configuration']);
    for (const text of ['Admin credentials', 'Select authentication method', 'Tenant URL']) {
      expect(await form.getByText(text, { exact: true }).count()).toBe(1);
    }
    expect(await form.getByRole('combobox').textContent()).toContain('Bearer authentication');

    // Labels are visual only: nothing ties the inputs to them.
    const inputs = form.locator('input');
    expect(await inputs.count()).toBe(2);
    const secret = form.locator('input[type="password"]');
    for (const input of [inputs.first(), secret]) {
      expect(await input.evaluate((element) => (element as HTMLInputElement).labels?.length)).toBe(
        0,
      );
      expect(await input.getAttribute('aria-labelledby')).toBeNull();
      expect(await input.getAttribute('aria-label')).toBeNull();
    }

    // The form fits a 1400x900 window once the journey has scrolled to the new blade.
    await expect
      .poll(async () => {
        const box = await secret.boundingBox();
        return box !== null && box.x >= 0 && box.x + box.width <= 1400 && box.y + box.height <= 900;
      })
      .toBe(true);
    const create = form.getByRole('button', { name: 'Create' });
    expect(await create.isDisabled()).toBe(true);
  });

  it('ignores bare value assignments, fails a wrong key, passes a right one and creates', async () => {
    replicas.configure({ entra: { generation: 'new', language: 'en' } });
    const key = replicas.declaree.issueKey('com');
    const tenantUrl = declareeScimBaseUrl('com');
    const record = entraRecord(replicas.declaree);
    await page.goto(freshApplicationUrl('Provisioning'));
    const form = await openForm('Connect your application');
    const tenantInput = form.locator('input:not([type="password"])');
    const secretInput = form.locator('input[type="password"]');
    const testButton = form.getByRole('button', { name: 'Test connection' });

    await assignValueOnly(tenantInput, tenantUrl);
    await assignValueOnly(secretInput, key);
    await testButton.click();
    await toast(page, failureText).waitFor();
    expect(record.credentialTests.at(-1)).toMatchObject({
      tenantUrl: '',
      secretTokenPresent: false,
      askedScimEndpoint: false,
    });
    await dismissToasts(page);

    await fillLikeFramework(tenantInput, tenantUrl);
    await fillLikeFramework(secretInput, 'not-the-key');
    await testButton.click();
    const failure = toast(page, failureText);
    await failure.waitFor();
    expect(await failure.textContent()).toContain('Error code:');
    expect(await failure.textContent()).toContain('Details:');
    expect(record.credentialTests.at(-1)).toMatchObject({
      tenantUrl,
      succeeded: false,
      askedScimEndpoint: true,
    });
    expect(await form.getByRole('button', { name: 'Create' }).isDisabled()).toBe(true);
    await dismissToasts(page);

    await fillLikeFramework(secretInput, key);
    await testButton.click();
    await toast(page, successText).waitFor();
    expect(record.credentialTests.at(-1)).toMatchObject({ tenantUrl, succeeded: true });

    await form.getByRole('button', { name: 'Create' }).click();
    await toast(page, 'Provisioning configuration created').waitFor();
    expect(record.lastSavedConfiguration()).toMatchObject({
      generation: 'new',
      tenantUrl,
      secretTokenPresent: true,
    });
    expect(record.savedSecretTokenEquals(key)).toBe(true);
    await expect.poll(() => page.locator('iframe.fxs-part-frame').count()).toBe(1);
    const blade = await frameFrom(/^sandbox-1\.reactblade\.portal\.azure\.net$/);
    await blade.getByText(tenantUrl).waitFor();
  });

  it('works in frames sandboxed to an opaque origin, as the portal may sandbox them', async () => {
    replicas.configure({
      entra: { generation: 'new', language: 'en', frameSandbox: 'allow-scripts allow-forms' },
    });
    const key = replicas.declaree.issueKey('com');
    await page.goto(freshApplicationUrl('Provisioning'));
    const form = await openForm('Connect your application');
    expect(await form.evaluate(() => self.origin)).toBe('null');
    expect(await page.locator('iframe.fxs-part-frame').first().getAttribute('sandbox')).toBe(
      'allow-scripts allow-forms',
    );

    await fillLikeFramework(
      form.locator('input:not([type="password"])'),
      declareeScimBaseUrl('com'),
    );
    await fillLikeFramework(form.locator('input[type="password"]'), key);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await toast(page, successText).waitFor();
  });

  it('serves the ProvisioningMenuBlade route with the same React blade', async () => {
    replicas.configure({ entra: { generation: 'new', language: 'en', appName: 'Declaree EU' } });
    const application = freshApplication();
    await page.goto(entraProvisioningMenuUrl('https://portal.azure.com', application));
    expect(await page.locator('.fxs-blade-title-titleText').textContent()).toBe(
      'Declaree EU | Provisioning',
    );
    const form = await openForm('New configuration', 'menuitem');
    expect(await form.getByText('Secret token', { exact: true }).count()).toBe(1);
  });

  it('speaks German when the portal language is German', async () => {
    replicas.configure({ entra: { generation: 'new', language: 'de' } });
    await page.goto(freshApplicationUrl('Overview', 'https://ms.portal.azure.com'));
    await markDocument(page);
    expect(await page.locator('.fxs-search-input').getAttribute('placeholder')).toBe(
      'Ressourcen, Dienste und Dokumente durchsuchen (G+/)',
    );
    await page.getByRole('link', { name: 'Bereitstellung', exact: true }).click();
    await expect
      .poll(() => page.locator('.fxs-blade-title-titleText').textContent())
      .toBe('Declaree | Bereitstellung');
    expect(await isSameDocument(page)).toBe(true);

    const form = await openForm('Anwendung verbinden');
    for (const text of ['Mandanten-URL', 'Geheimes Token', 'Administratoranmeldeinformationen']) {
      expect(await form.getByText(text, { exact: true }).count()).toBe(1);
    }
    expect(await form.getByRole('button', { name: 'Verbindung testen' }).count()).toBe(1);
    expect(await form.getByRole('button', { name: 'Erstellen' }).isDisabled()).toBe(true);
  });
});
