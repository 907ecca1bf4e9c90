/** The journey's progress in storage.local, so that it survives closing the browser. */
import browser from 'webextension-polyfill';
import { markDone, type Progress, parseProgress } from '../journey/progress.ts';
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

/** Marks steps done; returns true when the stored progress changed. */
export function recordDone(ids: readonly StepId[], now: number): Promise<boolean> {
  const next = queue.then(async () => {
    const { progress } = await readProgress();
    const updated = markDone(progress, ids, now);
    if (updated === progress) {
      return false;
    }

    await browser.storage.local.set({ [progressItem]: updated });
    return true;
  });
  queue = next.catch(() => undefined);
  return next;
}
