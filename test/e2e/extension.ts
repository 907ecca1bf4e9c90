/**
 * What the end-to-end tests share: a Chromium with the built extension and the replicas served at
 * the real URLs, the guide panel and the popup as an administrator sees them, and what the
 * extension keeps in each storage area.
 */
import type { ConsoleMessage, Frame, Locator, Page } from 'playwright-core';
import { installReplicas, type ReplicaOptions, type Replicas } from '../fixtures/replicas.ts';
import { type Browser, launchBrowser } from './browser.ts';

export interface Session extends Browser {
  replicas: Replicas;
  /** Every console line of every page, frame and the service worker, as text. */
  consoleLines: string[];
  newPage(): Promise<Page>;
}

export async function startSession(
  options: ReplicaOptions = {},
  launch: { headless?: boolean } = {},
): Promise<Session> {
  const browser = await launchBrowser({ extension: true, ...launch });
  const replicas = await installReplicas(browser.context, options);
  const consoleLines: string[] = [];
  const record = (message: ConsoleMessage) => consoleLines.push(message.text());
  browser.worker?.on('console', record);
  browser.context.on('page', (page) => page.on('console', record));
  for (const page of browser.context.pages()) {
    page.on('console', record);
  }

  return {
    ...browser,
    replicas,
    consoleLines,
    newPage: () => browser.context.newPage(),
  };
}

export const panelName = 'Declaree setup guide';
export const fillButtonName = 'Fill Tenant URL and Secret Token';

export function guidePanel(page: Page): Locator {
  return page.getByRole('region', { name: panelName });
}

/** Whether the guide's highlight is drawn in this frame, around whatever control. */
export async function hasHighlight(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => document.querySelector('declaree-setup-highlight') !== null);
}

/**
 * Whether the guide's highlight surrounds this control: drawn in the control's own frame, around
 * it and not much larger. False while the control is not on the page.
 */
export async function isHighlighted(control: Locator): Promise<boolean> {
  return control
    .evaluate(
      (element) => {
        const outline = document
          .querySelector('declaree-setup-highlight')
          ?.shadowRoot?.querySelector('div');
        if (!outline) {
          return false;
        }

        const box = outline.getBoundingClientRect();
        const rect = element.getBoundingClientRect();
        const surrounds =
          box.left <= rect.left &&
          box.top <= rect.top &&
          box.right >= rect.right &&
          box.bottom >= rect.bottom;
        return surrounds && box.width - rect.width <= 16 && box.height - rect.height <= 16;
      },
      undefined,
      { timeout: 1000 },
    )
    .catch(() => false);
}

export async function openPopup(session: Session): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
  return popup;
}

export async function storageArea(
  session: Session,
  area: 'local' | 'sync' | 'session',
): Promise<Record<string, unknown>> {
  const worker = session.worker;
  if (!worker) {
    throw new Error('The extension has no service worker.');
  }

  return worker.evaluate((name) => chrome.storage[name].get(null), area);
}

/**
 * Every place in a frame's DOM where the text occurs, as a short description: text nodes,
 * attributes and input values, open shadow roots included, except a password input's value.
 */
export async function placesShowing(frame: Frame, secret: string): Promise<string[]> {
  return frame.evaluate((needle) => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(
        root,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (node.textContent?.includes(needle)) {
            found.push(`text in <${node.parentElement?.localName}>`);
          }
          continue;
        }

        const element = node as Element;
        // The Secret Token input is where the key belongs; React mirrors its value into the
        // value attribute, as it does for every controlled input.
        const isSecretInput = element instanceof HTMLInputElement && element.type === 'password';
        for (const attribute of element.attributes) {
          if (attribute.value.includes(needle) && !(isSecretInput && attribute.name === 'value')) {
            found.push(`attribute ${attribute.name} of <${element.localName}>`);
          }
        }

        const hasValue =
          element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
        if (hasValue && element.value.includes(needle) && !isSecretInput) {
          found.push(`value of <${element.localName}>`);
        }

        if (element.shadowRoot) {
          visit(element.shadowRoot);
        }
      }
    };
    visit(document);
    return found;
  }, secret);
}

/**
 * Waits until the condition holds, asking every 100 ms for at most 10 seconds. For set-up code,
 * where `expect.poll` cannot run: a state to wait for, never a fixed pause.
 */
export async function waitUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await condition()) {
      return;
    }

    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  throw new Error(`Waited in vain: ${what}.`);
}

/** Switches presenter mode from the popup, as an administrator does, and closes the popup. */
export async function setPresenter(session: Session, on: boolean): Promise<void> {
  const popup = await openPopup(session);
  const toggle = popup.getByRole('checkbox', { name: /Presenter mode/ });
  await toggle.waitFor();
  if ((await toggle.isChecked()) !== on) {
    await toggle.click();
  }

  await waitUntil(async () => (await toggle.isChecked()) === on, 'presenter mode switched');
  await popup.close();
}

/** What the popup shows and the support summary it writes, as the admin would see them. */
async function popupTexts(session: Session): Promise<{ popup: string; summary: string }> {
  const popup = await openPopup(session);
  await popup.locator('li.step').first().waitFor();
  const shown = await popup.content();
  await popup.getByRole('button', { name: 'Support summary…' }).click();
  const summary = popup.getByRole('textbox', { name: 'Support summary' });
  await summary.waitFor();
  await waitUntil(async () => (await summary.inputValue()) !== '', 'support summary written');
  const written = await summary.inputValue();
  await popup.close();
  return { popup: shown, summary: written };
}

/**
 * Every place outside the vault where the key is found now, as short descriptions: the storage
 * areas (storage.session but its vault), console lines of every context, the DOM of every frame
 * of every Entra page except the Secret Token input, the popup and the support summary. Declaree's
 * key page is left out: it shows the key itself.
 */
export async function keyLeaks(session: Session, key: string): Promise<string[]> {
  const { vault: _vault, ...sessionRest } = await storageArea(session, 'session');
  const leaks: string[] = [];
  for (const [area, content] of [
    ['local', await storageArea(session, 'local')],
    ['sync', await storageArea(session, 'sync')],
    ['session outside the vault', sessionRest],
  ] as const) {
    if (JSON.stringify(content).includes(key)) {
      leaks.push(`storage ${area}`);
    }
  }

  leaks.push(...session.consoleLines.filter((line) => line.includes(key)).map(() => 'console'));
  for (const page of session.context.pages()) {
    if (!page.url().includes('entra.microsoft')) {
      continue;
    }

    for (const frame of page.frames()) {
      leaks.push(...(await placesShowing(frame, key)).map((place) => `${frame.url()}: ${place}`));
    }
  }

  const { popup, summary } = await popupTexts(session);
  if (popup.includes(key)) {
    leaks.push('popup');
  }

  if (summary.includes(key)) {
    leaks.push('support summary');
  }

  return leaks;
}

/** The frame whose document holds the given text, searched through every frame of the page. */
export async function frameWithText(page: Page, text: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    const has = await frame
      .evaluate((needle) => document.body?.textContent?.includes(needle) ?? false, text)
      .catch(() => false);
    if (has) {
      return frame;
    }
  }

  return undefined;
}
