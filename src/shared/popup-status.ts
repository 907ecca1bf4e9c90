/**
 * What the worker tells the popup, as a strict schema in zod's small build (zod/mini): the popup
 * checks every answer, and loads little before it can show the journey.
 */
import { z } from 'zod/mini';
import { preflightOutcomes } from '../background/scim.ts';
import { applicationSchema, tenantSchema } from '../journey/identities.ts';
import { stepIds } from '../journey/steps.ts';
import { groupCheckSchema, keyStatusSchema } from './content-messages.ts';
import { policyNames } from './policy.ts';

export const popupStatusSchema = z.strictObject({
  key: keyStatusSchema,
  steps: z.array(
    z.strictObject({
      id: z.enum(stepIds),
      state: z.enum(['done', 'current', 'todo', 'skipped']),
    }),
  ),
  progressWasReset: z.boolean(),
  presenter: z.boolean(),
  preflightEnabled: z.boolean(),
  /** Settings the organisation fixed by policy. */
  organisation: z.strictObject({
    presenterLocked: z.boolean(),
    preflightLocked: z.boolean(),
    presenterDefault: z.optional(z.literal(true)),
    instance: z.optional(z.enum(['com', 'de'])),
    applicationName: z.optional(z.string().check(z.maxLength(120))),
    keyLifetimeMinutes: z.optional(z.int().check(z.positive())),
    ignored: z.array(z.enum(policyNames)),
  }),
  preflight: z.optional(z.enum(preflightOutcomes)),
  groupCheck: z.optional(groupCheckSchema),
  setups: z.strictObject({
    current: z.optional(tenantSchema),
    others: z.array(z.strictObject({ tenant: tenantSchema, done: z.number() })),
  }),
  application: z.optional(applicationSchema),
});
export type PopupStatus = z.infer<typeof popupStatusSchema>;
