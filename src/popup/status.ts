/** The popup's questions to the worker, and the journey as the worker tells it. */
import { api } from '../shared/extension-api.ts';
import type { ToWorker } from '../shared/messages.ts';
import { type PopupStatus, popupStatusSchema } from '../shared/popup-status.ts';

export function ask(message: ToWorker): Promise<unknown> {
  return api.runtime.sendMessage(message);
}

/** The status, or why there is none: the worker did not answer, or answered something unreadable. */
export type Loaded = { status: PopupStatus; failed: false } | { status?: never; failed: true };

export async function loadStatus(): Promise<Loaded> {
  try {
    const parsed = popupStatusSchema.safeParse(await ask({ type: 'popup-get' }));
    return parsed.success ? { status: parsed.data, failed: false } : { failed: true };
  } catch {
    return { failed: true };
  }
}
