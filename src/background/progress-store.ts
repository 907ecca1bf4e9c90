/** The journey's progress in storage.local, so that it survives closing the browser. */
import browser from 'webextension-polyfill';
import {
  type Application,
  emptyProgress,
  markDone,
  markSkipped,
  type Progress,
  parseProgress,
  setStepState,
  withApplication,
} from '../journey/progress.ts';
import {
  forgetTenant,
  parseSetups,
  type Setups,
  switchTenant,
  type Tenant,
} from '../journey/setups.ts';
import type { StepId } from '../journey/steps.ts';

const progressItem = 'progress';
let resetNoticed = false;

export async function readProgress(): Promise<{ progress: Progress; wasReset: boolean }> {
  const stored = await browser.storage.local.get(progressItem);
  const result = parseProgress(stored[progressItem]);
  if (result.wasReset) {
    resetNoticed = true;
    await browser.storage.local.set({ [progressItem]: result.progress });
  }

  return { progress: result.progress, wasReset: resetNoticed };
}

let queue: Promise<unknown> = Promise.resolve();

/** Applies a change to the stored progress; returns true when it changed anything. */
function update(change: (progress: Progress) => Progress): Promise<boolean> {
  const next = queue.then(async () => {
    const { progress } = await readProgress();
    const updated = change(progress);
    if (updated === progress) {
      return false;
    }

    await browser.storage.local.set({ [progressItem]: updated });
    return true;
  });
  queue = next.catch(() => undefined);
  return next;
}

const setupsItem = 'setups';

export async function readSetups(): Promise<Setups> {
  const stored = await browser.storage.local.get(setupsItem);
  return parseSetups(stored[setupsItem]);
}

/** Applies a change to the setups and the progress together, in the progress queue. */
function updateSetups(
  change: (
    setups: Setups,
    progress: Progress,
  ) => { setups: Setups; progress: Progress } | undefined,
): Promise<boolean> {
  const next = queue.then(async () => {
    const [setups, { progress }] = await Promise.all([readSetups(), readProgress()]);
    const changed = change(setups, progress);
    if (!changed) {
      return false;
    }

    await browser.storage.local.set({
      [setupsItem]: changed.setups,
      [progressItem]: changed.progress,
    });
    return true;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** The portal shows this tenant: its setup becomes the current one. */
export function recordTenant(tenant: Tenant): Promise<boolean> {
  return updateSetups((setups, progress) => switchTenant(setups, progress, tenant));
}

/** The popup chose a setup by its tenant key. */
export function chooseSetup(key: string): Promise<boolean> {
  return updateSetups((setups, progress) => {
    const waiting = setups.others[key];
    return waiting ? switchTenant(setups, progress, waiting.tenant) : undefined;
  });
}

export function forgetSetup(key: string): Promise<boolean> {
  return updateSetups((setups, progress) => forgetTenant(setups, progress, key));
}

export function recordApplication(application: Application): Promise<boolean> {
  return update((progress) => withApplication(progress, application));
}

export function resetProgress(): Promise<boolean> {
  resetNoticed = false;
  return update(() => emptyProgress());
}

export function recordDone(ids: readonly StepId[], now: number): Promise<boolean> {
  return update((progress) => markDone(progress, ids, now));
}

export function recordSkipped(ids: readonly StepId[], now: number): Promise<boolean> {
  return update((progress) => markSkipped(progress, ids, now));
}

export function recordStepState(
  id: StepId,
  state: 'done' | 'skipped' | 'todo',
  now: number,
): Promise<boolean> {
  return update((progress) => setStepState(progress, id, state, now));
}
