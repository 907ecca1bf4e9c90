import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  entraApplicationUrl,
  entraPortalUrl,
  freshApplication,
  listedApplication,
} from '../fixtures/entra/site.ts';
import {
  guidePanel,
  hasHighlight,
  isHighlighted,
  openPopup,
  type Session,
  startSession,
} from './extension.ts';
import {
  frameFrom,
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

/** The popup's states, then back to the portal: only the tab in front draws the highlight. */
async function popupStatesBeside(current: Session, page: Page): Promise<Record<string, string>> {
  const states = await popupStates(current);
  await page.bringToFront();
  return states;
}

/** The new experience's words, as the replica's portal shows them in each language. */
const newExperienceWords = {
  en: {
    create: 'Create',
    attributeMapping: 'Attribute mapping',
    editAttribute: 'Edit attribute',
    sourceAttribute: 'Source attribute',
    ok: 'Ok',
    save: 'Save',
    startProvisioning: 'Start provisioning',
    usersAndGroups: 'Users and groups',
  },
  de: {
    create: 'Erstellen',
    attributeMapping: 'Attributzuordnung',
    editAttribute: 'Attribut bearbeiten',
    sourceAttribute: 'Quellattribut',
    ok: 'OK',
    save: 'Speichern',
    startProvisioning: 'Bereitstellung starten',
    usersAndGroups: 'Benutzer und Gruppen',
  },
} as const;

/**
 * From a passing Test connection in the "New provisioning configuration" form to "Assign users
 * and groups": Create, userName from mail in the configured blade's Attribute mapping, then Start
 * provisioning. At each move the guide names the step, points at the control in the frame that
 * holds it, and the popup shows the step's state.
 */
async function walkNewExperienceAfterTest(
  current: Session,
  entra: Page,
  form: Frame,
  language: 'en' | 'de',
): Promise<void> {
  const words = newExperienceWords[language];
  const panel = guidePanel(entra);
  await expectStep(entra, 'Save the configuration');
  const create = form.getByRole('button', { name: words.create, exact: true });
  await expect.poll(() => isHighlighted(create)).toBe(true);
  expect(await popupStatesBeside(current, entra)).toMatchObject({
    'Provisioning Mode: Automatic': 'Skipped',
    'Tenant URL and Secret Token': 'Done',
    'Test Connection': 'Done',
    'Save the configuration': 'Now',
    'userName from mail': 'To do',
  });

  await create.click();
  await expectStep(entra, 'userName from mail');
  // Entra has stored the key with the configuration: the assistant no longer holds it.
  await panel.getByText('No Declaree key held yet.').waitFor();
  const blade = await frameFrom(entra, /^sandbox-1\.reactblade/);
  const mappingLink = blade.getByRole('link', { name: words.attributeMapping, exact: true });
  await expect.poll(() => isHighlighted(mappingLink)).toBe(true);
  expect(await popupStatesBeside(current, entra)).toMatchObject({
    'Save the configuration': 'Done',
    'userName from mail': 'Now',
    'Start provisioning': 'To do',
  });

  await mappingLink.click();
  await panel.getByText(/userName comes from “userPrincipalName”/).waitFor();
  const userName = blade
    .getByRole('row')
    .filter({ has: blade.getByRole('gridcell', { name: 'userName', exact: true }) });
  const source = userName.getByRole('button', { name: 'userPrincipalName' });
  await expect.poll(() => isHighlighted(source)).toBe(true);
  expect(await hasHighlight(entra.mainFrame())).toBe(false);

  await source.click();
  const edit = blade.getByRole('dialog', { name: words.editAttribute });
  const sourceField = edit.getByRole('combobox', { name: words.sourceAttribute });
  await expect.poll(() => isHighlighted(sourceField)).toBe(true);
  await sourceField.click();
  await blade.getByRole('option', { name: 'mail', exact: true }).click();
  const ok = edit.getByRole('button', { name: words.ok, exact: true });
  await expect.poll(() => isHighlighted(ok)).toBe(true);

  await ok.click();
  // The list says mail now, but Entra has stored nothing yet: the step waits for Save.
  const save = blade.getByRole('button', { name: words.save, exact: true });
  await expect.poll(() => isHighlighted(save)).toBe(true);
  expect(await panel.textContent()).not.toContain('userName comes from');
  expect(await popupStatesBeside(current, entra)).toMatchObject({ 'userName from mail': 'Now' });

  await save.click();
  await expectStep(entra, 'Start provisioning');
  expect(await popupStatesBeside(current, entra)).toMatchObject({
    'userName from mail': 'Done',
    'Start provisioning': 'Now',
    'Assign users and groups': 'To do',
  });

  // The menu entry leads to the page; on it, the button itself is the control.
  const startLink = blade.getByRole('link', { name: words.startProvisioning, exact: true });
  await expect.poll(() => isHighlighted(startLink)).toBe(true);
  await startLink.click();
  const start = blade.getByRole('button', { name: words.startProvisioning, exact: true });
  await expect.poll(() => isHighlighted(start)).toBe(true);
  expect(await panel.textContent()).toContain('Sync only assigned users and groups');

  await start.click();
  await expectStep(entra, 'Assign users and groups');
  if (language === 'en') {
    // The cycle's status is read in English only: its German words are not known.
    await panel.getByText(/provisioning cycle has completed|cycle is running/).waitFor();
  }

  const usersAndGroups = entra.getByRole('link', { name: words.usersAndGroups, exact: true });
  expect(await popupStatesBeside(current, entra)).toMatchObject({
    'Tenant URL and Secret Token': 'Done',
    'Test Connection': 'Done',
    'Save the configuration': 'Done',
    'userName from mail': 'Done',
    'Start provisioning': 'Done',
    'Assign users and groups': 'Now',
  });
  await expect.poll(() => isHighlighted(usersAndGroups)).toBe(true);
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

  it('existing application, new experience, German: straight to its provisioning and on', async () => {
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
    const states = await popupStatesBeside(session, entra);
    expect(states).toMatchObject({
      'New application': 'Done',
      'Create your own application': 'Done',
      'Provisioning Mode: Automatic': 'Skipped',
      'Test Connection': 'Done',
      'Save the configuration': 'Now',
    });

    await walkNewExperienceAfterTest(session, entra, form, 'de');
    expect(session.replicas.entra.userNameSourceOf(listedApplication.objectId)).toBe('mail');
  });

  it('new experience, English: from Create to Assign users and groups', async () => {
    session = await startSession({ entra: { generation: 'new' } });
    const { context } = session;
    await generateKeyOnDeclaree(await context.newPage(), 'com');
    const application = freshApplication();
    const entra = await context.newPage();
    await entra.goto(entraApplicationUrl('Provisioning', undefined, application));
    const form = await openCredentialsForm(entra, 'new');
    await pressFill(entra);
    expect(await testConnection(entra, form)).toMatch(/authorized/);

    await walkNewExperienceAfterTest(session, entra, form, 'en');
    const { entra: record } = session.replicas;
    expect(record.userNameSourceOf(application.objectId)).toBe('mail');
    expect(record.configurationOf(application.objectId).jobState).toBe('Running');
  });
});
