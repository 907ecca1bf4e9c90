/**
 * Who may send what. The service worker trusts a message only after checking that it comes from
 * this extension and from a page whose origin is on the allow-list for that kind of message.
 */
import type { Runtime } from 'webextension-polyfill';
import { isDeclareeOrigin, isEntraOrigin, originOf } from '../shared/instances.ts';

export interface TrustedSender {
  origin: string;
  tabId: number;
  frameId: number;
}

/** The sender's origin as the browser states it; `origin` is set for content scripts. */
export function senderOrigin(sender: Runtime.MessageSender): string | undefined {
  const stated = (sender as { origin?: string }).origin;
  return stated && stated !== 'null' ? stated : originOf(sender.url);
}

export function isOwnExtension(sender: Runtime.MessageSender, extensionId: string): boolean {
  return sender.id === extensionId;
}

/**
 * A page of the extension itself (popup, options), not a content script: content scripts carry
 * the origin of the page they run in. The popup may also be open in a tab.
 */
export function isExtensionPage(sender: Runtime.MessageSender, extensionId: string): boolean {
  return senderOrigin(sender) === `chrome-extension://${extensionId}`;
}

/** A content script in a tab, on one of the hosts the extension runs on. */
export function contentSender(sender: Runtime.MessageSender): TrustedSender | undefined {
  const origin = senderOrigin(sender);
  const tabId = sender.tab?.id;
  if (!origin || tabId === undefined || sender.frameId === undefined) {
    return undefined;
  }

  if (!isEntraOrigin(origin) && !isDeclareeOrigin(origin)) {
    return undefined;
  }

  return { origin, tabId, frameId: sender.frameId };
}
