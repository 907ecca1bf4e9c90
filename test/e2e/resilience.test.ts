import { afterEach, describe, expect, it } from 'vitest';
import {
  entraApplicationUrl,
  freshApplication,
  freshApplicationUrl,
} from '../fixtures/entra/site.ts';
import { guidePanel, openPopup, type Session, startSession, storageArea } from './extension.ts';
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

describe('hostile messages', () => {
  it('refuses and counts 1,200 malformed or unauthorised messages without a change of state', async () => {
    session = await startSession({});
    await generateKeyOnDeclaree(await session.newPage(), 'com');
    const before = {
      local: await storageArea(session, 'local'),
      vault: (await storageArea(session, 'session')).vault,
    };
    const popup = await openPopup(session);

    const answers = await popup.evaluate(async () => {
      const huge = 'A'.repeat(5_000_000);
      const shapes: unknown[] = [
        null,
        42,
        'key-offer',
        [],
        {},
        { type: 'unknown' },
        { type: 'key-offer' },
        { type: 'key-offer', key: 'Zq8mN2vX5bL0pW7tR4yK1cD9fG3hJ6sA8eU2iO5nM0q=' },
        { type: 'key-offer', key: huge },
        { type: 'fill-request', nonce: crypto.randomUUID() },
        { type: 'fill-start' },
        { type: 'frame-report', report: { page: 'entra-portal', credentialsForm: true } },
        { type: 'frame-report', report: { page: null, credentialsForm: false, doneSteps: [] } },
        { type: 'step-set', step: 'declaree-key', state: 'bogus' },
        { type: 'popup-get', extra: true },
        { type: 'status-get', __proto__: { polluted: true } },
        { type: 'key-forget', key: 'x' },
        { type: 'fill-command', nonce: crypto.randomUUID() },
        { type: 'guide', wanted: ['entra-save'], highlight: null },
        { type: 'frame-report', report: { page: 'x'.repeat(100_000) } },
      ];
      const sent: Promise<unknown>[] = [];
      for (let index = 0; index < 1_200; index += 1) {
        const message = shapes[index % shapes.length];
        sent.push(chrome.runtime.sendMessage(message).catch(() => 'error'));
      }

      return Promise.all(sent);
    });

    // From the popup, an extension page: every one of these is either malformed or a content
    // script's message, which an extension page may not send.
    expect(answers.filter((answer) => answer !== undefined && answer !== null)).toEqual([]);
    const { refusedMessages, vault } = await storageArea(session, 'session');
    expect(refusedMessages).toBe(1_200);
    expect(vault).toEqual(before.vault);
    expect(await storageArea(session, 'local')).toEqual(before.local);
    await popup.close();
  });
});

describe('the service worker stopped mid-journey', () => {
  it('keeps the key and the progress, and the fill still works when it wakes', async () => {
    session = await startSession({ entra: { generation: 'new' } });
    await generateKeyOnDeclaree(await session.newPage(), 'de');
    const entra = await session.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'new');
    await guidePanel(entra)
      .getByText(/can fill in the Tenant URL/)
      .waitFor();

    const protocol = await session.context.newCDPSession(entra);
    const statuses: string[] = [];
    protocol.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      statuses.push(...versions.map((version) => version.runningStatus));
    });
    await protocol.send('ServiceWorker.enable');
    await protocol.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.includes('stopped')).toBe(true);

    await guidePanel(entra)
      .getByRole('button', { name: 'Fill Tenant URL and Secret Token' })
      .click();
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();
    expect(await testConnection(entra, form)).toMatch(/authorized/);
    const popup = await openPopup(session);
    expect(
      await popup.locator('li.step').filter({ hasText: 'Generate the key' }).textContent(),
    ).toContain('Done');
  });
});

describe('the extension reloaded under an open tab', () => {
  it('stops the old script quietly, asks for a reload, and leaves typed text alone', async () => {
    session = await startSession({ entra: { generation: 'classic' } });
    const entra = await session.newPage();
    const pageErrors: string[] = [];
    entra.on('pageerror', (error) => pageErrors.push(error.message));
    await entra.goto(freshApplicationUrl('Provisioning'));
    await openCredentialsForm(entra, 'classic');
    const tenantUrl = entra.getByRole('textbox', { name: 'Tenant URL' });
    await tenantUrl.fill('https://typed.example/');
    await guidePanel(entra).waitFor();

    await session.worker?.evaluate(() => chrome.runtime.reload());
    // Any change of the page makes the old script notice that its extension is gone.
    await entra.getByRole('link', { name: 'Overview', exact: true }).first().hover();
    await tenantUrl.press('End');
    await tenantUrl.type('x');
    await guidePanel(entra)
      .getByText(/Reload this tab to continue/)
      .waitFor();

    expect(await tenantUrl.inputValue()).toBe('https://typed.example/x');
    expect(pageErrors).toEqual([]);
  });
});

describe('the key and the state over time and tabs', () => {
  it('drops the key once its time limit has passed', async () => {
    session = await startSession({});
    const declaree = await session.newPage();
    await generateKeyOnDeclaree(declaree, 'com');
    // Thirty minutes are not waited out: the held key is made to have been captured long ago.
    await session.worker?.evaluate(async () => {
      const { vault } = await chrome.storage.session.get('vault');
      await chrome.storage.session.set({
        vault: { ...(vault as object), expiresAt: Date.now() - 1 },
      });
    });

    const popup = await openPopup(session);
    await popup.getByText('No Declaree key held yet.').waitFor();
    expect('vault' in (await storageArea(session, 'session'))).toBe(false);
  });

  it('shows one state in two Entra tabs, and the fill in one leaves the other consistent', async () => {
    session = await startSession({ entra: { generation: 'new' } });
    const application = freshApplication();
    const first = await session.newPage();
    await first.goto(entraApplicationUrl('Provisioning', undefined, application));
    await openCredentialsForm(first, 'new');
    const second = await session.newPage();
    await second.goto(entraApplicationUrl('Provisioning', undefined, application));
    await openCredentialsForm(second, 'new');

    await generateKeyOnDeclaree(await session.newPage(), 'de');
    for (const page of [first, second]) {
      await guidePanel(page)
        .getByText(/holds the key for the DE instance/)
        .waitFor();
    }

    await first.bringToFront();
    await pressFill(first);
    await guidePanel(first).getByText('Next: press Test Connection.').waitFor();
    await second.bringToFront();
    await guidePanel(second)
      .getByRole('button', { name: 'Fill Tenant URL and Secret Token' })
      .waitFor();
    expect(await guidePanel(second).getByText('Next: press Test Connection.').count()).toBe(0);
  });
});
