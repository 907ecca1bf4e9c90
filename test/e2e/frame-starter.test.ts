/**
 * The portal keeps frames of its own that show nothing: hidden helpers, empty placeholders. Every
 * matched frame runs the small starter; only frames with something to work on load the agent and
 * report to the worker. A frame that later shows something gets the agent then.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { entraPortalUrl } from '../fixtures/entra/site.ts';
import { type Session, startSession, storageArea } from './extension.ts';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

const framePage = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Blade</title></head><body>${body}</body></html>`;

/** The origins of the frames that have reported to the worker, in any tab. */
async function reportingOrigins(current: Session): Promise<string[]> {
  const { tabs } = (await storageArea(current, 'session')) as {
    tabs?: Record<string, Record<string, { origin: string }>>;
  };
  return Object.values(tabs ?? {}).flatMap((frames) =>
    Object.values(frames).map((frame) => frame.origin),
  );
}

async function addFrame(page: Page, host: string, hidden: boolean): Promise<void> {
  await page.evaluate(
    ({ host, hidden }) => {
      const frame = document.createElement('iframe');
      frame.src = `https://${host}/blade.html`;
      frame.title = host;
      if (hidden) {
        frame.style.display = 'none';
      }
      document.body.append(frame);
    },
    { host, hidden },
  );
}

describe('the starter in every frame', () => {
  it('loads the agent only into frames that are shown and hold something', async () => {
    session = await startSession();
    const page = await session.newPage();
    const bodies: Record<string, string> = {
      'hidden.reactblade.portal.azure.net':
        '<button type="button">Connect your application</button>',
      'empty.reactblade.portal.azure.net': '<div class="spinner"></div>',
      'busy.reactblade.portal.azure.net': '<button type="button">Connect your application</button>',
    };
    await page.route('https://*.reactblade.portal.azure.net/blade.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: framePage(bodies[new URL(route.request().url()).host] ?? ''),
      }),
    );
    await page.goto(entraPortalUrl('home'));
    await addFrame(page, 'hidden.reactblade.portal.azure.net', true);
    await addFrame(page, 'empty.reactblade.portal.azure.net', false);
    await addFrame(page, 'busy.reactblade.portal.azure.net', false);

    // The frame with a button reports; by then the other two have had as long and have not.
    await expect
      .poll(() => reportingOrigins(session as Session))
      .toContain('https://busy.reactblade.portal.azure.net');
    await page.waitForTimeout(500);
    const origins = await reportingOrigins(session);
    expect(origins).toContain('https://entra.microsoft.com');
    expect(origins).not.toContain('https://hidden.reactblade.portal.azure.net');
    expect(origins).not.toContain('https://empty.reactblade.portal.azure.net');

    // The empty frame fills in, the hidden one is shown: both get the agent.
    const empty = page.frames().find((frame) => frame.url().includes('empty.reactblade'));
    await empty?.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<input aria-label="Tenant URL">');
    });
    await page.evaluate(() => {
      const hidden = document.querySelector<HTMLIFrameElement>(
        'iframe[title="hidden.reactblade.portal.azure.net"]',
      );
      if (hidden) {
        hidden.style.display = 'block';
      }
    });
    await expect
      .poll(() => reportingOrigins(session as Session))
      .toEqual(
        expect.arrayContaining([
          'https://empty.reactblade.portal.azure.net',
          'https://hidden.reactblade.portal.azure.net',
        ]),
      );
  });
});
