import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { freshApplicationUrl } from '../fixtures/entra/site.ts';
import type { LureRecord } from '../fixtures/foreign/lure.app.ts';
import { foreignOrigin, lureUrl } from '../fixtures/foreign/site.ts';
import type { ReplicaOptions } from '../fixtures/replicas.ts';
import {
  guidePanel,
  keyLeaks,
  openPopup,
  placesShowing,
  type Session,
  startSession,
  storageArea,
  waitUntil,
} from './extension.ts';
import { frameFrom, generateKeyOnDeclaree, openCredentialsForm, pressFill } from './journey.ts';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A session with the key taken on Declaree's DE instance; returns the key. */
async function startWithKey(options: ReplicaOptions): Promise<{ current: Session; key: string }> {
  const current = await startSession(options);
  session = current;
  await generateKeyOnDeclaree(await current.newPage(), 'de');
  return { current, key: current.replicas.declaree.currentKey('de') ?? '' };
}

/** The values of every input of the frame, password inputs included. */
function inputValues(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...document.querySelectorAll('input')].map((input) => input.value));
}

async function refusedCount(current: Session): Promise<number> {
  const { refusedMessages } = await storageArea(current, 'session');
  return typeof refusedMessages === 'number' ? refusedMessages : 0;
}

async function popupState(current: Session, title: string): Promise<string> {
  const popup = await openPopup(current);
  const state = popup.locator('li.step').filter({ hasText: title }).locator('.state');
  await state.waitFor();
  const text = (await state.textContent()) ?? '';
  await popup.close();
  return text;
}

/** Any line the guide shows once a fill has come back, whether it worked or not. */
const fillOutcome =
  /did not fill|are filled in|could not be found|closed or changed|no provisioning form/i;
const sandboxedText = /did not fill in this form, because Entra shows it in a sandboxed frame/;

describe('a credentials form in a sandboxed frame', () => {
  it('is not filled, the guide says so plainly, and the key reaches nothing in that frame', async () => {
    // The reactblade frames sandboxed without allow-same-origin: their origin is opaque.
    const { current, key } = await startWithKey({
      entra: { generation: 'new', frameSandbox: 'allow-scripts allow-forms allow-popups' },
    });
    const entra = await current.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'new');
    expect(await form.evaluate(() => self.origin)).toBe('null');
    const panel = guidePanel(entra);
    await panel.getByRole('button', { name: 'Fill Tenant URL and Secret Token' }).waitFor();
    const refusedBefore = await refusedCount(current);

    await pressFill(entra);
    await panel.getByText(fillOutcome).first().waitFor();

    expect(await inputValues(form)).toEqual(['', '']);
    expect(await placesShowing(form, key)).toEqual([]);
    // The frame refused before it asked for the key: nothing was asked, nothing refused.
    expect(await refusedCount(current)).toBe(refusedBefore);
    expect(await panel.textContent()).toMatch(sandboxedText);
    expect(await panel.textContent()).not.toMatch(/are filled in|press Test Connection|can fill/);
    // The admin is given what to type instead.
    expect(await panel.textContent()).toContain('https://app.declaree.de/SCIM/v2/');
    expect(await keyLeaks(current, key)).toEqual([]);
    expect(await popupState(current, 'Tenant URL and Secret Token')).not.toBe('Done');
  });

  it('is filled when the sandbox keeps the frame its origin', async () => {
    // With allow-same-origin the frame keeps its reactblade origin: the refusal is about
    // opaque origins, not about the sandbox attribute.
    const { current, key } = await startWithKey({
      entra: {
        generation: 'new',
        frameSandbox: 'allow-scripts allow-same-origin allow-forms allow-popups',
      },
    });
    const entra = await current.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'new');
    expect(await form.evaluate(() => self.origin)).toBe(
      'https://sandbox-2.reactblade.portal.azure.net',
    );

    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();
    expect(await inputValues(form)).toEqual(['https://app.declaree.de/SCIM/v2/', key]);
  });
});

/** Puts a frame of the foreign lure page into the frame's document, as a script there could. */
async function insertLure(frame: Frame, url: string): Promise<void> {
  await frame.evaluate((source) => {
    const iframe = document.createElement('iframe');
    iframe.src = source;
    iframe.title = 'Help';
    iframe.style.cssText = 'width: 480px; height: 240px; border: 0';
    document.body.append(iframe);
  }, url);
}

function lureRecord(frame: Frame): Promise<LureRecord | undefined> {
  return frame
    .evaluate(() => (window as unknown as { lureRecord?: LureRecord }).lureRecord)
    .catch(() => undefined);
}

