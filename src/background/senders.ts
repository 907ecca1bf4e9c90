/**
 * Who may send what. The service worker trusts a message only after checking that it comes from
 * this extension, and from a context whose origin is on the allow-list for that kind of message:
 * a key only from Declaree's pages, a fill only from Entra's frames, the popup's questions only
 * from the extension's own pages. The origin is the one the browser states, never a message field.
 */
import type { Runtime } from 'webextension-polyfill';
import { isDeclareeOrigin, isEntraOrigin, originOf } from '../shared/instances.ts';
import type { ToWorker } from '../shared/messages.ts';

export interface TrustedSender {
  origin: string;
  tabId: number;
  frameId: number;
}

export type Sender =
  | { kind: 'extension-page' }
  | ({
      kind: 'content';
      site: 'declaree' | 'entra';
      /**
       * The browser states an opaque origin (a sandboxed frame): the site is known only from the
       * frame's address, which says where the document came from, not what it may reach.
       */
      opaque: boolean;
    } & TrustedSender);

/** True when the browser states the sender's origin as opaque, as for a sandboxed frame. */
function hasOpaqueOrigin(sender: Runtime.MessageSender): boolean {
  return (sender as { origin?: string }).origin === 'null';
}

/** The sender's origin as the browser states it; `origin` is set for content scripts. */
function senderOrigin(sender: Runtime.MessageSender): string | undefined {
  const stated = (sender as { origin?: string }).origin;
  return stated && stated !== 'null' ? stated : originOf(sender.url);
}

/** What kind of context sent the message, or undefined for anything the extension did not run. */
export function classifySender(
  sender: Runtime.MessageSender,
  extensionId: string,
): Sender | undefined {
  if (sender.id !== extensionId) {
    return undefined;
  }

  const origin = senderOrigin(sender);
  // Content scripts carry the origin of the page they run in; the popup may be open in a tab.
  if (origin === `chrome-extension://${extensionId}`) {
    return { kind: 'extension-page' };
  }

  const tabId = sender.tab?.id;
  if (!origin || tabId === undefined || sender.frameId === undefined) {
    return undefined;
  }

  const site = isDeclareeOrigin(origin) ? 'declaree' : isEntraOrigin(origin) ? 'entra' : undefined;
  const opaque = hasOpaqueOrigin(sender);
  return site
    ? { kind: 'content', site, opaque, origin, tabId, frameId: sender.frameId }
    : undefined;
}

const anyContent = (sender: Sender) => sender.kind === 'content';
const panelOrPopup = (sender: Sender) =>
  sender.kind === 'extension-page' || (sender.kind === 'content' && sender.frameId === 0);

const policy: Record<ToWorker['type'], (sender: Sender) => boolean> = {
  'frame-report': anyContent,
  'frame-gone': anyContent,
  'status-get': anyContent,
  // The key travels only between documents whose origin the browser vouches for: a sandboxed
  // frame may report what it shows, but neither offers a key nor gets one.
  'key-offer': (sender) =>
    sender.kind === 'content' && sender.site === 'declaree' && !sender.opaque,
  'fill-start': (sender) =>
    sender.kind === 'content' && sender.site === 'entra' && sender.frameId === 0,
  'fill-request': (sender) =>
    sender.kind === 'content' && sender.site === 'entra' && !sender.opaque,
  'name-fill': (sender) =>
    sender.kind === 'content' && sender.site === 'entra' && sender.frameId === 0,
  'key-forget': panelOrPopup,
  'step-set': panelOrPopup,
  'presenter-set': panelOrPopup,
  'popup-get': (sender) => sender.kind === 'extension-page',
  'key-copy': (sender) => sender.kind === 'extension-page',
  'preflight-run': (sender) => sender.kind === 'extension-page',
  'summary-get': (sender) => sender.kind === 'extension-page',
  'report-get': (sender) => sender.kind === 'extension-page',
  'setup-reset': (sender) => sender.kind === 'extension-page',
  'setup-switch': (sender) => sender.kind === 'extension-page',
  'setup-forget': (sender) => sender.kind === 'extension-page',
  'preflight-set': (sender) => sender.kind === 'extension-page',
};

export function isAllowed(type: ToWorker['type'], sender: Sender): boolean {
  return policy[type](sender);
}
