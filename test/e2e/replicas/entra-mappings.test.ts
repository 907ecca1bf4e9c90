/**
 * Smoke tests of the Entra replica's attribute mappings in Chromium without the extension: the
 * classic "Mappings" rows, the "Attribute Mapping" table with Entra's defaults for a non-gallery
 * SCIM app, "Edit Attribute" → "Source attribute" = mail → "Ok" → "Save" persisting per
 * application, the older "Azure Active Directory" names, the new experience's locked and then
 * editable "Attribute mapping", and the German labels.
 */
import { randomUUID } from 'node:crypto';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { declareeScimBaseUrl } from '../../fixtures/declaree/site.ts';
import { entraApplicationUrl, freshApplication } from '../../fixtures/entra/site.ts';
import {
  fillLikeFramework,
  frameFrom,
  saveClassicConfiguration,
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

async function saveClassic(
  application: { objectId: string; appId: string },
  language: 'en' | 'de' = 'en',
): Promise<void> {
  await saveClassicConfiguration(page, replicas, application, language);
}

/** The mapping table's row whose target cell is exactly `target`; `root` is the grid's frame. */
function rowOf(grid: Locator, target: string, root: Page | Frame = page): Locator {
  return grid
    .getByRole('row')
    .filter({ has: root.getByRole('gridcell', { name: target, exact: true }) });
}

describe('Entra replica, classic attribute mappings', () => {
  it('lists the defaults, edits the userName source and keeps it after Save', async () => {
    replicas.configure({ entra: { generation: 'classic', language: 'en' } });
    const application = freshApplication();
    await saveClassic(application);

    const blade = page.getByRole('region', { name: 'Declaree | Provisioning' });
    await blade.getByRole('button', { name: 'Mappings', exact: true }).click();
    const mappingLinks = blade.getByRole('link', { name: /^Provision Microsoft Entra ID / });
    expect(await mappingLinks.allTextContents()).toEqual([
      'Provision Microsoft Entra ID Groups',
      'Provision Microsoft Entra ID Users',
    ]);
    await blade.getByRole('link', { name: 'Provision Microsoft Entra ID Users' }).click();

    const mapping = page.getByRole('region', { name: 'Attribute Mapping' });
    const grid = mapping.getByRole('grid', { name: 'Attribute Mappings' });
    await rowOf(grid, 'userName').waitFor();
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual([
      'Microsoft Entra ID Attribute',
      'customappsso Attribute',
      'Matching precedence',
      'Remove',
    ]);
    const cells = async (target: string) =>
      (await rowOf(grid, target).getByRole('gridcell').allTextContents()).slice(0, 3);
    expect(await cells('userName')).toEqual(['userPrincipalName', 'userName', '1']);
    expect(await cells('externalId')).toEqual(['mailNickname', 'externalId', '']);
    expect(await cells('emails[type eq "work"].value')).toEqual([
      'mail',
      'emails[type eq "work"].value',
      '',
    ]);
    expect((await cells('active'))[0]).toContain('IsSoftDeleted');

    await rowOf(grid, 'userName').getByRole('link', { name: 'userPrincipalName' }).click();
    const edit = page.getByRole('region', { name: 'Edit Attribute' });
    const source = edit.getByRole('combobox', { name: 'Source attribute' });
    expect(await source.textContent()).toContain('userPrincipalName');
    expect(await edit.getByRole('combobox', { name: 'Target attribute' }).textContent()).toContain(
      'userName',
    );
    await source.click();
    await edit.getByRole('option', { name: 'mail', exact: true }).click();
    await edit.getByRole('button', { name: 'Ok' }).click();
    await expect.poll(() => edit.count()).toBe(0);
    expect(await cells('userName')).toEqual(['mail', 'userName', '1']);
    expect(replicas.entra.userNameSourceOf(application.objectId)).toBe('userPrincipalName');

    await mapping.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, 'Saved attribute mappings').waitFor();
    expect(replicas.entra.userNameSourceOf(application.objectId)).toBe('mail');
    expect(replicas.entra.savedMappings.at(-1)).toMatchObject({
      objectId: application.objectId,
      mapping: 'users',
      userNameSource: 'mail',
    });

    // Saved per application: a fresh page load shows it, another application does not.
    await page.reload();
    await blade.getByRole('button', { name: 'Mappings', exact: true }).click();
    await blade.getByRole('link', { name: 'Provision Microsoft Entra ID Users' }).click();
    await expect.poll(() => cells('userName')).toEqual(['mail', 'userName', '1']);
    expect(replicas.entra.userNameSourceOf(randomUUID())).toBe('userPrincipalName');
  });

  it('follows the userNameSource option and the older Azure AD names', async () => {
    replicas.configure({
      entra: { generation: 'classic', userNameSource: 'mail', mappingNames: 'azureAd' },
    });
    await saveClassic(freshApplication());
    const blade = page.getByRole('region', { name: 'Declaree | Provisioning' });
    await blade.getByRole('button', { name: 'Mappings', exact: true }).click();
    await blade.getByRole('link', { name: 'Provision Azure Active Directory Users' }).click();
    const grid = page.getByRole('region', { name: 'Attribute Mapping' }).getByRole('grid');
    await rowOf(grid, 'userName').waitFor();
    expect(await grid.getByRole('columnheader').first().textContent()).toBe(
      'Azure Active Directory Attribute',
    );
    expect(await rowOf(grid, 'userName').getByRole('gridcell').first().textContent()).toBe('mail');

    await blade.getByRole('link', { name: 'Provision Azure Active Directory Groups' }).click();
    await rowOf(grid, 'members').waitFor();
    expect(await rowOf(grid, 'displayName').getByRole('gridcell').allTextContents()).toEqual([
      'displayName',
      'displayName',
      '1',
      'Delete',
    ]);
    expect(await rowOf(grid, 'externalId').getByRole('gridcell').first().textContent()).toBe(
      'objectId',
    );
  });

  it('speaks German', async () => {
    replicas.configure({ entra: { generation: 'classic', language: 'de' } });
    await saveClassic(freshApplication(), 'de');
    const blade = page.getByRole('region', { name: 'Declaree | Bereitstellung' });
    await blade.getByRole('button', { name: 'Zuordnungen' }).click();
    await blade.getByRole('link', { name: 'Microsoft Entra ID-Benutzer bereitstellen' }).click();
    const mapping = page.getByRole('region', { name: 'Attributzuordnung' });
    const grid = mapping.getByRole('grid', { name: 'Attributzuordnungen' });
    await rowOf(grid, 'userName').waitFor();
    expect((await grid.getByRole('columnheader').allTextContents()).slice(0, 3)).toEqual([
      'Microsoft Entra ID-Attribut',
      'customappsso-Attribut',
      'Rangfolge für Abgleich',
    ]);
    await rowOf(grid, 'userName').getByRole('link', { name: 'userPrincipalName' }).click();
    const edit = page.getByRole('region', { name: 'Attribut bearbeiten' });
    await edit.getByRole('combobox', { name: 'Quellattribut' }).click();
    await edit.getByRole('option', { name: 'mail', exact: true }).click();
    await edit.getByRole('button', { name: 'OK' }).click();
    await mapping.getByRole('button', { name: 'Speichern' }).click();
    await toast(page, 'Attributzuordnungen gespeichert').waitFor();
  });
});

