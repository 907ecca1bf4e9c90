import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  entraApplicationUrl,
  entraPortalUrl,
  freshApplication,
} from '../../fixtures/entra/site.ts';
import { bladeTitles, frameFrom, toast } from '../../fixtures/entra/testing.ts';
import { installReplicas, type Replicas } from '../../fixtures/replicas.ts';
import { type Browser, launchBrowser } from '../browser.ts';

let browser: Browser;
let replicas: Replicas;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  replicas = await installReplicas(browser.context, { entra: {} });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
});

const listFrameHost = /^sandbox-1\.reactblade\.portal\.azure\.net$/;
const pickerFrameHost = /^sandbox-2\.reactblade\.portal\.azure\.net$/;

/** Scrolls the list's own scrolling container, as a wheel would, and lets Fluent redraw. */
async function scrollList(frame: Frame, to: 'bottom' | number): Promise<void> {
  await frame.locator('[data-is-scrollable="true"]').evaluate((element, target) => {
    element.scrollTop = target === 'bottom' ? element.scrollHeight : target;
  }, to);
  await frame.page().waitForTimeout(300);
}

async function shownNames(frame: Frame): Promise<string[]> {
  const rows = frame.getByRole('row');
  const names: string[] = [];
  for (let index = 1; index < (await rows.count()); index += 1) {
    names.push((await rows.nth(index).getByRole('gridcell').nth(1).textContent()) ?? '');
  }
  return names;
}

