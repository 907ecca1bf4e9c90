/**
 * Smoke tests of the Entra replica's pages before provisioning, in Chromium without the
 * extension: the home page and the Entra ID overview (a React view in a sandbox frame), the left
 * navigation to "Enterprise applications", the application list with and without an existing
 * Declaree app, the gallery's "Create your own application" pane (Knockout, needs a name, moves
 * by hash only to the new app's Overview), the Getting Started tiles, and the German labels.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entraPortalUrl, listedApplication } from '../../fixtures/entra/site.ts';
import {
  bladeTitles,
  frameFrom,
  isSameDocument,
  markDocument,
  toast,
} from '../../fixtures/entra/testing.ts';
import { installReplicas, type Replicas } from '../../fixtures/replicas.ts';
import { type Browser, launchBrowser } from '../browser.ts';

let browser: Browser;
let replicas: Replicas;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  replicas = await installReplicas(browser.context, {});
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
});

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Entra replica, home and tenant overview', () => {
  it('shows the tenant in a React frame at home and at the overview route', async () => {
    replicas.configure({
      entra: { tenant: { name: 'Fabrikam', id: '0d3c7b1e-5a2f-4e8d-9b6c-1f2e3d4c5b6a' } },
    });
    await page.goto(entraPortalUrl('home'));
    expect(await bladeTitles(page)).toEqual(['Home']);
    const home = await frameFrom(page, /^sandbox-1\.reactblade\.portal\.azure\.net$/);
    await home.getByRole('searchbox', { name: 'Search your tenant' }).waitFor();
    for (const label of ['Basic information', 'Tenant ID', 'Primary domain']) {
      expect(await home.getByText(label, { exact: true }).count()).toBe(1);
    }
    expect(await home.getByText('0d3c7b1e-5a2f-4e8d-9b6c-1f2e3d4c5b6a').count()).toBe(1);
    expect(await home.getByText('contoso.onmicrosoft.com').count()).toBe(1);
    expect(await home.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe(
      'true',
    );

    await markDocument(page);
    await page
      .getByRole('navigation', { name: 'Portal navigation' })
      .getByRole('link', {
        name: 'Overview',
      })
      .click();
    await expect.poll(() => bladeTitles(page)).toEqual(['Fabrikam | Overview']);
    expect(new URL(page.url()).hash).toBe('#view/Microsoft_AAD_IAM/TenantOverview.ReactView');
    expect(await page.locator('.fxs-blade-title-subtitle').textContent()).toBe(
      'Microsoft Entra ID',
    );

    await page.getByRole('link', { name: 'Enterprise applications', exact: true }).click();
    await expect
      .poll(() => bladeTitles(page))
      .toEqual(['Enterprise applications | All applications']);
    expect(await isSameDocument(page)).toBe(true);
  });

  it("serves the Azure portal's directory blade and home with the same overview", async () => {
    replicas.configure({ entra: {} });
    await page.goto(entraPortalUrl('directoryOverview', 'https://portal.azure.com'));
    expect(await bladeTitles(page)).toEqual(['Contoso | Overview']);
    const menu = page.getByRole('navigation', { name: 'Contoso' });
    expect(await menu.getByRole('link', { name: 'Enterprise applications' }).count()).toBe(1);
    const overview = await frameFrom(page, /^sandbox-1\.reactblade\.portal\.azure\.net$/);
    await overview.getByText('Basic information').waitFor();

    await page.goto('https://portal.azure.com/#home');
    expect(await page.getByRole('heading', { name: 'Azure services' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Microsoft Entra ID' }).click();
    await expect.poll(() => bladeTitles(page)).toEqual(['Contoso | Overview']);
  });
});

describe('Entra replica, enterprise applications and the gallery', () => {
  it('lists applications, with a Declaree app only when one exists', async () => {
    replicas.configure({ entra: {} });
    await page.goto(entraPortalUrl('enterpriseApplications'));
    const grid = page.getByRole('grid');
    await grid.getByRole('link', { name: 'Salesforce' }).waitFor();
    expect(await page.getByText('8 applications found').count()).toBe(1);
    expect(await grid.getByRole('link', { name: 'Declaree' }).count()).toBe(0);
    const header = await grid.getByRole('columnheader').allTextContents();
    expect(header.slice(0, 3)).toEqual(['Name', 'Object ID', 'Application ID']);

    replicas.configure({ entra: { existingDeclareeApp: true } });
    await page.reload();
    const declaree = grid.getByRole('row').filter({ hasText: 'Declaree' });
    await declaree.waitFor();
    expect(await declaree.textContent()).toContain(listedApplication.objectId);
    expect(await declaree.textContent()).toContain(listedApplication.appId);

    await page
      .getByRole('searchbox', { name: 'Search by application name or object ID' })
      .fill('decl');
    expect(await page.getByText('1 application found').count()).toBe(1);
  });

  it('creates a non-gallery application in the side pane and opens its overview', async () => {
    replicas.configure({ entra: { appName: 'Declaree' } });
    const record = replicas.entra.directory;
    await page.goto(entraPortalUrl('enterpriseApplications'));
    await markDocument(page);
    await page.getByRole('link', { name: 'New application' }).click();
    await expect.poll(() => bladeTitles(page)).toEqual(['Browse Microsoft Entra Gallery']);

    await page.getByRole('button', { name: 'Create your own application' }).click();
    const pane = page.getByRole('region', { name: 'Create your own application' });
    const name = pane.getByRole('textbox', { name: "What's the name of your app?" });
    expect(await name.getAttribute('placeholder')).toBe('Input name');
    const create = pane.getByRole('button', { name: 'Create', exact: true });
    expect(await create.isDisabled()).toBe(true);
    const nonGallery = pane.getByRole('radio', {
      name: "Integrate any other application you don't find in the gallery (Non-gallery)",
    });
    expect(await nonGallery.isChecked()).toBe(true);
    for (const other of [
      'Configure Application Proxy for secure remote access to an on-premises application',
      "Register an application to integrate with Microsoft Entra ID (App you're developing)",
    ]) {
      expect(await pane.getByRole('radio', { name: other }).isChecked()).toBe(false);
    }

    await name.fill('   ');
    expect(await create.isDisabled()).toBe(true);
    await name.fill('Sales');
    expect(await pane.getByText('We found the following applications').count()).toBe(1);
    await name.fill('Declaree SCIM');
    expect(await create.isEnabled()).toBe(true);
    await create.click();
    await toast(page, 'Adding application').waitFor();
    await toast(page, 'Successfully added application').waitFor();
    await expect.poll(() => bladeTitles(page)).toEqual(['Declaree SCIM | Overview']);
    expect(await isSameDocument(page)).toBe(true);

    const created = record.createdApplications.at(-1);
    expect(created?.name).toBe('Declaree SCIM');
    expect(created?.objectId).toMatch(guid);
    expect(created?.objectId).not.toBe(listedApplication.objectId);
    expect(new URL(page.url()).hash).toBe(
      `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/objectId/${created?.objectId}` +
        `/appId/${created?.appId}`,
    );
    for (const tile of [
      '1. Assign users and groups',
      '2. Set up single sign on',
      '3. Provision User Accounts',
      '4. Conditional Access',
      '5. Self service',
    ]) {
      expect(await page.getByRole('heading', { name: tile }).count()).toBe(1);
    }
    expect(await page.getByRole('link', { name: 'Assign users and groups' }).count()).toBe(1);

    // The new application is in the list, and keeps its name when its page is loaded afresh.
    await page.getByRole('link', { name: 'Properties', exact: true }).click();
    await expect.poll(() => bladeTitles(page)).toEqual(['Declaree SCIM | Properties']);
    await page.reload();
    expect(await bladeTitles(page)).toEqual(['Declaree SCIM | Properties']);
    await page.goto(entraPortalUrl('enterpriseApplications'));
    await page.getByRole('grid').getByRole('link', { name: 'Declaree SCIM' }).waitFor();
  });

  it('leaves the gallery for the other two choices without creating anything', async () => {
    replicas.configure({ entra: {} });
    const before = replicas.entra.directory.createdApplications.length;
    await page.goto(entraPortalUrl('gallery'));
    await page.getByRole('button', { name: 'Create your own application' }).click();
    const pane = page.getByRole('region', { name: 'Create your own application' });
    await pane.getByRole('textbox').fill('My API');
    await pane.getByRole('radio', { name: /Register an application/ }).check();
    await pane.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => bladeTitles(page)).toEqual(['Register an application']);
    expect(replicas.entra.directory.createdApplications.length).toBe(before);
  });

  it('speaks German', async () => {
    replicas.configure({ entra: { language: 'de' } });
    await page.goto(entraPortalUrl('enterpriseApplications'));
    await expect
      .poll(() => bladeTitles(page))
      .toEqual(['Unternehmensanwendungen | Alle Anwendungen']);
    // Other tests of this file may have added applications already.
    await page.getByText(/^\d+ Anwendungen gefunden$/).waitFor();
    await page.getByRole('link', { name: 'Neue Anwendung' }).click();
    await page.getByRole('button', { name: 'Eigene Anwendung erstellen' }).click();
    const pane = page.getByRole('region', { name: 'Eigene Anwendung erstellen' });
    await pane.getByRole('textbox', { name: 'Wie lautet der Name Ihrer App?' }).fill('Declaree');
    expect(await pane.getByRole('radio', { name: /nicht im Katalog/ }).isChecked()).toBe(true);
    await pane.getByRole('button', { name: 'Erstellen' }).click();
    await expect.poll(() => bladeTitles(page)).toEqual(['Declaree | Übersicht']);
    expect(
      await page.getByRole('heading', { name: '1. Benutzer und Gruppen zuweisen' }).count(),
    ).toBe(1);
    expect(await page.getByRole('link', { name: 'Get started' }).count()).toBe(3);

    await page.goto(entraPortalUrl('home'));
    const home = await frameFrom(page, /^sandbox-1\.reactblade\.portal\.azure\.net$/);
    await home.getByRole('searchbox', { name: 'Mandanten durchsuchen' }).waitFor();
    expect(await home.getByText('Mandanten-ID').count()).toBe(1);
  });
});
