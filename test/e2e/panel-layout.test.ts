/**
 * The guide panel keeps out of the admin's way: it moves to the other side, shows fewer details
 * (the step and what to do only), and folds down to its header, all from the keyboard too.
 */
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { entraPortalUrl } from '../fixtures/entra/site.ts';
import { guidePanel, type Session, startSession } from './extension.ts';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function box(locator: Locator): Promise<{ x: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) {
    throw new Error('The panel is not shown.');
  }
  return { x: found.x, height: found.height };
}

describe('the guide panel out of the way', () => {
  it('moves aside, shows fewer details and folds down, and comes back each time', async () => {
    session = await startSession();
    const entra = await session.newPage();
    await entra.goto(entraPortalUrl('home'));
    const panel = guidePanel(entra);
    await panel.getByRole('button', { name: 'Mark as done' }).waitFor();
    const full = await box(panel);

    // Moved to the left edge and back.
    await panel.getByRole('button', { name: 'Move the guide to the other side' }).click();
    await expect.poll(async () => (await box(panel)).x).toBeLessThan(full.x);
    await panel.getByRole('button', { name: 'Move the guide to the other side' }).click();
    await expect.poll(async () => (await box(panel)).x).toBe(full.x);

    // Fewer details: the step and what to do stay; the question, step buttons and switch go.
    const fewer = panel.getByRole('button', { name: 'Fewer details' });
    await fewer.focus();
    await entra.keyboard.press('Enter');
    expect(await fewer.getAttribute('aria-pressed')).toBe('true');
    await panel.getByText('Now: Open Microsoft Entra ID').waitFor();
    expect(await panel.getByRole('button', { name: 'Mark as done' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Yes, it is' }).count()).toBe(0);
    expect(await panel.getByRole('checkbox', { name: /Presenter mode/ }).isVisible()).toBe(false);
    const compact = await box(panel);
    expect(compact.height).toBeLessThan(full.height * 0.7);

    await fewer.click();
    await panel.getByRole('button', { name: 'Mark as done' }).waitFor();
    await panel.getByRole('button', { name: 'Yes, it is' }).waitFor();

    // Folded down to the header, and opened again.
    await panel.getByRole('button', { name: 'Hide the guide' }).click();
    await expect.poll(() => panel.getByText('Now: Open Microsoft Entra ID').count()).toBe(0);
    expect((await box(panel)).height).toBeLessThan(compact.height);
    await panel.getByRole('button', { name: 'Show the guide' }).click();
    await panel.getByText('Now: Open Microsoft Entra ID').waitFor();
  });
});
