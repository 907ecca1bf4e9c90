/**
 * The administrator's moves on the replicas, shared by the end-to-end tests and the headless demo:
 * each one is what a person does with the mouse, through accessible names.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import type { DeclareeInstance } from '../fixtures/declaree/backend.ts';
import { declareeAccountUrl } from '../fixtures/declaree/site.ts';
import { fillButtonName, guidePanel } from './extension.ts';

const generateKeyName = /^(generate key|genereer sleutel|schlüssel generieren)$/i;
export const heldText = /holds the key/;

/** Opens Declaree's API tab, presses Generate Key and waits until the extension holds the key. */
export async function generateKeyOnDeclaree(page: Page, instance: DeclareeInstance): Promise<void> {
  await page.goto(declareeAccountUrl(instance));
  await page.getByRole('button', { name: generateKeyName }).click();
  await guidePanel(page).getByText(heldText).waitFor();
}

/** The frame of the page from the given host, once it has appeared. */
export async function frameFrom(page: Page, host: RegExp): Promise<Frame> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const frame = page.frames().find((candidate) => host.test(new URL(candidate.url()).host));
    if (frame) {
      return frame;
    }

    await page.waitForTimeout(100);
  }

  throw new Error(`No frame from ${host} appeared.`);
}

/**
 * From the application's Provisioning page to the Admin Credentials fields: "Connect your
 * application" in the new experience (the form opens in a second reactblade frame), or "Get
 * started" and Provisioning Mode "Automatic" in the classic blade (top document).
 */
export async function openCredentialsForm(
  page: Page,
  generation: 'new' | 'classic',
  language: 'en' | 'de' = 'en',
): Promise<Frame> {
  if (generation === 'new') {
    const blade = await frameFrom(page, /^sandbox-1\.reactblade/);
    const connect =
      language === 'de'
        ? /Anwendung verbinden|Connect your application/
        : 'Connect your application';
    await blade.getByRole('button', { name: connect }).click();
    const form = await frameFrom(page, /^sandbox-2\.reactblade/);
    await form.locator('input[type="password"]').waitFor();
    return form;
  }

  await page.getByRole('button', { name: 'Get started' }).click();
  const modeName = language === 'de' ? 'Bereitstellungsmodus' : 'Provisioning Mode';
  await page.getByRole('combobox', { name: modeName }).click();
  await page.getByRole('option', { name: language === 'de' ? 'Automatisch' : 'Automatic' }).click();
  await page.locator('input[type="password"]').filter({ visible: true }).waitFor();
  return page.mainFrame();
}

export async function pressFill(page: Page): Promise<void> {
  await guidePanel(page).getByRole('button', { name: fillButtonName }).click();
}

/** Presses Test Connection in the form and returns the text of the notification it brings. */
export async function testConnection(page: Page, form: Frame): Promise<string> {
  const before = await page.locator('.fxs-toast-container [role="alert"]').count();
  await form.getByRole('button', { name: /^(test connection|verbindung testen)$/i }).click();
  const toast = page.locator('.fxs-toast-container [role="alert"]').nth(before);
  await toast.waitFor();
  // The first toast may say the test is running; wait for the verdict.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const texts = await page.locator('.fxs-toast-container [role="alert"]').allTextContents();
    const verdict = texts
      .slice(before)
      .find((text) => /authorized|invalid credentials|autorisiert|ungültig/i.test(text));
    if (verdict) {
      return verdict;
    }

    await page.waitForTimeout(100);
  }

  throw new Error('Test Connection brought no verdict.');
}

/** The classic provisioning blade of the application, where Mappings and Settings are. */
function classicBlade(page: Page, appName: string): Locator {
  return page.getByRole('region', { name: `${appName} | Provisioning` });
}

/** Classic blade: Mappings, then the users' mapping; returns the Attribute Mapping pane. */
export async function openClassicUserMapping(page: Page, appName = 'Declaree'): Promise<Locator> {
  const blade = classicBlade(page, appName);
  await blade.getByRole('button', { name: 'Mappings', exact: true }).click();
  await blade.getByRole('link', { name: 'Provision Microsoft Entra ID Users' }).click();
  const mapping = page.getByRole('region', { name: 'Attribute Mapping' });
  await mapping.waitFor();
  return mapping;
}

/** In the classic Attribute Mapping pane: userName from mail instead of userPrincipalName, saved. */
export async function mapUserNameFromMail(page: Page, mapping: Locator): Promise<void> {
  const userName = mapping
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: 'userName', exact: true }) });
  await userName.getByRole('link', { name: 'userPrincipalName' }).click();
  const edit = page.getByRole('region', { name: 'Edit Attribute' });
  await edit.getByRole('combobox', { name: 'Source attribute' }).click();
  // The option's right half is under the guide panel, as it would be for a person, who clicks
  // on the word itself.
  await edit
    .getByRole('option', { name: 'mail', exact: true })
    .click({ position: { x: 12, y: 8 } });
  await edit.getByRole('button', { name: 'Ok' }).click();
  await mapping.getByRole('button', { name: 'Save', exact: true }).click();
}

/** Classic blade: Settings, Provisioning Status "On", Save. */
export async function switchClassicProvisioningOn(page: Page, appName = 'Declaree'): Promise<void> {
  const blade = classicBlade(page, appName);
  await blade.getByRole('button', { name: 'Settings', exact: true }).click();
  await blade.getByRole('radio', { name: 'On' }).click();
  await blade.getByRole('button', { name: 'Save', exact: true }).click();
}
