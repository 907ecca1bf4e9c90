/**
 * The extension's cost and speed in Chromium, measured on the replicas of Entra and Declaree:
 *
 * - page cost: main-thread time of a "Users and groups" blade whose 500-row grid is drawn anew
 *   every 100 ms, with the extension and without it, in turns in the same run;
 * - reaction: from a control appearing in a blade frame to the highlight around it;
 * - key capture: from a key appearing on Declaree's API tab to the extension holding it;
 * - popup: from opening the popup to its content;
 * - memory: heap of the portal page and of the service worker over a long session;
 * - size: what a frame loads before it knows it has work to do, next to driver.js.
 *
 * Every time is taken where it happens (in the page, in the worker), not from this script, whose
 * round trips to the browser would add their own delay. Run alone with
 * `npx tsx scripts/bench-page.ts` after `npm run build`; `BENCH_SESSION_MINUTES` shortens the
 * memory session (10 minutes by default).
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { type Browser, extensionDirectory } from '../test/e2e/browser.ts';
import { guidePanel } from '../test/e2e/extension.ts';
import { frameFrom } from '../test/e2e/journey.ts';
import type {
  BenchBladeApi,
  BenchBladeConfig,
  KeyWatch,
  PopupWatch,
} from '../test/fixtures/bench/bench-api.ts';
import { type BenchBlades, installBenchBlades } from '../test/fixtures/bench/bench-blades.ts';
import { buildFixtures } from '../test/fixtures/build.ts';
import { declareeAccountUrl } from '../test/fixtures/declaree/site.ts';
import { applicationHash } from '../test/fixtures/entra/routes.ts';
import {
  entraApplicationUrl,
  entraPortalUrl,
  entraRoutes,
  listedApplication,
} from '../test/fixtures/entra/site.ts';
import { buildDirectory } from '../test/fixtures/replica-kit.ts';
import { installReplicas } from '../test/fixtures/replicas.ts';
import type { BenchResult } from './bench-group-names.ts';
import { benchSizes } from './bench-size.ts';
import {
  closeAllBrowsers,
  log,
  median,
  pause,
  percentile,
  startBrowser,
  TargetChannel,
  waitUntil,
  withBrowser,
  withTimeout,
} from './bench-support.ts';

const bladeFrameHost = /^sandbox-1\.reactblade/;
const megabyte = 1024 * 1024;

/** Opens a page of the replica and waits for the benchmark blade in its first frame. */
async function openBenchBlade(
  browser: Browser,
  url: string,
): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const frame = await frameFrom(page, bladeFrameHost);
  await frame.waitForFunction(() => 'bench' in window, undefined, { timeout: 30_000 });
  return { page, frame };
}

// --- Page cost --------------------------------------------------------------------------------

const gridRows = 500;
const gridIntervalMs = 100;
const gridTicks = 100;
/** Runs with and without the extension, in the order with, without, without, with, ... */
const pageCostRounds = 4;
/** Time for the extension's first look, its reports, the panel and the highlight to settle. */
const settleMs = 2500;

interface BusyTime {
  taskMs: number;
  scriptMs: number;
  /** Of `taskMs`, the portal page's share (the rest is the blade frame's). */
  topTaskMs: number;
  elapsedMs: number;
}

async function metricsOf(session: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await session.send('Performance.getMetrics');
  return new Map(metrics.map((metric) => [metric.name, metric.value]));
}

/**
 * Main-thread time of the portal page and of the blade frame (each its own renderer process and
 * DevTools target) while the grid is drawn anew 100 times. The time domain is the threads' own
 * CPU time, so that other work on the shared machine does not count as the page's.
 */
