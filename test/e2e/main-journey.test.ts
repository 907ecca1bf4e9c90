import { afterEach, describe, expect, it } from 'vitest';
import { declareeScimBaseUrl } from '../fixtures/declaree/site.ts';
import { freshApplicationUrl } from '../fixtures/entra/site.ts';
import type { ReplicaOptions } from '../fixtures/replicas.ts';
import { fillButtonName, guidePanel, type Session, startSession } from './extension.ts';
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

/** A fresh application per test, so that no test sees another's saved configuration. */

const authorised =
  /authorized to enable provisioning|zum Aktivieren der Bereitstellung autorisiert/;

describe('main journey', () => {
  it('fills a key from the .de instance into the new experience, and Test connection passes', async () => {
    const { context, replicas } = await start({ entra: { generation: 'new' } });
    await generateKeyOnDeclaree(await context.newPage(), 'de');
    const key = replicas.declaree.currentKey('de');

    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'new');
    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();

    const inputs = form.locator('input');
    expect(await inputs.nth(0).inputValue()).toBe('https://app.declaree.de/SCIM/v2/');
    expect(await form.locator('input[type="password"]').inputValue()).toBe(key);
    expect(await entra.getByRole('combobox', { name: /Search resources/ }).inputValue()).toBe('');

    expect(await testConnection(entra, form)).toMatch(authorised);
    expect(replicas.entra.credentialTests.at(-1)).toMatchObject({
      tenantUrl: declareeScimBaseUrl('de'),
      succeeded: true,
    });
    expect(await form.getByRole('button', { name: 'Create' }).isEnabled()).toBe(true);
  });

  it('fills a key from the .com instance into the classic form, and Test Connection passes', async () => {
    const { context, replicas } = await start({ entra: { generation: 'classic' } });
    await generateKeyOnDeclaree(await context.newPage(), 'com');

    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'classic');
    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();

    expect(await entra.getByRole('textbox', { name: 'Tenant URL' }).inputValue()).toBe(
      'https://app.declaree.com/SCIM/v2/',
    );
    expect(await testConnection(entra, form)).toMatch(authorised);
    expect(replicas.entra.credentialTests.at(-1)).toMatchObject({
      tenantUrl: declareeScimBaseUrl('com'),
      succeeded: true,
    });
  });

  it('fills the German classic form', async () => {
    const { context, replicas } = await start({ entra: { generation: 'classic', language: 'de' } });
    await generateKeyOnDeclaree(await context.newPage(), 'de');

    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'classic', 'de');
    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();

    expect(await entra.getByRole('textbox', { name: 'Mandanten-URL' }).inputValue()).toBe(
      'https://app.declaree.de/SCIM/v2/',
    );
    expect(await testConnection(entra, form)).toMatch(authorised);
    expect(replicas.entra.credentialTests.at(-1)?.succeeded).toBe(true);
  });

  it('follows the portal by hash to a form opened before the key, and fills once the key arrives', async () => {
    const { context, replicas } = await start({ entra: { generation: 'new' } });
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Overview'));
    await guidePanel(entra).waitFor();
    const reloads: string[] = [];
    entra.on('framenavigated', (frame) => {
      if (frame === entra.mainFrame()) {
        reloads.push(frame.url());
      }
    });

    await entra.getByRole('link', { name: 'Provisioning', exact: true }).click();
    const form = await openCredentialsForm(entra, 'new');
    await guidePanel(entra)
      .getByText(/holds no Declaree key yet/)
      .waitFor();
    expect(await guidePanel(entra).getByRole('button', { name: fillButtonName }).count()).toBe(0);

    // The key is generated in another tab while the form stays open here.
    await generateKeyOnDeclaree(await context.newPage(), 'com');
    await entra.bringToFront();
    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();

    expect(await testConnection(entra, form)).toMatch(authorised);
    expect(replicas.entra.credentialTests.at(-1)).toMatchObject({
      tenantUrl: declareeScimBaseUrl('com'),
      succeeded: true,
    });
    expect(reloads.every((url) => url.includes('#'))).toBe(true);
    expect(await entra.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  it('asks before filling an application whose name is not Declaree', async () => {
    const { context } = await start({ entra: { generation: 'new', appName: 'Contoso HR' } });
    await generateKeyOnDeclaree(await context.newPage(), 'com');
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'new');
    const panel = guidePanel(entra);
    const secret = form.locator('input[type="password"]');

    await pressFill(entra);
    const question = panel.getByRole('alertdialog');
    await question.waitFor();
    expect(await question.textContent()).toContain('“Contoso HR”');
    expect(await secret.inputValue()).toBe('');

    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await secret.inputValue()).toBe('');

    await pressFill(entra);
    await panel.getByRole('button', { name: 'Yes, fill it in' }).click();
    await panel.getByText('Next: press Test Connection.').waitFor();
    expect(await secret.inputValue()).not.toBe('');
  });
});
