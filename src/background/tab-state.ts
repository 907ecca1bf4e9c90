/**
 * What each frame of each tab has recognised, kept in storage.session so that it survives the
 * service worker being stopped. Holds page kinds and application names, never a field value.
 */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import type { Site } from '../journey/targets.ts';
import { isDeclareeOrigin } from '../shared/instances.ts';
import { type FrameReport, frameReportSchema, type PageKind } from '../shared/messages.ts';

const tabsItem = 'tabs';

const frameRecordSchema = z.object({ origin: z.string(), report: frameReportSchema }).strict();
const tabsSchema = z.record(z.string(), z.record(z.string(), frameRecordSchema));
type Tabs = z.infer<typeof tabsSchema>;
export type FrameRecord = z.infer<typeof frameRecordSchema>;

// Frame reports arrive in bursts from several frames at once; updates run one after another so
// that no report overwrites another.
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function readTabs(): Promise<Tabs> {
  const stored = await browser.storage.session.get(tabsItem);
  const parsed = tabsSchema.safeParse(stored[tabsItem] ?? {});
  return parsed.success ? parsed.data : {};
}

/** Records a frame's report; returns true when it differs from the one recorded before. */
export function recordFrame(
  tabId: number,
  frameId: number,
  origin: string,
  report: FrameReport,
): Promise<boolean> {
  return serialised(async () => {
    const tabs = await readTabs();
    const frames = tabs[tabId] ?? {};
    const before = frames[frameId];
    if (
      before &&
      before.origin === origin &&
      JSON.stringify(before.report) === JSON.stringify(report)
    ) {
      return false;
    }

    // A top document of another site means a new page: what its old frames said no longer
    // holds. A first report of the top frame keeps the frames: they may have reported first.
    const kept = frameId === 0 && before !== undefined && before.origin !== origin ? {} : frames;
    tabs[tabId] = { ...kept, [frameId]: { origin, report } };
    await browser.storage.session.set({ [tabsItem]: tabs });
    return true;
  });
}

export function forgetFrame(tabId: number, frameId: number): Promise<void> {
  return serialised(async () => {
    const tabs = await readTabs();
    const frames = tabs[tabId];
    if (!frames) {
      return;
    }

    if (frameId === 0) {
      delete tabs[tabId];
    } else {
      delete frames[frameId];
    }

    await browser.storage.session.set({ [tabsItem]: tabs });
  });
}

export function forgetAllTabs(): Promise<void> {
  return serialised(() => browser.storage.session.remove(tabsItem));
}

export async function framesOfTab(tabId: number): Promise<Record<string, FrameRecord>> {
  const tabs = await readTabs();
  return tabs[tabId] ?? {};
}

export async function knownTabIds(): Promise<number[]> {
  return Object.keys(await readTabs()).map(Number);
}

/** The tab's page as its frames see it: a form in any frame wins over the shell around it. */
export function summariseTab(frames: Record<string, FrameRecord>): {
  page: PageKind | null;
  credentialsForm: boolean;
  formFrameId?: number;
  appName?: string;
  keyShown?: FrameReport['keyShown'];
  site: Site;
  userNameSource?: string;
} {
  const entries = Object.entries(frames);
  const formEntry = entries.find(([, record]) => record.report.credentialsForm);
  const pageRank: PageKind[] = [
    'entra-credentials-form',
    'entra-provisioning',
    'entra-app',
    'entra-portal',
    'declaree-key-page',
    'declaree-account',
    'declaree-app',
    'declaree-login',
  ];
  const pages = entries.map(([, record]) => record.report.page).filter((page) => page !== null);
  const page = pageRank.find((kind) => pages.includes(kind)) ?? null;
  // The top frame's blade title names the application; frames only when the top has none.
  const ordered = [...entries].sort(([a], [b]) => Number(a) - Number(b));
  const appName = ordered.map(([, record]) => record.report.appName).find(Boolean);
  const keyShown = entries.map(([, record]) => record.report.keyShown).find(Boolean);
  const site: Site = entries.some(([, record]) => isDeclareeOrigin(record.origin))
    ? 'declaree'
    : 'entra';
  const userNameSource = entries.map(([, record]) => record.report.userNameSource).find(Boolean);

  return {
    page,
    credentialsForm: formEntry !== undefined,
    ...(formEntry ? { formFrameId: Number(formEntry[0]) } : {}),
    ...(appName ? { appName } : {}),
    ...(page === 'declaree-key-page' && keyShown ? { keyShown } : {}),
    site,
    ...(userNameSource ? { userNameSource } : {}),
  };
}