async function measureBusyTime(browser: Browser): Promise<BusyTime> {
  const { page, frame } = await openBenchBlade(browser, entraApplicationUrl('Users'));
  try {
    await frame.locator('[role="row"][aria-rowindex]').first().waitFor({ timeout: 30_000 });
    await pause(settleMs);

    const sessions = await Promise.all(
      [page, frame].map((target) => browser.context.newCDPSession(target)),
    );
    await Promise.all(
      sessions.map((session) => session.send('Performance.enable', { timeDomain: 'threadTicks' })),
    );
    const before = await Promise.all(sessions.map(metricsOf));
    const run = await withTimeout(
      'live grid',
      120_000,
      frame.evaluate(
        ([ticks, interval]) =>
          (window as unknown as { bench: BenchBladeApi }).bench.runLiveUpdates(ticks, interval),
        [gridTicks, gridIntervalMs] as const,
      ),
    );
    const after = await Promise.all(sessions.map(metricsOf));
    await Promise.all(sessions.map((session) => session.detach()));

    const spentIn = (index: number, name: string) =>
      ((after[index]?.get(name) ?? 0) - (before[index]?.get(name) ?? 0)) * 1000;
    const spent = (name: string) => spentIn(0, name) + spentIn(1, name);
    return {
      taskMs: spent('TaskDuration'),
      scriptMs: spent('ScriptDuration'),
      topTaskMs: spentIn(0, 'TaskDuration'),
      ...run,
    };
  } finally {
    await page.close();
  }
}

interface PageCostSide {
  browser: Browser;
  blades: BenchBlades;
}

async function benchPageCostOf(
  label: string,
  view: BenchBladeConfig,
  sides: Record<'with' | 'without', PageCostSide>,
): Promise<BenchResult[]> {
  for (const side of Object.values(sides)) {
    side.blades.use({ 'UsersAndGroups.ReactView': view });
  }

  const runs: Record<'with' | 'without', BusyTime[]> = { with: [], without: [] };

  // One unmeasured run each first: the first load fills caches that later loads find full.
  for (const kind of ['with', 'without'] as const) {
    await measureBusyTime(sides[kind].browser);
  }

  for (let round = 0; round < pageCostRounds; round += 1) {
    const order = round % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
    for (const kind of order) {
      const busy = await measureBusyTime(sides[kind].browser);
      runs[kind].push(busy);
      log(
        `page cost, ${label}, ${kind} extension: ${busy.taskMs.toFixed(0)} ms busy ` +
          `(${busy.topTaskMs.toFixed(0)} ms of it in the portal page, ` +
          `${busy.scriptMs.toFixed(0)} ms script) over ${busy.elapsedMs.toFixed(0)} ms`,
      );
    }
  }

  const withTask = median(runs.with.map((run) => run.taskMs));
  const withoutTask = median(runs.without.map((run) => run.taskMs));
  const withScript = median(runs.with.map((run) => run.scriptMs));
  const withoutScript = median(runs.without.map((run) => run.scriptMs));
  const seconds = (gridTicks * gridIntervalMs) / 1000;
  const name = `page cost, ${gridRows}-row grid ${label}, ${seconds} s of redraws`;
  return [
    {
      name: `${name}: busy without extension (median of ${pageCostRounds})`,
      value: withoutTask,
      unit: 'ms',
    },
    {
      name: `${name}: busy with extension (median of ${pageCostRounds})`,
      value: withTask,
      unit: 'ms',
      budget: '≤ 1.05 × without',
      ratio: withTask / withoutTask,
    },
    {
      name:
        `${name}: script, extra with extension` +
        ` (${withScript.toFixed(0)} vs ${withoutScript.toFixed(0)} ms)`,
      value: withScript - withoutScript,
      unit: 'ms',
      ratio: withScript / withoutScript,
    },
  ];
}

async function benchPageCost(): Promise<BenchResult[]> {
  const browsers = {
    with: await startBrowser(true),
    without: await startBrowser(false),
  };
  try {
    const side = async (browser: Browser): Promise<PageCostSide> => {
      await installReplicas(browser.context, { entra: { generation: 'new' } });
      return { browser, blades: await installBenchBlades(browser.context) };
    };
    const sides = { with: await side(browsers.with), without: await side(browsers.without) };

    return [
      ...(await benchPageCostOf('virtualised', { view: 'live-grid', rows: gridRows }, sides)),
      ...(await benchPageCostOf(
        'all drawn',
        { view: 'live-grid', rows: gridRows, drawAllRows: true },
        sides,
      )),
    ];
  } finally {
    await Promise.all([browsers.with.close(), browsers.without.close()]);
  }
}

// --- Reaction ---------------------------------------------------------------------------------

const reactionTrials = 30;
const reactionTimeoutMs = 3000;

