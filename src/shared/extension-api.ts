/**
 * The extension API without the promise polyfill, for code that also runs in the pages' frames,
 * where every kilobyte is loaded again in each frame. Firefox's `browser` returns promises, and
 * so does Chrome's `chrome` in Manifest V3 for every call made through this module. The one
 * difference that matters, answering a message with a promise, is bridged by onExtensionMessage.
 */
import type Browser from 'webextension-polyfill';

type Api = typeof Browser;
type Sender = Browser.Runtime.MessageSender;

const scope = globalThis as unknown as { browser?: Api; chrome?: Api };

export const api = (scope.browser ?? scope.chrome) as Api;

/**
 * Listens to messages from the extension; the listener answers with a promise, or with undefined
 * when the message is not for it. Returns the way to stop listening.
 */
export function onExtensionMessage(
  listener: (message: unknown, sender: Sender) => Promise<unknown> | undefined,
): () => void {
  const bridge = (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => {
    const answer = listener(message, sender);
    if (answer === undefined) {
      return false;
    }

    answer.then(sendResponse, () => sendResponse(undefined));
    // Keeps the channel open until the answer is sent.
    return true;
  };
  const event = api.runtime.onMessage as unknown as {
    addListener(callback: typeof bridge): void;
    removeListener(callback: typeof bridge): void;
  };
  event.addListener(bridge);
  return () => forgetListener(() => event.removeListener(bridge));
}

/**
 * Removes a listener, quietly when the extension was reloaded under the page: then the browser
 * has already let go of it, and an error would land in the page.
 */
export function forgetListener(remove: () => void): void {
  try {
    remove();
  } catch {
    // Nothing left to remove.
  }
}