/** The lure frames of the page, once that many have started their attempts. */
async function lureFrames(page: Page, count: number): Promise<Frame[]> {
  const lures = () => page.frames().filter((frame) => frame.url().startsWith(foreignOrigin));
  await waitUntil(async () => {
    const records = await Promise.all(lures().map((frame) => lureRecord(frame)));
    return records.filter((record) => (record?.rounds ?? 0) > 0).length === count;
  }, `${count} lure frames at work`);
  return lures();
}

async function roundsOf(lures: Frame[]): Promise<number[]> {
  const records = await Promise.all(lures.map((frame) => lureRecord(frame)));
  return records.map((record) => record?.rounds ?? 0);
}

describe('a frame of another origin inside Entra', () => {
  it('gets no fill and no key however it asks, and moves no step', async () => {
    const { current, key } = await startWithKey({ entra: { generation: 'new' } });
    const entra = await current.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    await frameFrom(entra, /^sandbox-1\.reactblade/);
    const refusedBefore = await refusedCount(current);
    const url = lureUrl(current.extensionId ?? '');
    // One in the portal's document before the form opens, so that it comes first among the
    // tab's frames, and one inside the credentials form's own frame.
    await insertLure(entra.mainFrame(), url);
    const form = await openCredentialsForm(entra, 'new');
    await insertLure(form, url);
    const lures = await lureFrames(entra, 2);

    await pressFill(entra);
    await guidePanel(entra).getByText('Next: press Test Connection.').waitFor();
    // The lures go on trying after the fill, while the key is in the form.
    const roundsAtFill = await roundsOf(lures);
    await waitUntil(async () => {
      const rounds = await roundsOf(lures);
      return rounds.every((count, index) => count >= (roundsAtFill[index] ?? 0) + 3);
    }, 'three more rounds of forged messages');

    expect(await inputValues(form)).toEqual(['https://app.declaree.de/SCIM/v2/', key]);
    for (const lure of lures) {
      const record = await lureRecord(lure);
      expect(await inputValues(lure)).toEqual(['', '']);
      expect(await placesShowing(lure, key)).toEqual([]);
      expect(record?.received.length).toBeGreaterThan(0);
      expect(record?.received.filter((message) => message.includes(key))).toEqual([]);
      expect(record?.valuesSeen.filter((value) => value.includes(key))).toEqual([]);
      // No externally_connectable: a web page has no way to the extension at all.
      expect(record?.extensionApi).toBe('unavailable');
    }

    // Nothing the lures sent reached the worker, so there was nothing to refuse.
    expect(await refusedCount(current)).toBe(refusedBefore);
    expect(await keyLeaks(current, key)).toEqual([]);
    // The forged Test connection verdict counted for nothing.
    expect(await guidePanel(entra).textContent()).not.toContain('Test Connection passed');
    expect(await popupState(current, 'Test Connection')).not.toBe('Done');
  });
});

/** What the page script in the portal's top document saw, by the way it looked. */
interface PageScriptRecord {
  messages: string[];
  /** Values given to or read from inputs, with the input's number in `inputs`. */
  values: { input: number; value: string; via: string }[];
  /** Text and attribute values that appeared in the document or an open shadow root. */
  mutations: string[];
}

/**
 * A script of the portal's top document, there before the portal's own scripts: it listens to
 * every window message, watches every change of the document and of every open shadow root (the
 * guide panel's among them), hooks the value property of all inputs, and puts a hidden pair of
 * inputs labelled "Tenant URL" and "Secret Token" at the top of the page, outside any form.
 */