/**
 * The portal's Provisioning blade of the new experience, in its frame, before the admin has a
 * configuration: the guide's step is "Open Provisioning" and the control it wants is "Connect
 * your application". The blade shows and hides the button and times each highlight itself.
 */
async function benchReaction(): Promise<BenchResult[]> {
  return withBrowser(true, async (browser) => {
    await installReplicas(browser.context, { entra: { generation: 'new' } });
    await installBenchBlades(browser.context, {
      'ProvisioningOverview.ReactView': { view: 'control-appears' },
    });
    const { page, frame } = await openBenchBlade(browser, entraApplicationUrl('Provisioning'));
    await guidePanel(page).getByText('Now: Open Provisioning').waitFor({ timeout: 30_000 });
    await pause(settleMs);

    // One more trial than counted: the first showing runs code paths for the first time.
    const trials = await withTimeout(
      'reaction trials',
      (reactionTrials + 1) * (reactionTimeoutMs * 2 + 1200),
      frame.evaluate(
        ([count, timeout]) =>
          (window as unknown as { bench: BenchBladeApi }).bench.runReactionTrials(count, timeout),
        [reactionTrials + 1, reactionTimeoutMs] as const,
      ),
    );
    const counted = trials.slice(1);
    // A highlight never drawn counts as slower than any drawn one.
    const times = counted.map((trial) => trial ?? Number.POSITIVE_INFINITY);
    const drawn = counted.filter((trial) => trial !== null).length;
    log(`reaction: ${times.map((time) => time.toFixed(0)).join(', ')} ms`);

    const p95 = percentile(times, 95);
    return [
      {
        name:
          'reaction: button appears in a blade frame → highlight drawn,' +
          ` p95 of ${counted.length}` +
          ` (median ${median(times).toFixed(0)} ms, ${drawn} drawn)`,
        value: p95,
        unit: 'ms',
        budget: '< 100 ms; ratio: p95 / 100 ms',
        ratio: p95 / 100,
      },
    ];
  });
}

// --- Key capture ------------------------------------------------------------------------------

const keyTrials = 25;
/** Declaree's time to make a key, drawn each trial between 100 ms and 100 ms more than this. */
const keyServerDelaySpreadMs = 400;
const keyWatchScript = path.join(buildDirectory, 'bench', 'key-watch.js');

/** The worker notes when the vault is written, in its own listener, on the wall clock. */
async function watchVaultWrites(browser: Browser): Promise<void> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) {
    throw new Error('The extension has no service worker.');
  }

  await worker.evaluate(() => {
    const scope = globalThis as unknown as { benchVaultWrites?: number[] };
    if (scope.benchVaultWrites) {
      return;
    }

    const writes: number[] = [];
    scope.benchVaultWrites = writes;
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area === 'session' && changes.vault?.newValue !== undefined) {
        writes.push(Date.now());
      }
    });
  });
}

async function vaultWrites(browser: Browser): Promise<number[]> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) {
    return [];
  }

  return worker.evaluate(
    () => (globalThis as unknown as { benchVaultWrites?: number[] }).benchVaultWrites ?? [],
  );
}

async function keyWatchOf(page: Page): Promise<KeyWatch> {
  const watch = await page.evaluate(
    () => (window as unknown as { benchKeyWatch?: KeyWatch }).benchKeyWatch,
  );
  if (!watch) {
    throw new Error('The key watch did not start on the Declaree page.');
  }

  return watch;
}

/**
 * Declaree's API tab: each trial, the popup has the extension forget its key, the admin presses
 * Generate Key, and the new key appears. Two moments count from the key's appearance: the vault
 * write in the worker (the extension holds the key: the earliest sign there is) and the panel
 * saying so (what the admin sees). The first is compared across processes on the wall clock
 * (1 ms steps); the second is timed within the page.
 */
