/**
 * Declaree's My Account page and its "Declaree API" tab, where the API key is generated and shown.
 * How the key is shown is not documented (a read-only input, plain text, a dialog), so it is
 * found by structure: a value that looks like a key, near the Generate Key button or in the tab.
 */
import { looksLikeKey, looksMasked } from '../checks/secret.ts';
import { textIsOneOf } from '../dom/text.ts';
import { declareeLabels } from './labels.ts';

export interface KeyPage {
  generateButton?: HTMLElement;
  /** A key is shown, but only in part. */
  maskedKey?: boolean;
  /** The key as shown, raw: the worker cleans it. */
  shownKey?: string;
  /** The element that shows the key, for covering it on a shared screen. */
  keyElement?: HTMLElement;
}

function findGenerateButton(document: Document): HTMLElement | undefined {
  const buttons = document.querySelectorAll<HTMLElement>(
    'button, [role="button"], a, input[type="button"]',
  );
  for (const button of buttons) {
    const text = button instanceof HTMLInputElement ? button.value : button.textContent;
    if (textIsOneOf(text, declareeLabels.generateKey)) {
      return button;
    }
  }

  return undefined;
}

function selectedApiTab(document: Document): HTMLElement | undefined {
  const tabs = document.querySelectorAll<HTMLElement>('[role="tab"], .nav-link, .tab, li > a');
  for (const tab of tabs) {
    if (!textIsOneOf(tab.textContent, declareeLabels.apiTab)) {
      continue;
    }

    const selected =
      tab.getAttribute('aria-selected') === 'true' ||
      /\b(active|selected|current)\b/.test(tab.className) ||
      /\b(active|selected|current)\b/.test(tab.parentElement?.className ?? '');
    if (selected) {
      return tab;
    }
  }

  return undefined;
}

type FoundKey = { value: string; element: HTMLElement; masked: boolean };

function keyIn(region: Element): FoundKey | undefined {
  const candidates: Array<{ value: string; element: HTMLElement }> = [];
  for (const input of region.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    'input, textarea',
  )) {
    if (input.type !== 'password') {
      candidates.push({ value: input.value, element: input });
    }
  }

  for (const element of region.querySelectorAll<HTMLElement>(
    'code, pre, span, div, p, td, strong',
  )) {
    // Only leaves: a container's text is its children's text run together.
    if (element.children.length === 0) {
      candidates.push({ value: element.textContent ?? '', element });
    }
  }

  const full = candidates.find((candidate) => looksLikeKey(candidate.value));
  if (full) {
    return { ...full, masked: false };
  }

  const masked = candidates.find((candidate) => looksMasked(candidate.value));
  return masked ? { ...masked, masked: true } : undefined;
}

/** The region that belongs to the API tab: the tab panel it controls, or around the button. */
function apiRegion(document: Document, tab?: HTMLElement, button?: HTMLElement): Element[] {
  const regions: Element[] = [];
  const panelId = tab?.getAttribute('aria-controls');
  const panel = panelId ? document.getElementById(panelId) : null;
  if (panel) {
    regions.push(panel);
  }

  let around: Element | null | undefined = button?.parentElement;
  for (let depth = 0; around && depth < 4; depth += 1) {
    regions.push(around);
    around = around.parentElement;
  }

  if (tab) {
    regions.push(...document.querySelectorAll('[role="tabpanel"]'));
  }

  return regions;
}

export function recogniseKeyPage(document: Document): KeyPage | undefined {
  const tab = selectedApiTab(document);
  const generateButton = findGenerateButton(document);
  if (!tab && !generateButton) {
    return undefined;
  }

  for (const region of apiRegion(document, tab, generateButton)) {
    const key = keyIn(region);
    if (key?.masked) {
      return { ...(generateButton ? { generateButton } : {}), maskedKey: true };
    }

    if (key) {
      return {
        ...(generateButton ? { generateButton } : {}),
        shownKey: key.value,
        keyElement: key.element,
      };
    }
  }

  return generateButton ? { generateButton } : {};
}

export function isAccountPage(document: Document): boolean {
  const headings = document.querySelectorAll('h1, h2, [role="heading"], [role="tab"]');
  return [...headings].some((heading) =>
    textIsOneOf(heading.textContent, declareeLabels.myAccount),
  );
}
