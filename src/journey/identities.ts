/**
 * Whom a setup is for: the Entra tenant and the enterprise application, as the worker stores them
 * and as the popup receives them. Written with zod's small build, so that the popup can check
 * them without loading the full one.
 */
import { z } from 'zod/mini';

export const tenantSchema = z.strictObject({
  key: z.string().check(z.minLength(1), z.maxLength(128)),
  label: z.string().check(z.maxLength(128)),
});
export type Tenant = z.infer<typeof tenantSchema>;

export const applicationSchema = z.strictObject({
  objectId: z.uuid(),
  appId: z.uuid(),
  name: z.optional(z.string().check(z.maxLength(256))),
});
export type Application = z.infer<typeof applicationSchema>;