describe('Entra replica, new experience attribute mapping', () => {
  it('unlocks after a passing test, edits in a panel and keeps it after Create', async () => {
    replicas.configure({ entra: { generation: 'new', language: 'en' } });
    const application = freshApplication();
    await page.goto(entraApplicationUrl('Provisioning', undefined, application));
    const blade = await frameFrom(page, /^sandbox-1\.reactblade\.portal\.azure\.net$/);
    await blade.getByRole('button', { name: 'Connect your application' }).click();
    const form = await frameFrom(page, /^sandbox-2\.reactblade\.portal\.azure\.net$/);
    const step = form.getByRole('button', { name: 'Attribute mapping' });
    await step.waitFor();
    expect(await step.isDisabled()).toBe(true);

    await fillLikeFramework(
      form.locator('input:not([type="password"])'),
      declareeScimBaseUrl('com'),
    );
    await fillLikeFramework(
      form.locator('input[type="password"]'),
      replicas.declaree.issueKey('com'),
    );
    await form.getByRole('button', { name: 'Test connection' }).click();
    await toast(page, successText).waitFor();
    await expect.poll(() => step.isEnabled()).toBe(true);
    await step.click();

    const grid = form.getByRole('grid', { name: 'Attribute mapping' });
    const userName = rowOf(grid, 'userName', form);
    await userName.waitFor();
    const headers = await grid.getByRole('columnheader').allTextContents();
    expect(headers.slice(0, 2)).toEqual(['Source Attribute', 'Target Attribute']);
    // Fluent draws a Link without an address as a button.
    await userName.getByRole('button', { name: 'userPrincipalName' }).click();
    const panel = form.getByRole('dialog', { name: 'Edit attribute' });
    await panel.getByRole('combobox', { name: 'Source attribute' }).click();
    await form.getByRole('option', { name: 'mail', exact: true }).click();
    await panel.getByRole('button', { name: 'Ok' }).click();
    await expect.poll(() => panel.count()).toBe(0);
    await userName.getByRole('button', { name: 'mail', exact: true }).waitFor();
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, 'Saved attribute mappings').waitFor();
    expect(replicas.entra.userNameSourceOf(application.objectId)).toBe('mail');

    await form.getByRole('button', { name: 'Create' }).click();
    await toast(page, 'Provisioning configuration created').waitFor();
    await blade.getByRole('link', { name: 'Attribute mapping' }).click();
    await rowOf(blade.getByRole('grid', { name: 'Attribute mapping' }), 'userName', blade)
      .getByRole('button', { name: 'mail', exact: true })
      .waitFor();
  });
});