describe('Entra replica, Users and groups', () => {
  it('virtualises a list of a few hundred rows with the collisions far down', async () => {
    replicas.configure({ entra: {} });
    await page.goto(entraApplicationUrl('Users', undefined, freshApplication()));
    expect(await bladeTitles(page)).toEqual(['Declaree | Users and groups']);
    const list = await frameFrom(page, listFrameHost);
    await list.getByText('412 users and groups found').waitFor();
    expect(await list.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining(['Display Name', 'Object Type', 'Role assigned']),
    );
    const rows = list.getByRole('row');
    expect(await rows.count()).toBeLessThan(40);
    const top = await shownNames(list);
    expect(top).toContain('Aaron Bakker');
    for (const name of ['STRASSE', 'finance', 'group-app-test']) {
      expect(await list.getByRole('gridcell', { name, exact: true }).count()).toBe(0);
    }

    await scrollList(list, 'bottom');
    await list.getByRole('gridcell', { name: 'Reception', exact: true }).waitFor();
    expect(await rows.count()).toBeLessThan(40);
    const bottom = await shownNames(list);
    expect(bottom.filter((name) => !top.includes(name)).length).toBeGreaterThanOrEqual(10);
    const reception = list.getByRole('row').filter({ hasText: 'Reception' });
    expect(await reception.getByRole('gridcell').nth(2).textContent()).toBe('User');

    await scrollList(list, 330 * 42);
    await list.getByRole('gridcell', { name: 'finance', exact: true }).waitFor();
    const finance = list.getByRole('row').filter({
      has: list.getByRole('gridcell', { name: 'finance', exact: true }),
    });
    expect(await finance.getByRole('gridcell').nth(2).textContent()).toBe('Group');
  });

  it('assigns one of two groups named Finance through the picker', async () => {
    replicas.configure({ entra: {} });
    const application = freshApplication();
    await page.goto(entraApplicationUrl('Users', undefined, application));
    const list = await frameFrom(page, listFrameHost);
    await list.getByRole('menuitem', { name: 'Add user/group' }).click();

    const blade = page.getByRole('region', { name: 'Add Assignment' });
    await blade.waitFor();
    const assign = blade.getByRole('button', { name: 'Assign' });
    expect(await assign.isDisabled()).toBe(true);
    expect(await blade.getByText('Select a role').count()).toBe(1);
    await blade.getByRole('link', { name: 'None Selected' }).click();

    await expect
      .poll(() => bladeTitles(page))
      .toEqual(['Declaree | Users and groups', 'Add Assignment', 'Users and groups']);
    const picker = await frameFrom(page, pickerFrameHost);
    const select = picker.getByRole('button', { name: 'Select', exact: true });
    await select.waitFor();
    expect(await select.isDisabled()).toBe(true);
    await picker.getByRole('searchbox', { name: 'Search' }).fill('Fin');
    const finance = picker.getByRole('row').filter({
      has: picker.getByText('Finance', { exact: true }),
    });
    await expect.poll(() => finance.count()).toBe(2);
    expect(await finance.allTextContents()).toEqual([
      expect.stringContaining('Finance department'),
      expect.stringContaining('Finance team (EMEA)'),
    ]);
    expect(await picker.getByText('Finn Larsen').count()).toBe(1);
    expect(await picker.getByText('finance', { exact: true }).count()).toBe(1);

    const emea = finance.filter({ hasText: 'Finance team (EMEA)' });
    await emea.getByRole('checkbox').click();
    expect(await emea.getAttribute('aria-selected')).toBe('true');
    await picker.getByText('Selected (1)').waitFor();
    // A new search keeps what was chosen.
    await picker.getByRole('searchbox', { name: 'Search' }).fill('HR');
    await picker.getByRole('gridcell', { name: 'HR', exact: false }).first().waitFor();
    await picker.getByText('Selected (1)').waitFor();
    await select.click();

    await expect
      .poll(() => bladeTitles(page))
      .toEqual(['Declaree | Users and groups', 'Add Assignment']);
    await blade.getByRole('link', { name: '1 group selected.' }).waitFor();
    await assign.click();
    await toast(page, 'Assignment succeeded').waitFor();
    expect(replicas.entra.directory.addedAssignments.at(-1)).toMatchObject({
      objectId: application.objectId,
      principal: { name: 'Finance', objectId: 'b7d3e2a1-6c4f-4a8b-9e1d-0f2c3b4a5d6e' },
    });
    await expect.poll(() => bladeTitles(page)).toEqual(['Declaree | Users and groups']);

    const refreshed = await frameFrom(page, listFrameHost);
    await refreshed.getByText('413 users and groups found').waitFor();
    await refreshed.getByRole('searchbox', { name: 'Search' }).fill('Finance');
    await expect
      .poll(() => refreshed.getByRole('gridcell', { name: 'Finance', exact: true }).count())
      .toBe(2);
  });

  it('starts empty for a created application and takes the assignments option', async () => {
    replicas.configure({
      entra: {
        language: 'de',
        assignments: [
          { name: 'Vertrieb', type: 'Group' },
          { name: 'vertrieb', type: 'Group' },
          { name: 'Jana Nowak', type: 'User', email: 'jana.nowak@contoso.com' },
        ],
      },
    });
    await page.goto(entraApplicationUrl('Users', undefined, freshApplication()));
    const list = await frameFrom(page, listFrameHost);
    await list.getByText('3 Benutzer und Gruppen gefunden').waitFor();
    expect(await list.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining(['Anzeigename', 'Objekttyp', 'Zugewiesene Rolle']),
    );
    expect(await list.getByRole('gridcell', { name: 'Gruppe', exact: true }).count()).toBe(2);
    expect(await list.getByRole('gridcell', { name: 'Benutzer', exact: true }).count()).toBe(1);
    await list.getByRole('menuitem', { name: 'Benutzer/Gruppe hinzufügen' }).click();
    const blade = page.getByRole('region', { name: 'Zuweisung hinzufügen' });
    await blade.getByRole('link', { name: 'Keine ausgewählt' }).waitFor();
    expect(await blade.getByRole('button', { name: 'Zuweisen' }).isDisabled()).toBe(true);

    await page.goto(entraPortalUrl('gallery'));
    await page.getByRole('button', { name: 'Eigene Anwendung erstellen' }).click();
    await page.getByRole('textbox', { name: 'Wie lautet der Name Ihrer App?' }).fill('Declaree');
    await page.getByRole('button', { name: 'Erstellen', exact: true }).click();
    await expect.poll(() => bladeTitles(page)).toEqual(['Declaree | Übersicht']);
    await page.getByRole('link', { name: 'Benutzer und Gruppen zuweisen' }).click();
    const created = await frameFrom(page, listFrameHost);
    await created.getByText('0 Benutzer und Gruppen gefunden').waitFor();
    expect(await created.getByText('Keine Anwendungszuweisungen gefunden').count()).toBe(1);
  });
});

describe('Entra replica, All groups', () => {
  it('lists the tenant groups, both Finance groups among them', async () => {
    replicas.configure({ entra: {} });
    await page.goto(entraPortalUrl('allGroups'));
    expect(await bladeTitles(page)).toEqual(['Groups | All groups']);
    const list = await frameFrom(page, listFrameHost);
    await list.getByText(/^\d+ groups found$/).waitFor();
    expect(await list.getByRole('columnheader').allTextContents()).toEqual([
      'Name',
      'Object Id',
      'Group type',
      'Membership type',
      'Email',
      'Source',
    ]);
    expect(await list.getByRole('row').count()).toBeLessThan(40);
    await list.getByRole('searchbox', { name: 'Search' }).fill('Finance');
    await expect
      .poll(() => list.getByRole('gridcell', { name: 'Finance', exact: true }).count())
      .toBe(2);
    expect(await list.getByText('4 groups found').count()).toBe(1);
    const approvers = list.getByRole('row').filter({ hasText: 'Finance Approvers' });
    expect(await approvers.getByRole('gridcell').allTextContents()).toEqual([
      'Finance Approvers',
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      'Microsoft 365',
      'Assigned',
      expect.stringContaining('@contoso.onmicrosoft.com'),
      'Cloud',
    ]);
  });
});