async function benchKeyCapture(): Promise<BenchResult[]> {
  return withBrowser(true, async (browser) => {
    const replicas = await installReplicas(browser.context);
    const control = await browser.context.newPage();
    await control.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const page = await browser.context.newPage();
    await page.addInitScript({ path: keyWatchScript });
    await page.goto(declareeAccountUrl('com'));
    const generate = page.getByRole('button', { name: /^generate key$/i });
    await generate.waitFor({ timeout: 30_000 });
    await guidePanel(page).waitFor({ timeout: 30_000 });

    const toVault: number[] = [];
    const toPanel: number[] = [];
    for (let trial = 0; trial <= keyTrials; trial += 1) {
      await control.evaluate(() => chrome.runtime.sendMessage({ type: 'key-forget' }));
      const forgotten = await waitUntil(async () => !(await keyWatchOf(page)).held, 5000);
      if (!forgotten) {
        throw new Error('The panel still says it holds a key after the key was forgotten.');
      }

      await watchVaultWrites(browser);
      const before = await keyWatchOf(page);
      const writesBefore = (await vaultWrites(browser)).length;
      // How long Declaree takes to make the key decides which of the agent's looks finds it:
      // the one the click set off, the page's poll, or the one the key's own render sets off.
      // The replica answers in 40 ms; a real server takes its own time, so each trial draws one.
      replicas.configure({
        declaree: { appApiDelayMs: 100 + Math.random() * keyServerDelaySpreadMs },
      });
      await pause(300 + Math.random() * 300);
      await generate.click({ timeout: 10_000 });

      let watch = before;
      let writes: number[] = [];
      const captured = await waitUntil(async () => {
        [watch, writes] = await Promise.all([keyWatchOf(page), vaultWrites(browser)]);
        return (
          watch.keysShown.length > before.keysShown.length &&
          watch.panelHeld.length > before.panelHeld.length &&
          writes.length > writesBefore
        );
      }, 10_000);
      if (!captured) {
        throw new Error(`Trial ${trial}: the key was not shown, held and reported within 10 s.`);
      }

      const shown = watch.keysShown[before.keysShown.length];
      const panel = watch.panelHeld[before.panelHeld.length];
      const vault = writes[writesBefore];
      // The first trial runs code paths for the first time: it is not counted.
      if (trial > 0 && shown && panel && vault !== undefined) {
        toVault.push(vault - shown.epoch);
        toPanel.push(panel.at - shown.at);
      }
    }

    log(`key capture, to the vault: ${toVault.map((time) => time.toFixed(0)).join(', ')} ms`);
    log(`key capture, to the panel: ${toPanel.map((time) => time.toFixed(0)).join(', ')} ms`);
    const vaultP95 = percentile(toVault, 95);
    return [
      {
        name:
          `key capture: key shown → held in the worker's vault, p95 of ${toVault.length}` +
          ` (median ${median(toVault).toFixed(0)} ms)`,
        value: vaultP95,
        unit: 'ms',
        budget: '< 200 ms; ratio: p95 / 200 ms',
        ratio: vaultP95 / 200,
      },
      {
        name:
          `key capture: key shown → panel says it is held, p95 of ${toPanel.length}` +
          ` (median ${median(toPanel).toFixed(0)} ms)`,
        value: percentile(toPanel, 95),
        unit: 'ms',
      },
    ];
  });
}

// --- Popup ------------------------------------------------------------------------------------

const popupOpenings = 21;
const popupWatchScript = path.join(buildDirectory, 'bench', 'popup-watch.js');
const popupFloorScript = path.join(buildDirectory, 'bench', 'popup-floor.js');

/**
 * A copy of the built extension with one more page: the popup's own page, but loading the floor
 * script (`test/fixtures/bench/popup-floor.app.ts`) in place of the popup's code.
 */
async function extensionWithPopupFloor(): Promise<string> {
  const directory = path.join(buildDirectory, 'bench', 'extension-with-popup-floor');
  await rm(directory, { recursive: true, force: true });
  await cp(extensionDirectory, directory, { recursive: true });
  const popupPage = await readFile(path.join(directory, 'src', 'popup', 'index.html'), 'utf8');
  const floorPage = popupPage
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    .replace(
      /<script type="module"[^>]*><\/script>/,
      '<script type="module" src="./floor.js"></script>',
    );
  if (!floorPage.includes('src="./floor.js"')) {
    throw new Error("The popup's page no longer has the module script the floor page replaces.");
  }

  await writeFile(path.join(directory, 'src', 'popup', 'floor.html'), floorPage);
  await cp(popupFloorScript, path.join(directory, 'src', 'popup', 'floor.js'));
  return directory;
}

