/**
 * The whole setup walked as an administrator walks it, with the guide noticing each step by
 * itself: the new-application branch on the classic provisioning form in English, and the
 * existing-application branch on the new experience in German. The popup's states are checked
 * along the way.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { entraPortalUrl, listedApplication } from '../fixtures/entra/site.ts';
import { guidePanel, openPopup, type Session, startSession } from './extension.ts';
import {
  generateKeyOnDeclaree,
  mapUserNameFromMail,
  openClassicUserMapping,
  openCredentialsForm,
  pressFill,
  switchClassicProvisioningOn,
  testConnection,
} from './journey.ts';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The popup's state of every step, by title. */
async function popupStates(current: Session): Promise<Record<string, string>> {
  const popup = await openPopup(current);
  await popup.locator('li.step').first().waitFor();
  const rows = await popup
    .locator('li.step')
    .evaluateAll((items) =>
      items.map((item) => [
        item.querySelector('.step-title')?.textContent ?? '',
        item.querySelector('.state')?.textContent ?? '',
      ]),
    );
  await popup.close();
  return Object.fromEntries(rows);
}

async function expectStep(page: Page, title: string): Promise<void> {
  await guidePanel(page)
    .getByRole('heading', { name: new RegExp(`: ${title}$`) })
    .waitFor();
}

describe('the whole journey', () => {
  it('new application, classic form, English: every step noticed as it is done', async () => {
    session = await startSession({ entra: { generation: 'classic' } });
    const { context } = session;
    const entra = await context.newPage();
    await entra.goto(entraPortalUrl('home'));
    await guidePanel(entra).getByRole('button', { name: 'Yes, it is' }).click();
    await expectStep(entra, 'Open Microsoft Entra ID');

    await entra.getByRole('link', { name: 'Enterprise applications', exact: true }).click();
    await expectStep(entra, 'New application');
    await entra.getByRole('link', { name: 'New application' }).click();
    await expectStep(entra, 'Create your own application');
    await entra.getByRole('button', { name: 'Create your own application' }).click();

    const panel = guidePanel(entra);
    await panel.getByRole('button', { name: 'Name it “Declaree”' }).click();
    const pane = entra.getByRole('region', { name: 'Create your own application' });
    await expect
      .poll(() => pane.getByRole('textbox', { name: "What's the name of your app?" }).inputValue())
      .toBe('Declaree');
    await pane.getByRole('button', { name: 'Create', exact: true }).click();
    await expectStep(entra, 'Open Provisioning');
    expect(await popupStates(session)).toMatchObject({
      'Dedicated Declaree administrator': 'Done',
      'Open Microsoft Entra ID': 'Done',
      'Enterprise applications': 'Done',
      'New application': 'Done',
      'Create your own application': 'Done',
      // The popup's "Now" is the first open step of the pages' journey: Declaree's part waits.
      'Log in to Declaree': 'Now',
      'Open Provisioning': 'To do',
    });

    await entra.bringToFront();
    await entra.getByRole('link', { name: 'Provisioning', exact: true }).click();
    await generateKeyOnDeclaree(await context.newPage(), 'com');
    await entra.bringToFront();
    const form = await openCredentialsForm(entra, 'classic');
    await pressFill(entra);
    expect(await testConnection(entra, form)).toMatch(/authorized/);
    await expectStep(entra, 'Save the configuration');
    await entra.getByRole('button', { name: 'Save', exact: true }).click();
    await expectStep(entra, 'userName from mail');

    const mapping = await openClassicUserMapping(entra);
    await panel.getByText(/userName comes from “userPrincipalName”/).waitFor();
    await mapUserNameFromMail(entra, mapping);
    await expectStep(entra, 'Start provisioning');

    await switchClassicProvisioningOn(entra);
    await expectStep(entra, 'Assign users and groups');
    await panel.getByText(/provisioning cycle has completed|cycle is running/).waitFor();
    const states = await popupStates(session);
    expect(states).toMatchObject({
      'Provisioning Mode: Automatic': 'Done',
      'Tenant URL and Secret Token': 'Done',
      'Test Connection': 'Done',
      'Save the configuration': 'Done',
      'userName from mail': 'Done',
      'Start provisioning': 'Done',
      'Assign users and groups': 'Now',
    });
  });

  it('existing application, new experience, German: straight to its provisioning', async () => {
    session = await startSession({
      entra: { generation: 'new', language: 'de', existingDeclareeApp: true },
    });
    const { context } = session;
    const entra = await context.newPage();
    await entra.goto(entraPortalUrl('enterpriseApplications'));
    const panel = guidePanel(entra);
    await panel.getByText(/A Declaree application is already in the list/).waitFor();

    await entra.getByRole('grid').getByRole('link', { name: 'Declaree' }).click();
    await expectStep(entra, 'Open Provisioning');
    expect(new URL(entra.url()).hash).toContain(listedApplication.objectId);
    await entra.getByRole('link', { name: 'Bereitstellung', exact: true }).click();

    await generateKeyOnDeclaree(await context.newPage(), 'de');
    await entra.bringToFront();
    const form = await openCredentialsForm(entra, 'new', 'de');
    await pressFill(entra);
    expect(await testConnection(entra, form)).toMatch(/autorisiert/);
    await expectStep(entra, 'Save the configuration');
    const states = await popupStates(session);
    expect(states).toMatchObject({
      'New application': 'Done',
      'Create your own application': 'Done',
      'Provisioning Mode: Automatic': 'Skipped',
      'Test Connection': 'Done',
      'Save the configuration': 'Now',
    });
  });
});
