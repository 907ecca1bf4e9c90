/**
 * One setup per Entra tenant, so that a consultant can work for several customers: the progress
 * in use belongs to the current tenant; the others wait in the list. Pure: the worker stores the
 * result.
 */
import { z } from 'zod';
import { type Tenant, tenantSchema } from './identities.ts';
import { emptyProgress, type Progress, progressSchema } from './progress.ts';

export type { Tenant } from './identities.ts';

export const setupsSchema = z
  .object({
    current: z.optional(tenantSchema),
    /** The progress of every other tenant's setup, by tenant key. */
    others: z.record(z.string(), z.object({ tenant: tenantSchema, progress: progressSchema })),
  })
  .strict();
export type Setups = z.infer<typeof setupsSchema>;

export function emptySetups(): Setups {
  return { others: {} };
}

export function parseSetups(stored: unknown): Setups {
  const parsed = setupsSchema.safeParse(stored);
  return parsed.success ? parsed.data : emptySetups();
}

/**
 * Moves to another tenant's setup: the current progress is put aside under its tenant, and the
 * other tenant's progress (or a fresh one) comes in. The first tenant seen adopts the progress
 * made so far, which was made for it.
 */
export function switchTenant(
  setups: Setups,
  progress: Progress,
  tenant: Tenant,
): { setups: Setups; progress: Progress } | undefined {
  if (setups.current?.key === tenant.key) {
    return setups.current.label === tenant.label
      ? undefined
      : { setups: { ...setups, current: tenant }, progress };
  }

  if (!setups.current) {
    return { setups: { ...setups, current: tenant }, progress };
  }

  const others = { ...setups.others };
  others[setups.current.key] = { tenant: setups.current, progress };
  const waiting = others[tenant.key];
  delete others[tenant.key];
  return {
    setups: { current: tenant, others },
    progress: waiting?.progress ?? emptyProgress(),
  };
}

/** Forgets one tenant's setup; the current one starts afresh instead of going away. */
export function forgetTenant(
  setups: Setups,
  progress: Progress,
  key: string,
): { setups: Setups; progress: Progress } {
  if (setups.current?.key === key || key === '') {
    return { setups, progress: emptyProgress() };
  }

  const others = { ...setups.others };
  delete others[key];
  return { setups: { ...setups, others }, progress };
}