/** One opening of a page in a new tab: in-page ms from the navigation's start. */
async function openPopupPage(
  browser: Browser,
  url: string,
): Promise<{ parsed: number; heading: number; firstStep: number }> {
  const popup = await browser.context.newPage();
  try {
    await popup.addInitScript({ path: popupWatchScript });
    await popup.goto(url);
    await popup.waitForFunction(
      () =>
        (window as unknown as { benchPopupWatch?: PopupWatch }).benchPopupWatch?.firstStep !==
        undefined,
      undefined,
      { timeout: 10_000 },
    );
    const [watch, parsed] = await popup.evaluate(
      () =>
        [
          (window as unknown as { benchPopupWatch?: PopupWatch }).benchPopupWatch,
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
            .domInteractive,
        ] as const,
    );
    return {
      parsed,
      heading: watch?.heading ?? Number.NaN,
      firstStep: watch?.firstStep ?? Number.NaN,
    };
  } finally {
    await popup.close();
  }
}

/**
 * The popup's page opened in a tab, as often as counted: in-page times from the navigation's start
 * to the heading and to the first step of the journey, which needs the worker's answer. Each
 * opening is paired with one of the floor page, in alternating order: what any page of the
 * extension needs to open, ask the worker and draw a line, on this machine at this moment.
 */
async function benchPopup(): Promise<BenchResult[]> {
  const directory = await extensionWithPopupFloor();
  return withBrowser(
    true,
    async (browser) => {
      const base = `chrome-extension://${browser.extensionId}/src/popup`;
      const popup = { parsed: [] as number[], heading: [] as number[], firstStep: [] as number[] };
      const floor: number[] = [];
      for (let opening = 0; opening <= popupOpenings; opening += 1) {
        const popupFirst = opening % 2 === 0;
        const first = await openPopupPage(
          browser,
          `${base}/${popupFirst ? 'index' : 'floor'}.html`,
        );
        await pause(100);
        const second = await openPopupPage(
          browser,
          `${base}/${popupFirst ? 'floor' : 'index'}.html`,
        );
        const [times, floorTimes] = popupFirst ? [first, second] : [second, first];
        log(
          `popup, opening ${opening}: HTML parsed at ${times.parsed.toFixed(0)} ms, ` +
            `heading at ${times.heading.toFixed(0)} ms, ` +
            `first step at ${times.firstStep.toFixed(0)} ms; ` +
            `floor page: first step at ${floorTimes.firstStep.toFixed(0)} ms`,
        );
        // The first opening starts the worker and compiles the popup: not counted.
        if (opening > 0) {
          popup.parsed.push(times.parsed);
          popup.heading.push(times.heading);
          popup.firstStep.push(times.firstStep);
          floor.push(floorTimes.firstStep);
        }

        await pause(200);
      }

      const stepMedian = median(popup.firstStep);
      const floorMedian = median(floor);
      return [
        {
          name:
            `popup: opened → first step of the journey shown, median of ${popup.firstStep.length}` +
            ` (HTML parsed ${median(popup.parsed).toFixed(0)} ms,` +
            ` heading ${median(popup.heading).toFixed(0)} ms)`,
          value: stepMedian,
          unit: 'ms',
          budget: '< 50 ms; ratio: median / 50 ms',
          ratio: stepMedian / 50,
        },
        {
          name:
            'popup floor: the same page with a script that only asks the worker and draws one' +
            ' line, same openings; ratio: popup / floor',
          value: floorMedian,
          unit: 'ms',
          ratio: stepMedian / floorMedian,
        },
      ];
    },
    directory,
  );
}

// --- Memory -----------------------------------------------------------------------------------

const defaultSessionMinutes = 10;
const dwellMs = 1500;
const warmUpCycles = 2;

/** One round through the blades an admin opens while setting up, by hash as the portal does. */
const bladeRoutes: readonly string[] = [
  entraRoutes.home,
  entraRoutes.tenantOverview,
  entraRoutes.enterpriseApplications,
  entraRoutes.gallery,
  applicationHash('Overview', listedApplication),
  applicationHash('Users', listedApplication),
  applicationHash('Provisioning', listedApplication),
  applicationHash('ProvisioningLogs', listedApplication),
  entraRoutes.allGroups,
];

