import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entraApplicationUrl, freshApplication } from '../../fixtures/entra/site.ts';
import {
  bladeTitles,
  fillLikeFramework,
  frameFrom,
  saveClassicConfiguration,
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

/**
 * Loads the portal afresh: a `goto` that only changes the hash stays in the same document,
 * which keeps the options the page was served with.
 */
async function load(url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

const quarantineText =
  'Provisioning has been quarantined. See quarantine details for more information.';

describe('Entra replica, classic settings and status', () => {
  it('saves Scope and Provisioning Status and shows the cycles that follow', async () => {
    replicas.configure({ entra: { generation: 'classic', cycleMilliseconds: 300 } });
    const application = freshApplication();
    await saveClassicConfiguration(page, replicas, application);
    const blade = page.getByRole('region', { name: 'Declaree | Provisioning' });
    await blade.getByText('Initial cycle not run.').waitFor();

    await blade.getByRole('button', { name: 'Settings', exact: true }).click();
    await blade.getByRole('combobox', { name: 'Scope' }).click();
    await blade.getByRole('option', { name: 'Sync all users and groups' }).click();
    await blade.getByRole('radio', { name: 'On' }).click();
    await blade.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => replicas.entra.lastSavedConfiguration())
      .toMatchObject({ objectId: application.objectId, scope: 'all', provisioningStatus: 'On' });
    await blade.getByText('Incremental cycle completed.').waitFor();
    expect(replicas.entra.configurationOf(application.objectId)).toMatchObject({
      jobState: 'Running',
      cycle: 'IncrementalCompleted',
    });
    const statistics = await blade.locator('.msportalfx-statistics dd').allTextContents();
    expect(Number(statistics[1])).toBeGreaterThan(100);

    await blade.getByRole('combobox', { name: 'Scope' }).click();
    await blade.getByRole('option', { name: 'Sync only assigned users and groups' }).click();
    await blade.getByRole('radio', { name: 'Off' }).click();
    await blade.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => replicas.entra.lastSavedConfiguration())
      .toMatchObject({ scope: 'assigned', provisioningStatus: 'Off' });
    await blade.getByText('Provisioning is stopped.').waitFor();
  });
});

describe('Entra replica, overview page and provisioning logs', () => {
  it('starts provisioning, follows the cycle and lists failures with error codes', async () => {
    replicas.configure({ entra: { generation: 'classic', cycleMilliseconds: 300 } });
    const application = freshApplication();
    await saveClassicConfiguration(page, replicas, application);
    replicas.configure({ entra: { generation: 'overview', cycleMilliseconds: 300 } });
    await load(entraApplicationUrl('Provisioning', undefined, application));
    await page.getByText('Current cycle status').waitFor();
    await page.getByText('Initial cycle not run.').waitFor();

    await page.getByRole('button', { name: 'Start provisioning', exact: true }).click();
    await toast(page, 'Started provisioning').waitFor();
    expect(replicas.entra.jobActions.at(-1)).toEqual({
      objectId: application.objectId,
      action: 'start',
    });
    await page.getByText('Incremental cycle completed.').waitFor();
    expect(await page.getByRole('button', { name: 'Stop provisioning' }).isEnabled()).toBe(true);

    await page.getByRole('link', { name: 'View provisioning logs' }).first().click();
    await expect.poll(() => bladeTitles(page)).toEqual(['Declaree | Provisioning logs']);
    const grid = page.getByRole('grid', { name: 'Provisioning logs' });
    await grid.getByRole('row').nth(5).waitFor();
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual([
      'Date',
      'Identity',
      'Action',
      'Source System',
      'Target System',
      'Status',
    ]);
    const failures = grid.getByRole('row').filter({ hasText: 'Failure' });
    expect(await failures.count()).toBeGreaterThanOrEqual(3);
    const first = await grid.getByRole('row').nth(1).getByRole('gridcell').allTextContents();
    expect(first.slice(3, 5)).toEqual(['Microsoft Entra ID', 'Declaree']);

    // The duplicate group "finance" failed; its code is in the details, as in the portal.
    await grid
      .getByRole('row')
      .filter({ hasText: /\bfinance\b/ })
      .filter({ hasText: 'Failure' })
      .click();
    const details = page.getByRole('region', { name: 'Provisioning log details' });
    await details.getByText('SystemForCrossDomainIdentityManagementBadResponse').waitFor();
    await details.getByRole('tab', { name: 'Troubleshooting & Recommendations' }).click();
    expect(await details.getByRole('tabpanel').textContent()).toContain('HTTP/409 Conflict');
  });

  it('offers chosen sets of log entries', async () => {
    replicas.configure({ entra: { generation: 'overview', provisioningLogs: 'empty' } });
    await page.goto(entraApplicationUrl('ProvisioningLogs', undefined, freshApplication()));
    await page.getByText('No provisioning events found for the selected filters.').waitFor();

    replicas.configure({
      entra: { generation: 'overview', provisioningLogs: 'credentialFailure' },
    });
    await page.reload();
    const grid = page.getByRole('grid', { name: 'Provisioning logs' });
    await grid.getByRole('row').nth(1).click();
    const details = page.getByRole('region', { name: 'Provisioning log details' });
    await details
      .getByText('SystemForCrossDomainIdentityManagementCredentialValidationUnavailable')
      .waitFor();
  });
});

