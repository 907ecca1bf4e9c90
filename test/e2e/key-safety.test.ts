/**
 * Where the key may be, during the main journey and the steps after it, with presenter mode on
 * and off: in the session vault, in Declaree's own page that shows it, and in Entra's Secret
 * Token input. Nowhere else: no other storage area, no console line of any context, no other
 * frame's DOM, not the guide panel, not the popup, not the support summary.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entraApplicationUrl, freshApplication } from '../fixtures/entra/site.ts';
import {
  guidePanel,
  keyLeaks,
  openPopup,
  placesShowing,
  type Session,
  setPresenter,
  startSession,
  storageArea,
  waitUntil,
} from './extension.ts';
import {
  generateKeyOnDeclaree,
  mapUserNameFromMail,
  openClassicUserMapping,
  openCredentialsForm,
  pressFill,
  switchClassicProvisioningOn,
  testConnection,
} from './journey.ts';

let session: Session;
let key: string;
let verdict: string;
/** Places the key was found after each step of the journey, outside the vault and its input. */
const leaksByStep: Record<string, string[]> = {};

describe('the key after the main journey', () => {
  beforeAll(async () => {
    session = await startSession({ entra: { generation: 'new' } });
    const declaree = await session.newPage();
    await generateKeyOnDeclaree(declaree, 'de');
    key = session.replicas.declaree.currentKey('de') ?? '';
    leaksByStep['key captured'] = await keyLeaks(session, key);

    const entra = await session.newPage();
    await entra.goto(
      entraApplicationUrl('Provisioning', undefined, {
        objectId: randomUUID(),
        appId: randomUUID(),
      }),
    );
    leaksByStep['provisioning page'] = await keyLeaks(session, key);
    const form = await openCredentialsForm(entra, 'new');
    leaksByStep['form open'] = await keyLeaks(session, key);
    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();
    leaksByStep.filled = await keyLeaks(session, key);
    verdict = await testConnection(entra, form);
    leaksByStep.tested = await keyLeaks(session, key);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('was captured and accepted by Test connection, so the checks below look for a real key', () => {
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(verdict).toMatch(/authorized to enable provisioning/);
  });

  it('is nowhere but the vault and the Secret Token input after any step of the journey', () => {
    expect(Object.keys(leaksByStep)).toHaveLength(5);
    expect(leaksByStep).toEqual({
      'key captured': [],
      'provisioning page': [],
      'form open': [],
      filled: [],
      tested: [],
    });
  });

  it('is in storage.session under the vault only', async () => {
    const sessionArea = await storageArea(session, 'session');
    const { vault, ...rest } = sessionArea;
    expect(JSON.stringify(vault)).toContain(key);
    expect(JSON.stringify(rest)).not.toContain(key);
  });

  it('is in neither storage.local nor storage.sync', async () => {
    expect(JSON.stringify(await storageArea(session, 'local'))).not.toContain(key);
    expect(JSON.stringify(await storageArea(session, 'sync'))).not.toContain(key);
  });

  it('is in no console line of any page, frame or the service worker', () => {
    expect(session.consoleLines.filter((line) => line.includes(key))).toEqual([]);
    expect(session.consoleLines.filter((line) => line.includes(key.slice(0, 12)))).toEqual([]);
  });

  it('is in no Entra frame except the Secret Token input', async () => {
    const entra = session.context.pages().find((page) => page.url().includes('entra.microsoft'));
    expect(entra?.frames().length).toBeGreaterThanOrEqual(3);
    for (const frame of entra?.frames() ?? []) {
      expect(await placesShowing(frame, key), frame.url()).toEqual([]);
    }

    // The check above skips password inputs; the one that holds the key is the Secret Token.
    const holders = [];
    for (const frame of entra?.frames() ?? []) {
      holders.push(
        ...(await frame.evaluate(
          (needle) =>
            [...document.querySelectorAll('input')]
              .filter((input) => input.value === needle)
              .map((input) => input.type),
          key,
        )),
      );
    }
    expect(holders).toEqual(['password']);
  });

  it('is not in the guide panel on Declaree, though the page itself shows it', async () => {
    const declaree = session.context.pages().find((page) => page.url().includes('declaree.de'));
    const panelText = await declaree?.evaluate(
      () => document.querySelector('declaree-setup-guide')?.shadowRoot?.innerHTML ?? 'no panel',
    );
    expect(panelText).toContain('holds the key');
    expect(panelText).not.toContain(key);
  });

  it('is not in the popup, which shows at most its last four characters', async () => {
    const popup = await openPopup(session);
    await popup.getByText(/ending in/).waitFor();
    const html = await popup.content();
    expect(html).not.toContain(key);
    expect(html).not.toContain(key.slice(0, -4));
    expect(await popup.getByText(/ending in/).textContent()).toContain(key.slice(-4));
    await popup.close();
  });

  it('is not in the support summary, which masks the ids unless asked to include them', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Support summary…' }).click();
    const summary = popup.getByRole('textbox', { name: 'Support summary' });
    await summary.waitFor();
    const masked = await summary.inputValue();
    expect(masked).toContain('Entra provisioning UI: new');
    expect(masked).toContain('Declaree instance: app.declaree.de (DE)');
    expect(masked).not.toContain(key);
    expect(masked).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);

    await popup.getByRole('checkbox', { name: 'Include tenant and object ids' }).check();
    await expect.poll(() => summary.inputValue()).toMatch(/Application object id: [0-9a-f-]{36}/);
    expect(await summary.inputValue()).not.toContain(key);
    await popup.close();
  });

  it('is copied from the popup only after a warning, and not in presenter mode', async () => {
    // The clipboard is read back from a web page; extension origins cannot be granted permissions.
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://entra.microsoft.com',
    });
    const entra = session.context.pages().find((page) => page.url().includes('entra.microsoft'));
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Copy the key…' }).click();
    const warning = popup.getByRole('alertdialog');
    expect(await warning.textContent()).toContain('other programs can read it');
    await warning.getByRole('button', { name: 'Copy the key' }).click();
    await popup.getByRole('status').filter({ hasText: 'on the clipboard' }).waitFor();
    expect(await entra?.evaluate(() => navigator.clipboard.readText())).toBe(key);
    expect(await popup.content()).not.toContain(key);

    await entra?.evaluate(() => navigator.clipboard.writeText(''));
    await popup.getByRole('checkbox', { name: /Presenter mode/ }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Copy the key…' }).count()).toBe(0);
    expect(await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'key-copy' }))).toEqual({
      refused: 'presenter',
    });
    await popup.getByRole('checkbox', { name: /Presenter mode/ }).click();
    await popup.close();
  });

  it('is forgotten from the popup, and the Entra panel stops offering the fill', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Forget the key' }).click();
    await popup.getByText('No Declaree key held yet.').waitFor();
    expect(JSON.stringify(await storageArea(session, 'session'))).not.toContain(key);

    const entra = session.context.pages().find((page) => page.url().includes('entra.microsoft'));
    await entra?.bringToFront();
    await guidePanel(entra ?? popup)
      .getByText(/holds no Declaree key yet/)
      .waitFor();
  });
});

