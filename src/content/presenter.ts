/**
 * Presenter mode in one frame: identifiers masked in text and in title and aria- attributes, and
 * the Declaree key covered with a solid block. Every change keeps the original, so switching off
 * puts the page back as it was; new content is masked as the portal renders it.
 */
import { hasIdentifier, maskIdentifiers } from '../checks/identifiers.ts';
import { t } from '../shared/i18n.ts';

const maskedText = new Map<Text, string>();
const maskedAttributes = new Map<Element, Map<string, string>>();
const ownHosts = 'declaree-setup-guide, declaree-setup-highlight, declaree-setup-cover';
let coverHost: HTMLElement | undefined;
let cover: HTMLElement | undefined;
let coverTarget: Element | undefined;
let coverFrame: number | undefined;

function isOwn(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(ownHosts) != null;
}

function maskAttributes(element: Element): void {
  for (const attribute of [...element.attributes]) {
    const name = attribute.name;
    if ((name === 'title' || name.startsWith('aria-')) && hasIdentifier(attribute.value)) {
      const originals = maskedAttributes.get(element) ?? new Map<string, string>();
      if (!originals.has(name)) {
        originals.set(name, attribute.value);
      }

      maskedAttributes.set(element, originals);
      element.setAttribute(name, maskIdentifiers(attribute.value));
    }
  }
}

/** Masks what is in the subtree now; cheap to call again, already masked text is left alone. */
export function maskSubtree(root: Node): void {
  if (isOwn(root)) {
    return;
  }

  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    if (node instanceof Element) {
      if (node.matches(`${ownHosts}, script, style`)) {
        continue;
      }

      maskAttributes(node);
    } else if (node instanceof Text && node.data && hasIdentifier(node.data)) {
      if (!maskedText.has(node)) {
        maskedText.set(node, node.data);
      }

      node.data = maskIdentifiers(node.data);
    }
  }
}

export function unmaskAll(): void {
  for (const [node, original] of maskedText) {
    // Text the page changed since it was masked is the page's own now: leave it.
    if (node.isConnected && !hasIdentifier(node.data)) {
      node.data = original;
    }
  }

  for (const [element, originals] of maskedAttributes) {
    for (const [name, original] of originals) {
      if (element.isConnected) {
        element.setAttribute(name, original);
      }
    }
  }

  maskedText.clear();
  maskedAttributes.clear();
}

function followCover(): void {
  coverFrame = undefined;
  if (!cover || !coverTarget?.isConnected) {
    uncoverKey();
    return;
  }

  const rect = coverTarget.getBoundingClientRect();
  Object.assign(cover.style, {
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
  });
  coverFrame = requestAnimationFrame(followCover);
}

/** Covers the element that shows the key with a solid block that follows it. */
export function coverKey(element: Element): void {
  if (coverTarget === element && cover?.isConnected) {
    return;
  }

  uncoverKey();
  coverTarget = element;
  coverHost = document.createElement('declaree-setup-cover');
  const root = coverHost.attachShadow({ mode: 'open' });
  cover = document.createElement('div');
  cover.setAttribute('role', 'img');
  cover.setAttribute('aria-label', t('presenter_key_hidden'));
  Object.assign(cover.style, {
    position: 'fixed',
    zIndex: '2147483646',
    background: '#1b1b1b',
    borderRadius: '3px',
  });
  root.append(cover);
  document.documentElement.append(coverHost);
  followCover();
}

export function uncoverKey(): void {
  if (coverFrame !== undefined) {
    cancelAnimationFrame(coverFrame);
    coverFrame = undefined;
  }

  coverHost?.remove();
  coverHost = undefined;
  cover = undefined;
  coverTarget = undefined;
}

/** Masks new content as the page renders it, from the mutation records alone. */
export function watchForIdentifiers(): () => void {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        maskSubtree(record.target);
      } else if (record.type === 'attributes') {
        maskAttributes(record.target as Element);
      } else {
        for (const node of record.addedNodes) {
          maskSubtree(node);
        }
      }
    }
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['title', 'aria-label', 'aria-description', 'aria-valuetext'],
  });
  maskSubtree(document.documentElement);

  return () => {
    observer.disconnect();
    unmaskAll();
  };
}