function sessionMinutes(): number {
  const asked = Number(process.env.BENCH_SESSION_MINUTES);
  return Number.isFinite(asked) && asked > 0 ? asked : defaultSessionMinutes;
}

interface HeapSample {
  page: number;
  worker?: number;
}

interface SessionSide {
  browser: Browser;
  page: Page;
  session: CDPSession;
  worker?: TargetChannel;
}

/** Used JS heap after a full garbage collection, so that only what is kept counts. */
async function sampleHeap(side: SessionSide): Promise<HeapSample> {
  await side.session.send('HeapProfiler.collectGarbage');
  const page = (await side.session.send('Runtime.getHeapUsage')).usedSize;
  if (!side.worker) {
    return { page };
  }

  await side.worker.send('HeapProfiler.collectGarbage');
  const { usedSize } = await side.worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return { page, worker: usedSize };
}

async function openSessionSide(browser: Browser): Promise<SessionSide> {
  await installReplicas(browser.context, { entra: { generation: 'new' } });
  const page = await browser.context.newPage();
  await page.goto(entraPortalUrl('home'));
  const session = await browser.context.newCDPSession(page);
  const anchor = browser.context.pages()[0];
  const worker =
    browser.extensionId && anchor
      ? await TargetChannel.open(anchor, 'service_worker', (url) =>
          url.startsWith(`chrome-extension://${browser.extensionId}/`),
        )
      : undefined;
  return { browser, page, session, ...(worker ? { worker } : {}) };
}

async function navigate(side: SessionSide, hash: string): Promise<void> {
  await side.page.evaluate((next) => {
    location.hash = next;
  }, hash);
}

/**
 * The portal page with and without the extension, side by side in two browsers, led through the
 * same blades at the same pace; heaps are sampled at the home page after the warm-up and at the
 * end. The page's heap holds the portal's own scripts and the content script's isolated world
 * (one V8 heap per renderer); the page without the extension shows what the portal alone does.
 */
async function benchMemory(): Promise<BenchResult[]> {
  const minutes = sessionMinutes();
  const sides = [await startBrowser(true), await startBrowser(false)];
  try {
    const [withSide, withoutSide] = await Promise.all(sides.map(openSessionSide));
    if (!withSide || !withoutSide) {
      throw new Error('The session could not start.');
    }

    const both = [withSide, withoutSide];
    const sessionEnd = Date.now() + minutes * 60_000;
    let warmedUp: HeapSample[] | undefined;
    let cycle = 0;
    // A whole round each time, ending at home, so that every sample is taken on the same page.
    while (cycle <= warmUpCycles || Date.now() < sessionEnd) {
      for (const hash of bladeRoutes) {
        await Promise.all(both.map((side) => navigate(side, hash)));
        await pause(dwellMs);
      }

      await Promise.all(both.map((side) => navigate(side, entraRoutes.home)));
      await pause(dwellMs);
      cycle += 1;
      const samples = await Promise.all(both.map(sampleHeap));
      const inMegabytes = (bytes: number | undefined) => ((bytes ?? 0) / megabyte).toFixed(1);
      log(
        `memory, round ${cycle}: page ${inMegabytes(samples[0]?.page)} MB with, ` +
          `${inMegabytes(samples[1]?.page)} MB without; ` +
          `worker ${inMegabytes(samples[0]?.worker)} MB`,
      );
      if (!warmedUp && cycle >= warmUpCycles) {
        warmedUp = samples;
      }

      if (warmedUp && cycle > warmUpCycles && Date.now() >= sessionEnd) {
        const workerRestarted = withSide.worker?.isDetached ?? false;
        return memoryRows(warmedUp, samples, minutes, cycle, workerRestarted);
      }
    }

    throw new Error('The session ended before it was warmed up.');
  } finally {
    await Promise.all(sides.map((browser) => browser.close()));
  }
}

