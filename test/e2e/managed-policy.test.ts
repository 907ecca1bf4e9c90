/**
 * Settings fixed by the organisation, the way a company sets them: as a Chromium machine policy
 * for the extension in /etc/chromium/policies/managed/, which Chromium reads at start and watches
 * while it runs. The extension must read them, show them in the popup as set by the organisation,
 * hold to them, and apply a change at once.
 *
 * Writing there needs the rights of the machine's administrator: without them the tests are
 * skipped with a message saying so.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { declareeAccountUrl } from '../fixtures/declaree/site.ts';
import { entraPortalUrl } from '../fixtures/entra/site.ts';
import { extensionDirectory } from './browser.ts';
import { guidePanel, openPopup, type Session, startSession, storageArea } from './extension.ts';
import { generateKeyOnDeclaree } from './journey.ts';
import { policyDirectory, testPolicyPrefix } from './policy-files.ts';

// A file of its own, so that the policies of the machine, if any, are left alone.
const policyFile = path.join(policyDirectory, `${testPolicyPrefix}${process.pid}.json`);

async function policiesWritable(): Promise<boolean> {
  try {
    await mkdir(policyDirectory, { recursive: true });
    await writeFile(policyFile, '{}');
    return true;
  } catch {
    return false;
  }
}

const writable = await policiesWritable();
if (!writable) {
  console.warn(
    `Skipped the organisation-policy tests: ${policyDirectory} cannot be written by this user. ` +
      'Chromium reads machine policies only from there; run the tests as root to include them.',
  );
}

/**
 * The id Chromium gives an extension loaded from a folder: the first 128 bits of the SHA-256 of
 * the folder's path, written with the letters a to p. The policy must name it before the browser
 * starts.
 */
