/**
 * What the browser benchmarks share: statistics over trials, time limits, Chromium sessions that
 * are closed whatever happens, and a DevTools channel to targets Playwright gives no handle for
 * (the extension's service worker).
 */
import type { CDPSession, Page } from 'playwright-core';
import { type Browser, launchBrowser } from '../test/e2e/browser.ts';

/** The middle value; with an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }

  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Nearest-rank percentile: the smallest value that at least `rank` % of the values reach. */
export function percentile(values: readonly number[], rank: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }

  const sorted = [...values].sort((left, right) => left - right);
  const index = Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1);
  return sorted[index] as number;
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Fails with the label when the work takes longer than `ms`; the work itself is not stopped. */
export async function withTimeout<Result>(
  label: string,
  ms: number,
  work: Promise<Result>,
): Promise<Result> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls until the check answers true; false once `ms` have passed. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  ms: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) {
      return true;
    }

    await pause(intervalMs);
  }

  return false;
}

export function log(message: string): void {
  // Progress goes to stderr, so that stdout carries the table alone.
  console.error(`bench: ${message}`);
}

const openBrowsers = new Set<Browser>();

/**
 * A Chromium that is closed, profile and all, if the process is interrupted: a benchmark that
 * runs for minutes must not leave browsers behind when it is stopped halfway.
 */
/** `directory` is the built extension to load, when not `dist/`. */
export async function startBrowser(extension: boolean, directory?: string): Promise<Browser> {
  const browser = await withTimeout(
    'starting Chromium',
    60_000,
    launchBrowser({ extension, ...(directory ? { directory } : {}) }),
  );
  openBrowsers.add(browser);
  return {
    ...browser,
    close: async () => {
      openBrowsers.delete(browser);
      await withTimeout('closing Chromium', 30_000, browser.close()).catch((error: unknown) =>
        log(`could not close a browser cleanly: ${String(error)}`),
      );
    },
  };
}

export async function closeAllBrowsers(): Promise<void> {
  await Promise.all([...openBrowsers].map((browser) => browser.close().catch(() => undefined)));
  openBrowsers.clear();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: closing the browsers`);
    void closeAllBrowsers().finally(() => process.exit(130));
  });
}

/** Runs the work with a browser and closes the browser afterwards, also when the work fails. */
export async function withBrowser<Result>(
  extension: boolean,
  work: (browser: Browser) => Promise<Result>,
  directory?: string,
): Promise<Result> {
  const browser = await startBrowser(extension, directory);
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

interface TargetMessage {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

/**
 * DevTools commands to a target such as the extension's service worker, relayed through a page's
 * session (Target.sendMessageToTarget): Playwright opens sessions for pages and frames only.
 * While attached, DevTools keeps the worker from being stopped for idleness.
 */
export class TargetChannel {
  private nextId = 1;
  private readonly pending = new Map<number, (message: TargetMessage) => void>();
  private detached = false;

  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
  ) {
    session.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) {
        return;
      }

      const message = JSON.parse(event.message) as TargetMessage;
      if (message.id !== undefined) {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      }
    });
    session.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId === this.sessionId) {
        this.detached = true;
      }
    });
  }

  /** Attaches to the first target of the type whose URL passes the test. */
  static async open(
    anchor: Page,
    type: string,
    url: (address: string) => boolean,
  ): Promise<TargetChannel> {
    const session = await anchor.context().newCDPSession(anchor);
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === type && url(info.url));
    if (!target) {
      throw new Error(`No ${type} target to attach to.`);
    }

    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    return new TargetChannel(session, sessionId);
  }

  /** True once the target went away, e.g. a service worker that was stopped and started again. */
  get isDetached(): boolean {
    return this.detached;
  }

  async send<Result>(method: string, params: object = {}): Promise<Result> {
    const id = this.nextId;
    this.nextId += 1;
    const answer = new Promise<TargetMessage>((resolve) => this.pending.set(id, resolve));
    await this.session.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const message = await withTimeout(method, 30_000, answer);
    if (message.error) {
      throw new Error(`${method}: ${message.error.message}`);
    }

    return message.result as Result;
  }

  async close(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