function memoryRows(
  start: HeapSample[],
  end: HeapSample[],
  minutes: number,
  rounds: number,
  workerRestarted: boolean,
): BenchResult[] {
  const [startWith, startWithout] = start;
  const [endWith, endWithout] = end;
  if (!startWith || !startWithout || !endWith || !endWithout) {
    throw new Error('A heap sample is missing.');
  }

  const session = `${minutes} min (${rounds} rounds of ${bladeRoutes.length} blades)`;
  const flat = 'flat: ≤ 1.20 × after warm-up';
  const inMegabytes = (bytes: number) => `${(bytes / megabyte).toFixed(1)} MB`;
  const rows: BenchResult[] = [
    {
      name:
        `memory: portal page heap with extension, after ${session};` +
        ` warm-up ${inMegabytes(startWith.page)}`,
      value: endWith.page / megabyte,
      unit: 'MB',
      ratio: endWith.page / startWith.page,
    },
    {
      name:
        'memory: portal page heap without extension, same session;' +
        ` warm-up ${inMegabytes(startWithout.page)}`,
      value: endWithout.page / megabyte,
      unit: 'MB',
      ratio: endWithout.page / startWithout.page,
    },
    {
      // The content scripts share the page's heap: what they hold is the difference.
      name:
        "memory: the content scripts' share of the page heap (with − without);" +
        ` warm-up ${inMegabytes(startWith.page - startWithout.page)}`,
      value: (endWith.page - endWithout.page) / megabyte,
      unit: 'MB',
      budget: flat,
      ratio: (endWith.page - endWithout.page) / (startWith.page - startWithout.page),
    },
  ];
  if (startWith.worker !== undefined && endWith.worker !== undefined) {
    rows.push({
      name:
        `memory: service worker heap, same session; warm-up ${inMegabytes(startWith.worker)}` +
        (workerRestarted ? ' (the worker was restarted: not the same heap)' : ''),
      value: endWith.worker / megabyte,
      unit: 'MB',
      budget: flat,
      ratio: endWith.worker / startWith.worker,
    });
  }

  return rows;
}

// --- All of them ------------------------------------------------------------------------------

const figures: ReadonlyArray<[string, () => Promise<BenchResult[]>]> = [
  ['page cost', benchPageCost],
  ['reaction', benchReaction],
  ['key capture', benchKeyCapture],
  ['popup', benchPopup],
  ['memory', benchMemory],
  ['size', benchSizes],
];

/** `BENCH_ONLY=reaction,popup` measures only the figures named; all of them by default. */
function chosenFigures(): typeof figures {
  const only = process.env.BENCH_ONLY?.split(',').map((label) => label.trim().toLowerCase());
  return only ? figures.filter(([label]) => only.includes(label)) : figures;
}

/**
 * Every figure in turn. A figure that fails is reported as not measured, with its reason, and
 * the others still run; the process then ends with a failure code.
 */
export async function benchPage(): Promise<BenchResult[]> {
  log(`measuring the extension built in ${extensionDirectory}`);
  await buildFixtures();
  const rows: BenchResult[] = [];
  // The machines are shared: how busy this one was tells how far to trust the times.
  const loads: number[] = [];
  const loadTimer = setInterval(() => loads.push(loadavg()[0] ?? 0), 5000);
  loadTimer.unref();
  try {
    for (const [label, measure] of chosenFigures()) {
      log(`${label}: measuring`);
      try {
        rows.push(...(await measure()));
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        log(`${label}: failed: ${error instanceof Error ? error.stack : reason}`);
        rows.push({ name: `${label}: not measured (${reason})`, value: Number.NaN, unit: '' });
        process.exitCode = 1;
      }
    }
  } finally {
    clearInterval(loadTimer);
    await closeAllBrowsers();
  }

  rows.push({
    name: `machine: load average while measuring (median; ${cpus().length} cores)`,
    value: median(loads),
    unit: '',
  });
  return rows;
}

const runDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (runDirectly) {
  void benchPage().then((rows) => {
    for (const row of rows) {
      const ratio = row.ratio === undefined ? '' : `  ratio ${row.ratio.toFixed(2)}`;
      const budget = row.budget === undefined ? '' : `  (budget ${row.budget})`;
      console.log(`${row.name}: ${row.value.toFixed(1)} ${row.unit}${ratio}${budget}`);
    }
  });
}
