import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { ToWorker } from '../shared/messages.ts';
import { classifySender, isAllowed } from './senders.ts';

const extensionId = 'abcdefghijklmnopabcdefghijklmnop';

function content(origin: string, frameId = 0, id = extensionId): Runtime.MessageSender {
  return {
    id,
    origin,
    url: `${origin}/page`,
    frameId,
    tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  } as Runtime.MessageSender;
}

/** A content script in a frame sandboxed without allow-same-origin: the browser says `null`. */
function sandboxed(url: string, frameId = 4): Runtime.MessageSender {
  return { ...content('null', frameId), url };
}

const sandboxedForm = 'https://sandbox-2.reactblade.portal.azure.net/?view=New.ReactView';

const popup = {
  id: extensionId,
  origin: `chrome-extension://${extensionId}`,
  url: `chrome-extension://${extensionId}/src/popup/index.html`,
} as Runtime.MessageSender;

function allowed(type: ToWorker['type'], sender: Runtime.MessageSender): boolean {
  const classified = classifySender(sender, extensionId);
  return classified !== undefined && isAllowed(type, classified);
}

describe('classifySender', () => {
  it('refuses another extension, even on a Declaree page', () => {
    expect(
      classifySender(content('https://app.declaree.com', 0, 'x'.repeat(32)), extensionId),
    ).toBeUndefined();
  });

  it('refuses a content script on a page the extension does not run on', () => {
    expect(classifySender(content('https://example.net'), extensionId)).toBeUndefined();
  });

  it('refuses an opaque origin', () => {
    expect(classifySender(content('null'), extensionId)).toBeUndefined();
  });

  it('knows a sandboxed frame by its address, and marks its origin opaque', () => {
    expect(classifySender(sandboxed(sandboxedForm), extensionId)).toMatchObject({
      kind: 'content',
      site: 'entra',
      opaque: true,
      frameId: 4,
    });
    expect(
      classifySender(content('https://sandbox-2.reactblade.portal.azure.net', 4), extensionId),
    ).toMatchObject({ opaque: false });
  });

  it('tells the popup from a content script', () => {
    expect(classifySender(popup, extensionId)).toEqual({ kind: 'extension-page' });
    expect(
      classifySender(content('https://sandbox-2.reactblade.portal.azure.net', 3), extensionId),
    ).toMatchObject({ kind: 'content', site: 'entra', frameId: 3, tabId: 7 });
  });
});

describe('isAllowed', () => {
  it('takes a key only from Declaree pages', () => {
    expect(allowed('key-offer', content('https://app.declaree.de'))).toBe(true);
    expect(allowed('key-offer', content('https://entra.microsoft.com'))).toBe(false);
    expect(allowed('key-offer', popup)).toBe(false);
  });

  it('starts a fill only from an Entra top frame', () => {
    expect(allowed('fill-start', content('https://entra.microsoft.com'))).toBe(true);
    expect(allowed('fill-start', content('https://sandbox-1.reactblade.portal.azure.net', 2))).toBe(
      false,
    );
    expect(allowed('fill-start', content('https://app.declaree.com'))).toBe(false);
  });

  it('gives the key for a fill only to Entra frames', () => {
    expect(
      allowed('fill-request', content('https://sandbox-2.reactblade.portal.azure.net', 4)),
    ).toBe(true);
    expect(allowed('fill-request', content('https://app.declaree.com'))).toBe(false);
    expect(allowed('fill-request', popup)).toBe(false);
  });

  it('lets a sandboxed frame report what it shows, but gives it no key and takes none from it', () => {
    expect(allowed('frame-report', sandboxed(sandboxedForm))).toBe(true);
    expect(allowed('fill-request', sandboxed(sandboxedForm))).toBe(false);
    expect(allowed('key-offer', sandboxed('https://app.declaree.com/account/api'))).toBe(false);
  });

  it("answers the popup's question only to the extension's pages", () => {
    expect(allowed('popup-get', popup)).toBe(true);
    expect(allowed('popup-get', content('https://entra.microsoft.com'))).toBe(false);
  });

  it('lets the panel in a top frame, not a frame inside, forget the key or set a step', () => {
    expect(allowed('key-forget', content('https://app.declaree.com'))).toBe(true);
    expect(allowed('key-forget', content('https://sandbox-1.reactblade.portal.azure.net', 1))).toBe(
      false,
    );
    expect(allowed('step-set', popup)).toBe(true);
  });
});
