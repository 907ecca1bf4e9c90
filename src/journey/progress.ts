/**
 * Where the administrator stands in the journey. Pure: the service worker stores the result in
 * storage.local and calls these functions; nothing here touches the browser.
 */
import { z } from 'zod';
import { type Application, applicationSchema } from './identities.ts';
import { type StepId, stepIds, steps } from './steps.ts';

export type { Application } from './identities.ts';

export type StepState = 'done' | 'current' | 'todo' | 'skipped';

const stepIdSchema = z.enum(stepIds);

export const progressSchema = z
  .object({
    version: z.literal(1),
    steps: z.partialRecord(
      stepIdSchema,
      z.object({ state: z.enum(['done', 'skipped']), at: z.number() }).strict(),
    ),
    /** The Entra application being set up, once the admin has opened it. */
    application: z.optional(applicationSchema),
  })
  .strict();

export type Progress = z.infer<typeof progressSchema>;

export function emptyProgress(): Progress {
  return { version: 1, steps: {} };
}

/** Marks steps done; returns the same object when nothing changed, so callers can skip a write. */
export function markDone(progress: Progress, ids: readonly StepId[], now: number): Progress {
  const missing = ids.filter((id) => progress.steps[id]?.state !== 'done');
  if (missing.length === 0) {
    return progress;
  }

  const updated = { ...progress.steps };
  for (const id of missing) {
    updated[id] = { state: 'done', at: now };
  }

  return { ...progress, steps: updated };
}

/** Sets one step by hand: done, skipped, or back to be done ('todo'). */
export function setStepState(
  progress: Progress,
  id: StepId,
  state: 'done' | 'skipped' | 'todo',
  now: number,
): Progress {
  const updated = { ...progress.steps };
  if (state === 'todo') {
    delete updated[id];
  } else {
    updated[id] = { state, at: now };
  }

  return { ...progress, steps: updated };
}

/** Marks steps skipped unless they are done already. */
export function markSkipped(progress: Progress, ids: readonly StepId[], now: number): Progress {
  const open = ids.filter((id) => progress.steps[id] === undefined);
  if (open.length === 0) {
    return progress;
  }

  const updated = { ...progress.steps };
  for (const id of open) {
    updated[id] = { state: 'skipped', at: now };
  }

  return { ...progress, steps: updated };
}

/** Remembers the application; the same object back when nothing changed. */
export function withApplication(progress: Progress, application: Application): Progress {
  const known = progress.application;
  if (
    known?.objectId === application.objectId &&
    known.appId === application.appId &&
    known.name === application.name
  ) {
    return progress;
  }

  return { ...progress, application };
}

/**
 * The state of every step: the first step of the pages' journey neither done nor skipped is the
 * current one. Requirements are a checklist beside the journey, answered whenever it suits.
 */
export function stepStates(progress: Progress): Array<{ id: StepId; state: StepState }> {
  let currentFound = false;

  return steps.map(({ id, section }) => {
    const recorded = progress.steps[id]?.state;
    if (recorded) {
      return { id, state: recorded };
    }

    if (section === 'requirements') {
      return { id, state: 'todo' };
    }

    const state: StepState = currentFound ? 'todo' : 'current';
    currentFound = true;
    return { id, state };
  });
}

/** Reads stored progress; anything damaged or from an unknown version starts afresh. */
export function parseProgress(stored: unknown): { progress: Progress; wasReset: boolean } {
  if (stored === undefined) {
    return { progress: emptyProgress(), wasReset: false };
  }

  const parsed = progressSchema.safeParse(stored);
  return parsed.success
    ? { progress: parsed.data, wasReset: false }
    : { progress: emptyProgress(), wasReset: true };
}
