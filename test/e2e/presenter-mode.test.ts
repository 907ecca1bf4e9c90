/**
 * Presenter mode on the replicas: the key covered on Declaree's page and hidden in the popup, and
 * GUIDs and e-mail addresses masked in every frame of the Entra pages, in text and in title and
 * aria- attributes, then put back as they were when it is switched off.
 */
import { randomUUID } from 'node:crypto';
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { entraApplicationUrl } from '../fixtures/entra/site.ts';
import { guidePanel, openPopup, type Session, setPresenter, startSession } from './extension.ts';
import { generateKeyOnDeclaree, openCredentialsForm } from './journey.ts';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

/** Identifiers a person could read in the frame: text and title/aria- attributes. */
async function identifiersShown(frame: Frame): Promise<string[]> {
  return frame.evaluate(
    ({ guidSource, emailSource }) => {
      const patterns = [new RegExp(guidSource, 'i'), new RegExp(emailSource)];
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Text && patterns.some((pattern) => pattern.test(node.data))) {
          found.push(node.data.trim());
        } else if (node instanceof Element && !(node instanceof HTMLScriptElement)) {
          for (const attribute of node.attributes) {
            const readable = attribute.name === 'title' || attribute.name.startsWith('aria-');
            if (readable && patterns.some((pattern) => pattern.test(attribute.value))) {
              found.push(`${attribute.name}=${attribute.value}`);
            }
          }
        }
      }

      return found;
    },
    { guidSource: guid.source, emailSource: email.source },
  );
}

async function allShown(page: Page): Promise<string[]> {
  const lists = await Promise.all(page.frames().map((frame) => identifiersShown(frame)));
  return lists.flat();
}

describe('presenter mode', () => {
  it('masks ids and e-mail addresses in every Entra frame, and puts them back', async () => {
    session = await startSession({ entra: { generation: 'new' } });
    const entra = await session.newPage();
    await entra.goto(
      entraApplicationUrl('Provisioning', undefined, {
        objectId: randomUUID(),
        appId: randomUUID(),
      }),
    );
    await openCredentialsForm(entra, 'new');
    await guidePanel(entra).waitFor();
    const before = await allShown(entra);
    expect(before.length).toBeGreaterThan(0);

    await setPresenter(session, true);
    await entra.bringToFront();
    await expect.poll(() => allShown(entra)).toEqual([]);
    expect(await entra.locator('body').textContent()).toContain('•••••@•••••');

    // The portal keeps rendering: a new notification with an id is masked as it appears.
    await entra.evaluate(() => {
      const note = document.createElement('div');
      note.title = 'Object 0f8fad5b-d9cb-469f-a165-70867728950e';
      note.textContent = 'Assigned to someone@contoso.example';
      document.body.append(note);
    });
    await expect.poll(() => allShown(entra)).toEqual([]);

    await setPresenter(session, false);
    await entra.bringToFront();
    await expect
      .poll(async () => (await allShown(entra)).length)
      .toBeGreaterThanOrEqual(before.length);
    expect(await allShown(entra)).toEqual(expect.arrayContaining(before));
  });

  it('covers the key on Declaree and hides its last characters in the popup', async () => {
    session = await startSession({});
    const declaree = await session.newPage();
    await generateKeyOnDeclaree(declaree, 'com');
    await setPresenter(session, true);

    await declaree.bringToFront();
    const cover = declaree.locator('declaree-setup-cover');
    await cover.waitFor({ state: 'attached' });
    const keyInput = declaree.locator('input[readonly]').first();
    const [coverBox, keyBox] = await Promise.all([
      cover.evaluate((host) =>
        host.shadowRoot?.firstElementChild?.getBoundingClientRect().toJSON(),
      ),
      keyInput.evaluate((input) => input.getBoundingClientRect().toJSON()),
    ]);
    expect(coverBox).toMatchObject({ left: keyBox.left, top: keyBox.top, width: keyBox.width });

    const popup = await openPopup(session);
    await popup.getByText(/Key held for the EU instance/).waitFor();
    const key = session.replicas.declaree.currentKey('com') ?? '';
    expect(await popup.content()).not.toContain(key.slice(-4));
    expect(await popup.getByText(/ending in/).count()).toBe(0);
  });
});
