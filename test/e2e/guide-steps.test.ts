import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { freshApplicationUrl } from '../fixtures/entra/site.ts';
import type { ReplicaOptions } from '../fixtures/replicas.ts';
import {
  guidePanel,
  hasHighlight,
  isHighlighted,
  openPopup,
  type Session,
  startSession,
  storageArea,
} from './extension.ts';
import {
  generateKeyOnDeclaree,
  openCredentialsForm,
  pressFill,
  testConnection,
} from './journey.ts';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function start(options: ReplicaOptions): Promise<Session> {
  session = await startSession(options);
  return session;
}

async function popupStateOf(current: Session, title: string): Promise<string> {
  const popup = await openPopup(current);
  const row = popup.locator('li.step').filter({ hasText: title });
  await row.waitFor();
  const state = (await row.locator('.state').textContent()) ?? '';
  await popup.close();
  return state;
}

async function vaultHolds(current: Session): Promise<boolean> {
  return 'vault' in (await storageArea(current, 'session'));
}

describe('the guide on Entra', () => {
  it('points at Connect your application inside the blade frame, not in the portal around it', async () => {
    const { context } = await start({ entra: { generation: 'new' } });
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    await guidePanel(entra).getByText('Now: Open Provisioning').waitFor();

    const bladeFrame = () => entra.frames().find((frame) => frame.url().includes('sandbox-1.'));
    await expect
      .poll(async () => {
        const frame = bladeFrame();
        return frame ? hasHighlight(frame) : false;
      })
      .toBe(true);
    const blade = bladeFrame();
    expect(await hasHighlight(entra.mainFrame())).toBe(false);
    // The portal's own elements are left as they were: no attribute added to the button.
    const button = blade?.getByRole('button', { name: 'Connect your application' });
    const attributes = await button?.evaluate((element) =>
      [...element.attributes].map((attribute) => attribute.name).sort(),
    );
    expect(attributes?.some((name) => name.includes('declaree'))).toBe(false);
  });

  it('points the way to a control scrolled out of sight, and puts the outline on it in view', async () => {
    const { context } = await start({ entra: { generation: 'new' } });
    const entra = await context.newPage();
    await entra.setViewportSize({ width: 1400, height: 900 });
    await entra.goto(freshApplicationUrl('Provisioning'));
    await guidePanel(entra).getByText('Now: Open Provisioning').waitFor();
    const blade = entra.frames().find((frame) => frame.url().includes('sandbox-1.'));
    if (!blade) {
      throw new Error('the blade frame is missing');
    }

    const button = blade.getByRole('button', { name: 'Connect your application' });
    await expect.poll(() => isHighlighted(button)).toBe(true);
    const arrow = () =>
      blade.evaluate(() => {
        const edge = document
          .querySelector('declaree-setup-highlight')
          ?.shadowRoot?.querySelector('span');
        return edge && getComputedStyle(edge).display !== 'none'
          ? { text: edge.textContent, top: edge.getBoundingClientRect().top, height: innerHeight }
          : null;
      });
    expect(await arrow()).toBeNull();

    // The window made so low that the button lies just below what the admin sees.
    const buttonTop = await button.evaluate((element) => element.getBoundingClientRect().top);
    await entra.setViewportSize({ width: 1400, height: Math.round(buttonTop) });
    await expect.poll(async () => (await arrow())?.text).toBe('\u25BC');
    const shown = await arrow();
    expect(shown && shown.top > shown.height / 2).toBe(true);

    await button.scrollIntoViewIfNeeded();
    await expect.poll(arrow).toBeNull();
    await expect.poll(() => isHighlighted(button)).toBe(true);
  });

  it('skips Provisioning Mode on the new experience, where the form has none', async () => {
    const { context } = await start({ entra: { generation: 'new' } });
    await generateKeyOnDeclaree(await context.newPage(), 'com');
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    await openCredentialsForm(entra, 'new');
    await guidePanel(entra)
      .getByText(/can fill in the Tenant URL/)
      .waitFor();

    expect(await popupStateOf(session as Session, 'Provisioning Mode: Automatic')).toBe('Skipped');
  });

  it('notices the passing test and the saved configuration, then drops the key', async () => {
    const { context } = await start({ entra: { generation: 'classic' } });
    await generateKeyOnDeclaree(await context.newPage(), 'com');
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'classic');
    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();
    expect(await popupStateOf(session as Session, 'Provisioning Mode: Automatic')).toBe('Done');

    await testConnection(entra, form);
    await guidePanel(entra)
      .getByText(/Test Connection passed/)
      .waitFor();
    expect(await popupStateOf(session as Session, 'Test Connection')).toBe('Done');
    expect(await vaultHolds(session as Session)).toBe(true);

    await entra.bringToFront();
    await entra.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => vaultHolds(session as Session)).toBe(false);
    expect(await popupStateOf(session as Session, 'Save the configuration')).toBe('Done');
  });

  it('explains a failing test with what to check', async () => {
    const { context } = await start({ entra: { generation: 'classic' } });
    await generateKeyOnDeclaree(await context.newPage(), 'de');
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'classic');
    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();

    // The admin edits the Tenant URL by hand: the other instance's host.
    const tenantUrl = entra.getByRole('textbox', { name: 'Tenant URL' });
    await tenantUrl.fill('https://app.declaree.com/SCIM/v2/');
    expect(await testConnection(entra, form)).toMatch(/invalid credentials/);
    const panel = guidePanel(entra);
    await panel.getByText(/Test Connection failed/).waitFor();
    expect(await panel.textContent()).toContain('points at the other Declaree instance');
    expect(await panel.textContent()).not.toContain('Secret Token starts with');

    // Then the token, typed by hand with the prefix some guides show.
    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();
    const key = session?.replicas.declaree.currentKey('de') ?? '';
    await entra.getByLabel('Secret Token').fill(`Bearer ${key}`);
    expect(await testConnection(entra, form)).toMatch(/invalid credentials/);
    await panel.getByText(/Secret Token starts with “Bearer ”/).waitFor();
    expect(await panel.textContent()).not.toContain('other Declaree instance');
  });
});