describe('Entra replica, quarantine', () => {
  it('warns on the overview page with its reason until working credentials are saved', async () => {
    replicas.configure({ entra: { generation: 'overview', quarantine: true } });
    const application = freshApplication();
    await page.goto(entraApplicationUrl('Provisioning', undefined, application));
    const banner = page.getByRole('status').filter({ hasText: 'quarantined' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(quarantineText);
    await banner.getByRole('button', { name: 'Quarantine details' }).click();
    expect(await banner.textContent()).toContain('EncounteredQuarantineException');
    expect(await banner.textContent()).toContain(
      'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
    );

    // The old key still fails after a restart; a new key saved in the classic form ends it.
    await page.getByRole('button', { name: 'Restart provisioning' }).click();
    await toast(page, 'Restarted provisioning').waitFor();
    expect(replicas.entra.configurationOf(application.objectId).quarantine).toBeDefined();
    await page.getByRole('button', { name: 'Edit provisioning' }).click();
    const form = page.locator('.fxs-blade-child');
    await fillLikeFramework(
      form.locator('input[type="password"]'),
      replicas.declaree.issueKey('com'),
    );
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, 'Saved provisioning settings').waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    expect(replicas.entra.configurationOf(application.objectId).quarantine).toBeUndefined();
  });

  it('warns in the classic form and in the new experience, in German too', async () => {
    replicas.configure({ entra: { generation: 'classic', quarantine: true } });
    await page.goto(entraApplicationUrl('Provisioning', undefined, freshApplication()));
    await page.getByRole('status').filter({ hasText: quarantineText }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Provisioning Mode' }).textContent()).toContain(
      'Automatic',
    );

    replicas.configure({ entra: { generation: 'new', quarantine: true } });
    await load(entraApplicationUrl('Provisioning', undefined, freshApplication()));
    const blade = await frameFrom(page, /^sandbox-1\.reactblade\.portal\.azure\.net$/);
    await blade.getByText(quarantineText).waitFor();
    await blade.getByRole('button', { name: 'Quarantine details' }).click();
    await blade.getByText('EncounteredQuarantineException').waitFor();
    expect(await blade.getByRole('link', { name: 'Start provisioning' }).count()).toBe(1);

    replicas.configure({ entra: { generation: 'overview', quarantine: true, language: 'de' } });
    await load(entraApplicationUrl('Provisioning', undefined, freshApplication()));
    await page.getByText(/^Die Bereitstellung wurde unter Quarantäne gestellt\./).waitFor();
    expect(await page.getByRole('button', { name: 'Quarantänedetails' }).count()).toBe(1);
    expect(
      await page.getByRole('link', { name: 'Bereitstellungsprotokolle anzeigen' }).count(),
    ).toBe(2);
    await page.getByRole('link', { name: 'Bereitstellungsprotokolle anzeigen' }).first().click();
    const grid = page.getByRole('grid', { name: 'Bereitstellungsprotokolle' });
    await grid.getByRole('row').nth(1).waitFor();
    expect((await grid.getByRole('columnheader').allTextContents()).slice(0, 3)).toEqual([
      'Datum',
      'Identität',
      'Aktion',
    ]);
    expect(await grid.getByRole('row').filter({ hasText: 'Fehler' }).count()).toBeGreaterThan(0);
  });

  it("lifts the quarantine from the new experience's Connectivity page", async () => {
    replicas.configure({ entra: { generation: 'new', quarantine: true } });
    const application = freshApplication();
    await load(entraApplicationUrl('Provisioning', undefined, application));
    const blade = await frameFrom(page, /^sandbox-1\.reactblade\.portal\.azure\.net$/);
    await blade.getByText(quarantineText).waitFor();
    await blade.getByRole('link', { name: 'Connectivity' }).click();
    expect(await blade.locator('input:not([type="password"])').inputValue()).toBe(
      'https://app.declaree.com/SCIM/v2/',
    );
    await fillLikeFramework(
      blade.locator('input[type="password"]'),
      replicas.declaree.issueKey('com'),
    );
    await blade.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, 'Saved provisioning settings').waitFor();
    expect(replicas.entra.configurationOf(application.objectId).quarantine).toBeUndefined();
    await blade.getByRole('link', { name: 'Overview' }).click();
    await blade.getByText('Provisioning configuration').waitFor();
    expect(await blade.getByText(quarantineText).count()).toBe(0);
  });
});
