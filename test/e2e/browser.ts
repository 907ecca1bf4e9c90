/**
 * Starts Debian's Chromium through Playwright with a throw-away profile, with or without the
 * built extension from dist/. Branded Chrome and Edge ignore --load-extension, so tests use Chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const extensionDirectory = path.join(repositoryRoot, 'dist');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  /** The extension's service worker, when the extension was loaded. */
  worker?: Worker;
  extensionId?: string;
  close(): Promise<void>;
}

export async function launchBrowser(
  options: {
    extension?: boolean;
    headless?: boolean;
    locale?: string;
    /** The built extension to load; `dist/` unless given. */
    directory?: string;
  } = {},
): Promise<Browser> {
  const directory = options.directory ?? extensionDirectory;
  const profile = await mkdtemp(path.join(tmpdir(), 'declaree-assistant-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    // The extension speaks the browser's language; the tests read its English words.
    `--lang=${options.locale ?? 'en-US'}`,
  ];
  if (options.extension) {
    args.push(`--disable-extensions-except=${directory}`, `--load-extension=${directory}`);
  }

  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    args,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1400, height: 900 },
  });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  if (!options.extension) {
    return { context, close };
  }

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  return { context, worker, extensionId, close };
}