function hostilePageScript(): void {
  if (window !== window.top || location.hostname !== 'entra.microsoft.com') {
    return;
  }

  const inputs: HTMLInputElement[] = [];
  const record = { messages: [] as string[], values: [] as unknown[], mutations: [] as string[] };
  Object.assign(window, { pageScriptRecord: record, pageScriptInputs: inputs });
  const numberOf = (input: HTMLInputElement) => {
    if (!inputs.includes(input)) {
      inputs.push(input);
    }

    return inputs.indexOf(input);
  };
  const worthKeeping = (value: string | null | undefined) => (value?.length ?? 0) >= 16;

  window.addEventListener(
    'message',
    (event) => record.messages.push(JSON.stringify(event.data) ?? ''),
    true,
  );

  const property = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  Object.defineProperty(HTMLInputElement.prototype, 'value', {
    configurable: true,
    get(this: HTMLInputElement) {
      const value = property?.get?.call(this) ?? '';
      if (worthKeeping(value)) {
        record.values.push({ input: numberOf(this), value, via: 'read' });
      }

      return value;
    },
    set(this: HTMLInputElement, value: string) {
      record.values.push({ input: numberOf(this), value: String(value), via: 'set' });
      property?.set?.call(this, value);
    },
  });
  for (const type of ['input', 'change', 'focusin', 'blur']) {
    window.addEventListener(
      type,
      (event) => {
        if (event.target instanceof HTMLInputElement) {
          const value = property?.get?.call(event.target) ?? '';
          record.values.push({ input: numberOf(event.target), value, via: type });
        }
      },
      true,
    );
  }

  const observed = new WeakSet<Node>();
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      const target = change.target;
      if (change.type === 'attributes' && target instanceof Element) {
        const value = target.getAttribute(change.attributeName ?? '');
        if (worthKeeping(value)) {
          record.mutations.push(value ?? '');
        }
      } else if (change.type === 'characterData' && worthKeeping(target.textContent)) {
        record.mutations.push(target.textContent ?? '');
      }

      for (const node of change.addedNodes) {
        if (worthKeeping(node.textContent)) {
          record.mutations.push(node.textContent ?? '');
        }

        watchShadowRoots(node);
      }
    }
  });
  const watch = (root: Node) => {
    if (!observed.has(root)) {
      observed.add(root);
      observer.observe(root, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    }
  };
  const watchShadowRoots = (node: Node) => {
    if (node instanceof Element) {
      for (const element of [node, ...node.querySelectorAll('*')]) {
        if (element.shadowRoot) {
          watch(element.shadowRoot);
          watchShadowRoots(element.shadowRoot as unknown as Element);
        }
      }
    }
  };
  watch(document);

  document.addEventListener('DOMContentLoaded', () => {
    const decoys = document.createElement('div');
    decoys.style.display = 'none';
    decoys.innerHTML =
      '<label>Tenant URL <input type="text"></label>' +
      '<label>Secret Token <input type="password"></label>';
    document.body.prepend(decoys);
    for (const input of decoys.querySelectorAll('input')) {
      numberOf(input);
    }
  });
}

async function pageScriptRecord(page: Page): Promise<PageScriptRecord> {
  return page.evaluate(
    () => (window as unknown as { pageScriptRecord: PageScriptRecord }).pageScriptRecord,
  );
}

/** The numbers of the inputs in the page script's list that are the form's own Secret Token. */
async function secretTokenInputNumbers(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const inputs = (window as unknown as { pageScriptInputs: HTMLInputElement[] }).pageScriptInputs;
    const real = document.querySelector('.azc-passwordField input[type="password"]');
    return inputs.flatMap((input, index) => (input === real ? [index] : []));
  });
}

describe('a script of the Entra page that looks for the key', () => {
  it('sees nothing of it while the form is in a reactblade frame', async () => {
    const { current, key } = await startWithKey({ entra: { generation: 'new' } });
    await current.context.addInitScript(hostilePageScript);
    const entra = await current.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    const form = await openCredentialsForm(entra, 'new');
    await pressFill(entra);
    await guidePanel(entra).getByText(fillOutcome).first().waitFor();

    expect(await inputValues(form)).toEqual(['https://app.declaree.de/SCIM/v2/', key]);
    const seen = await pageScriptRecord(entra);
    // The script did hear the frames' messages and read the guide panel as it changed.
    expect(seen.messages.length).toBeGreaterThan(0);
    expect(seen.mutations.some((text) => text.includes('Tenant URL and Secret Token'))).toBe(true);
    expect(seen.messages.filter((message) => message.includes(key))).toEqual([]);
    expect(seen.values.filter(({ value }) => value.includes(key))).toEqual([]);
    expect(seen.mutations.filter((text) => text.includes(key))).toEqual([]);
    expect(await inputValues(entra.mainFrame())).not.toContain(key);
    expect(await keyLeaks(current, key)).toEqual([]);
  });

  it('sees it only in the Secret Token input when the form is in its own document', async () => {
    const { current, key } = await startWithKey({ entra: { generation: 'classic' } });
    await current.context.addInitScript(hostilePageScript);
    const entra = await current.newPage();
    await entra.goto(freshApplicationUrl('Provisioning'));
    await openCredentialsForm(entra, 'classic');
    await pressFill(entra);
    await guidePanel(entra).getByText(fillOutcome).first().waitFor();

    const secretToken = entra.locator('.azc-passwordField input[type="password"]');
    expect(await secretToken.inputValue()).toBe(key);
    const seen = await pageScriptRecord(entra);
    const holders = new Set(
      seen.values.filter(({ value }) => value.includes(key)).map(({ input }) => input),
    );
    const secretTokenNumbers = await secretTokenInputNumbers(entra);
    expect(secretTokenNumbers).toHaveLength(1);
    expect([...holders]).toEqual(secretTokenNumbers);
    expect(seen.messages.filter((message) => message.includes(key))).toEqual([]);
    expect(seen.mutations.filter((text) => text.includes(key))).toEqual([]);
    // Every input of the page but the Secret Token is without it, the hidden ones too.
    expect((await inputValues(entra.mainFrame())).filter((value) => value === key)).toHaveLength(1);
    expect(await keyLeaks(current, key)).toEqual([]);
  });
});