describe('the key after the steps that follow the fill, with presenter mode on and off', () => {
  let later: Session;
  let laterKey: string;
  const leaksAfter: Record<string, string[]> = {};
  const maskedWhile: Record<string, boolean> = {};
  const application = freshApplication();

  async function popupState(title: string): Promise<string> {
    const popup = await openPopup(later);
    const state = popup.locator('li.step').filter({ hasText: title }).locator('.state');
    await state.waitFor();
    const text = (await state.textContent()) ?? '';
    await popup.close();
    return text;
  }

  beforeAll(async () => {
    // The classic form lives in the portal's top document, beside Mappings and Settings: the
    // steps after the fill happen on the page that still holds the filled Secret Token input.
    later = await startSession({ entra: { generation: 'classic', cycleMilliseconds: 300 } });
    await generateKeyOnDeclaree(await later.newPage(), 'com');
    laterKey = later.replicas.declaree.currentKey('com') ?? '';
    const entra = await later.newPage();
    await entra.goto(entraApplicationUrl('Provisioning', undefined, application));
    // Answered as an administrator does early on; the question would cover the mapping editor.
    await guidePanel(entra).getByRole('button', { name: 'Yes, it is' }).click();
    const form = await openCredentialsForm(entra, 'classic');
    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();
    expect(await testConnection(entra, form)).toMatch(/authorized/);
    leaksAfter['test connection'] = await keyLeaks(later, laterKey);

    await setPresenter(later, true);
    const masked = async () => ((await entra.locator('body').textContent()) ?? '').includes('•••');
    await waitUntil(masked, 'identifiers masked');
    leaksAfter['presenter on'] = await keyLeaks(later, laterKey);

    await entra.getByRole('button', { name: 'Save', exact: true }).click();
    await waitUntil(
      async () => !('vault' in (await storageArea(later, 'session'))),
      'key dropped after the save',
    );
    leaksAfter.save = await keyLeaks(later, laterKey);

    await mapUserNameFromMail(entra, await openClassicUserMapping(entra));
    await waitUntil(
      async () => later.replicas.entra.userNameSourceOf(application.objectId) === 'mail',
      'mapping saved',
    );
    maskedWhile.mappings = await masked();
    leaksAfter.mappings = await keyLeaks(later, laterKey);

    await setPresenter(later, false);
    await waitUntil(async () => !(await masked()), 'identifiers shown again');
    leaksAfter['presenter off'] = await keyLeaks(later, laterKey);

    await switchClassicProvisioningOn(entra);
    await guidePanel(entra)
      .getByText(/provisioning cycle has completed|cycle is running/)
      .waitFor();
    leaksAfter['start provisioning'] = await keyLeaks(later, laterKey);
  });

  afterAll(async () => {
    await later?.close();
  });

  it('went through every step, so the checks below follow a real journey', async () => {
    expect(laterKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(maskedWhile.mappings).toBe(true);
    for (const title of [
      'Test Connection',
      'Save the configuration',
      'userName from mail',
      'Start provisioning',
    ]) {
      expect(await popupState(title), title).toBe('Done');
    }
  });

  it('is nowhere but the Secret Token input after any of these steps', () => {
    expect(leaksAfter).toEqual({
      'test connection': [],
      'presenter on': [],
      save: [],
      mappings: [],
      'presenter off': [],
      'start provisioning': [],
    });
  });

  it('was the key Entra saved, so the checks looked for the secret in use', () => {
    expect(later.replicas.entra.savedSecretTokenEquals(laterKey, application.objectId)).toBe(true);
  });
});