describe('steps by hand', () => {
  async function panelStep(page: Page): Promise<string> {
    return (await guidePanel(page).locator('h3').textContent()) ?? '';
  }

  it('marks a step done, skips one and goes back, from the panel', async () => {
    const { context } = await start({ entra: { generation: 'new' } });
    const entra = await context.newPage();
    await entra.goto('https://entra.microsoft.com/');
    const panel = guidePanel(entra);
    await panel.getByText('Now: Open Microsoft Entra ID').waitFor();

    await panel.getByRole('button', { name: 'Mark as done' }).click();
    await expect.poll(() => panelStep(entra)).toBe('Now: Enterprise applications');
    await panel.getByRole('button', { name: 'Skip this step' }).click();
    await expect.poll(() => panelStep(entra)).toBe('Now: New application');
    await panel.getByRole('button', { name: 'Back to the previous step' }).click();
    await expect.poll(() => panelStep(entra)).toBe('Now: Enterprise applications');

    expect(await popupStateOf(session as Session, 'Open Microsoft Entra ID')).toBe('Done');
  });

  it('asks once whether the Declaree account is a dedicated administrator, and records it', async () => {
    const { context } = await start({});
    const entra = await context.newPage();
    await entra.goto('https://entra.microsoft.com/');
    const panel = guidePanel(entra);
    await panel.getByRole('button', { name: 'Yes, it is' }).click();
    await expect.poll(() => panel.getByText(/dedicated administrator account/).count()).toBe(0);
    expect(await popupStateOf(session as Session, 'Dedicated Declaree administrator')).toBe('Done');
  });

  it('writes a setup report, and starts afresh when asked', async () => {
    const { context } = await start({});
    await generateKeyOnDeclaree(await context.newPage(), 'de');
    const popup = await openPopup(session as Session);
    await popup.getByRole('button', { name: 'Setup report…' }).click();
    const report = popup.getByRole('textbox', { name: 'Setup report' });
    await report.waitFor();
    const text = await report.inputValue();
    expect(text).toContain('# Declaree SCIM provisioning: setup report');
    expect(text).toContain('`https://app.declaree.de/SCIM/v2/` (Tenant URL)');
    expect(text).toMatch(/- \[x\] Generate the key \(done, /);
    expect(text).not.toContain(session?.replicas.declaree.currentKey('de') ?? 'no key');

    await popup.getByRole('button', { name: 'Start this setup afresh…' }).click();
    await popup.getByRole('button', { name: 'Start afresh' }).click();
    await popup.getByText('No Declaree key held yet.').waitFor();
    expect(await vaultHolds(session as Session)).toBe(false);
    await popup.close();
    expect(await popupStateOf(session as Session, 'Generate the key')).toBe('To do');
  });

  it('keeps one setup per tenant, and brings a setup back when switched to', async () => {
    const { context, replicas } = await start({ entra: { tenant: { name: 'Contoso' } } });
    const entra = await context.newPage();
    await entra.goto(
      'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview',
    );
    await guidePanel(entra).getByText('Now: New application').waitFor();
    expect(await popupStateOf(session as Session, 'Enterprise applications')).toBe('Done');

    replicas.configure({ entra: { tenant: { name: 'Fabrikam' } } });
    await entra.goto('https://entra.microsoft.com/#home');
    await entra.reload();
    await guidePanel(entra).getByText('Now: Open Microsoft Entra ID').waitFor();
    const popup = await openPopup(session as Session);
    await popup.getByText('This setup: FABRIKAM').waitFor();
    expect(
      await popup
        .locator('li.step')
        .filter({ hasText: 'Enterprise applications' })
        .locator('.state')
        .textContent(),
    ).toBe('To do');
    await popup.getByText(/CONTOSO \(\d+ steps done\)/).waitFor();

    await popup.getByRole('button', { name: 'Switch to it' }).click();
    await popup.getByText('This setup: CONTOSO').waitFor();
    await expect
      .poll(() =>
        popup
          .locator('li.step')
          .filter({ hasText: 'Enterprise applications' })
          .locator('.state')
          .textContent(),
      )
      .toBe('Done');
    await popup.getByRole('button', { name: 'Forget the setup of FABRIKAM' }).click();
    await expect.poll(() => popup.getByText(/FABRIKAM/).count()).toBe(0);
    await popup.close();
  });
});
