import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { entraPortalUrl, freshApplicationUrl } from '../fixtures/entra/site.ts';
import type { ReplicaOptions } from '../fixtures/replicas.ts';
import { guidePanel, openPopup, type Session, startSession } from './extension.ts';
import { frameFrom, generateKeyOnDeclaree } from './journey.ts';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function start(options: ReplicaOptions): Promise<Session> {
  session = await startSession(options);
  return session;
}

/** Scrolls the virtualised list to its end a screen at a time, as a person would. */
async function scrollThrough(list: Frame): Promise<void> {
  const scroller = list.locator('[data-is-scrollable="true"]').first();
  for (let step = 0; step < 60; step += 1) {
    const atEnd = await scroller.evaluate((element) => {
      element.scrollTop += element.clientHeight;
      return element.scrollTop + element.clientHeight >= element.scrollHeight - 2;
    });
    await list.page().waitForTimeout(120);
    if (atEnd) {
      return;
    }
  }
}

function alertOf(page: Page) {
  return guidePanel(page).getByRole('alert');
}

describe('group names on Users and groups', () => {
  it('finds the collisions far down the virtualised list, and only those', async () => {
    const { context } = await start({ entra: { generation: 'new' } });
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Users'));
    const list = await frameFrom(entra, /^sandbox-1\.reactblade/);
    await list.getByRole('columnheader', { name: 'Object Type' }).waitFor();
    await guidePanel(entra)
      .getByText(/groups checked; the list has 412 users and groups/)
      .waitFor();
    expect(await alertOf(entra).count()).toBe(0);

    await scrollThrough(list);
    const alert = alertOf(entra);
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    for (const name of ['“Finance”', '“finance”', '“Straße”', '“STRASSE”']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Looks alike');
    expect(text).not.toContain('group-app');
    expect(text).not.toContain('Reception');

    // The rows themselves are marked in the frame that holds the list.
    await expect
      .poll(() => list.evaluate(() => document.querySelector('declaree-setup-marks') !== null))
      .toBe(true);

    const popup = await openPopup(session as Session);
    await popup.getByText(/Group names: \d+ checked, [1-9]\d* collisions/).waitFor();
  });

  it('names two search results called Finance in the picker, with what tells them apart', async () => {
    const { context } = await start({ entra: { generation: 'new' } });
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Users'));
    const list = await frameFrom(entra, /^sandbox-1\.reactblade/);
    await list.getByRole('menuitem', { name: 'Add user/group' }).click();
    await entra
      .getByRole('region', { name: 'Add Assignment' })
      .getByRole('link', { name: 'None Selected' })
      .click();
    const picker = await frameFrom(entra, /^sandbox-2\.reactblade/);
    await picker.getByRole('searchbox', { name: 'Search' }).fill('Fin');

    const alert = alertOf(entra);
    await alert.getByText(/Finance department/).waitFor();
    expect(await alert.textContent()).toContain('Finance team (EMEA)');
  });

  it('speaks of a group Declaree already has under another spelling', async () => {
    const { context, replicas } = await start({
      entra: {
        generation: 'new',
        assignments: [
          { name: 'Finance', type: 'Group' },
          { name: 'Sales', type: 'Group' },
          { name: 'Anna Jansen', type: 'User', email: 'anna@contoso.example' },
        ],
      },
    });
    replicas.declaree.setGroups('com', ['FINANCE', 'Sales', 'Board']);
    await generateKeyOnDeclaree(await context.newPage(), 'com');
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Users'));

    const alert = alertOf(entra);
    await alert.getByText(/Already in Declaree/).waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('“FINANCE”');
    expect(text).not.toContain('Sales');
  });

  it('reports plainly when Declaree refuses the key, and still checks the page', async () => {
    const { context, replicas } = await start({
      entra: {
        generation: 'new',
        assignments: [
          { name: 'HR', type: 'Group' },
          { name: 'hr', type: 'Group' },
        ],
      },
    });
    await generateKeyOnDeclaree(await context.newPage(), 'com');
    replicas.declaree.issueKey('com');
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Users'));
    await guidePanel(entra)
      .getByText(/Declaree refused the key/)
      .waitFor();
    expect(await alertOf(entra).textContent()).toContain('“hr”');
  });

  it('shows names with markup as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">Finance';
    const { context } = await start({
      entra: {
        generation: 'new',
        appName: '<b>Declaree</b><script>window.pwned=2</script>',
        assignments: [
          { name: hostile, type: 'Group' },
          { name: hostile.toUpperCase(), type: 'Group' },
        ],
      },
    });
    const entra = await context.newPage();
    await entra.goto(freshApplicationUrl('Users'));
    const alert = alertOf(entra);
    await alert.waitFor();
    expect(await alert.textContent()).toContain(hostile);
    const panelMarkup = await entra.evaluate(() => {
      const root = document.querySelector('declaree-setup-guide')?.shadowRoot;
      return {
        images: root?.querySelectorAll('img, script, b').length,
        pwned: (window as unknown as { pwned?: number }).pwned,
      };
    });
    expect(panelMarkup).toEqual({ images: 0, pwned: undefined });
  });

  it("checks Entra's Groups list, in German", async () => {
    const { context } = await start({ entra: { language: 'de' } });
    const entra = await context.newPage();
    await entra.goto(entraPortalUrl('allGroups'));
    const list = await frameFrom(entra, /^sandbox-1\.reactblade/);
    await list.getByRole('columnheader', { name: 'Gruppentyp' }).waitFor();
    await scrollThrough(list);
    const alert = alertOf(entra);
    await alert.waitFor();
    expect(await alert.textContent()).toContain('“Finance”');
  });
});