function extensionIdOf(directory: string): string {
  const hex = createHash('sha256').update(directory).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

async function setPolicy(settings: Record<string, unknown>): Promise<void> {
  const policy = { '3rdparty': { extensions: { [extensionIdOf(extensionDirectory)]: settings } } };
  await writeFile(policyFile, JSON.stringify(policy));
}

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

afterAll(async () => {
  await rm(policyFile, { force: true });
});

function presenterSwitch(page: Page) {
  return page.getByRole('checkbox', { name: /Presenter mode/ });
}

function organisationSection(popup: Page) {
  return popup.getByRole('region', { name: 'Set by your organisation' });
}

describe.skipIf(!writable)('settings set by the organisation', () => {
  it('shows every setting the policy fixes and locks the switches it forces', async () => {
    await setPolicy({
      declareeInstance: 'DE',
      applicationName: 'Expense Sync',
      presenterMode: 'forced',
      preflight: false,
      keyLifetimeMinutes: 5,
    });
    session = await startSession();
    expect(session.extensionId).toBe(extensionIdOf(extensionDirectory));

    const popup = await openPopup(session);
    const section = organisationSection(popup);
    await expect
      .poll(() => section.getByRole('listitem').allTextContents())
      .toEqual([
        'Declaree instance: app.declaree.de only',
        'Application name: Expense Sync',
        'The key is held for at most 5 minutes',
        'Presenter mode is always on',
        'The key is not checked with Declaree before use',
      ]);
    expect(await presenterSwitch(popup).isChecked()).toBe(true);
    expect(await presenterSwitch(popup).isDisabled()).toBe(true);
    const preflightSwitch = popup.getByRole('checkbox', { name: /Check the key with Declaree/ });
    expect(await preflightSwitch.isChecked()).toBe(false);
    expect(await preflightSwitch.isDisabled()).toBe(true);
    // The locked switches and the organisation's section are read out like the rest.
    const axe = await new AxeBuilder({ page: popup })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(
      axe.violations.filter((violation) => ['serious', 'critical'].includes(`${violation.impact}`)),
    ).toEqual([]);

    // Not even a message from the extension's own page turns off what is forced.
    const answer = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'presenter-set', on: false }),
    );
    expect(answer).toEqual({ changed: false });
    await popup.reload();
    await expect.poll(() => presenterSwitch(popup).isChecked()).toBe(true);
    expect(await storageArea(session, 'local')).not.toHaveProperty('settings');

    // The guide panel on the pages shows the switch locked too.
    const entra = await session.newPage();
    await entra.goto(entraPortalUrl('home'));
    const panelSwitch = presenterSwitch(entra);
    await panelSwitch.waitFor();
    expect(await panelSwitch.isChecked()).toBe(true);
    expect(await panelSwitch.isDisabled()).toBe(true);
    await guidePanel(entra).getByText('Set by your organisation').waitFor();
  });

  it('names a policy value it cannot read, and keeps to the rest', async () => {
    await setPolicy({ keyLifetimeMinutes: 5, applicationName: 'Expense\nSync' });
    session = await startSession();
    const popup = await openPopup(session);
    const section = organisationSection(popup);
    await section.getByText('Ignored because they could not be read: applicationName').waitFor();
    expect(await section.getByRole('listitem').allTextContents()).toEqual([
      'The key is held for at most 5 minutes',
    ]);
  });

  it('takes a key only from the instance allowed, for the time the policy gives', async () => {
    await setPolicy({ declareeInstance: 'DE', keyLifetimeMinutes: 5 });
    session = await startSession();
    const page = await session.newPage();

    // The guide says so before the admin makes a key there, and a key made anyway is not taken.
    await page.goto(declareeAccountUrl('com'));
    await guidePanel(page)
      .getByText(/Your organisation uses Declaree at app\.declaree\.de only/)
      .waitFor();
    await page.getByRole('button', { name: /^generate key$/i }).click();
    const { declaree } = session.replicas;
    await expect.poll(() => declaree.currentKey('com')).toBeDefined();
    const key = declaree.currentKey('com') ?? '';
    const keyShown = () =>
      page.evaluate(
        (value) =>
          (document.body.textContent ?? '').includes(value) ||
          [...document.querySelectorAll('input')].some((input) => input.value === value),
        key,
      );
    await expect.poll(keyShown).toBe(true);
    // The extension takes a key within a fraction of a second of its showing: well past that.
    await page.waitForTimeout(1500);
    expect(await storageArea(session, 'session')).not.toHaveProperty('vault');
    expect(
      await guidePanel(page)
        .getByText(/holds the key/)
        .count(),
    ).toBe(0);

    await generateKeyOnDeclaree(page, 'de');
    const { vault } = (await storageArea(session, 'session')) as {
      vault: { capturedAt: number; expiresAt: number };
    };
    expect(vault.expiresAt - vault.capturedAt).toBe(5 * 60_000);
  });

  it('applies a changed policy while the browser runs', async () => {
    await setPolicy({ presenterMode: 'forced' });
    session = await startSession();
    const page = await session.newPage();
    await generateKeyOnDeclaree(page, 'de');
    const popup = await openPopup(session);
    await expect.poll(() => presenterSwitch(popup).isDisabled()).toBe(true);

    // Chromium notices the changed file within seconds; the open popup follows without a reload.
    await setPolicy({ declareeInstance: 'EU' });
    await expect.poll(() => presenterSwitch(popup).isDisabled(), { timeout: 30_000 }).toBe(false);
    await organisationSection(popup)
      .getByText('Declaree instance: app.declaree.com only')
      .waitFor();
    // The key held is of the instance no longer allowed: it is dropped.
    await expect.poll(() => storageArea(session as Session, 'session')).not.toHaveProperty('vault');
    await popup.getByText('No Declaree key held yet.').waitFor();
    // Presenter mode was the organisation's doing, not the admin's: with the policy gone, it is off.
    expect(await presenterSwitch(popup).isChecked()).toBe(false);
  });

  it("suggests the organisation's application name and knows the application by it", async () => {
    await setPolicy({ applicationName: 'Expense Sync' });
    session = await startSession({ entra: { generation: 'classic' } });
    const entra = await session.newPage();
    await entra.goto(entraPortalUrl('home'));
    const panel = guidePanel(entra);
    await panel.getByRole('button', { name: 'Yes, it is' }).click();
    await entra.getByRole('link', { name: 'Enterprise applications', exact: true }).click();
    await entra.getByRole('link', { name: 'New application' }).click();
    await entra.getByRole('button', { name: 'Create your own application' }).click();

    await panel.getByRole('button', { name: 'Name it “Expense Sync”' }).click();
    const pane = entra.getByRole('region', { name: 'Create your own application' });
    const nameField = pane.getByRole('textbox', { name: "What's the name of your app?" });
    await expect.poll(() => nameField.inputValue()).toBe('Expense Sync');
    await pane.getByRole('button', { name: 'Create', exact: true }).click();
    // The application page of "Expense Sync" counts as the application created.
    await panel.getByRole('heading', { name: /: Open Provisioning$/ }).waitFor();
  });
});
