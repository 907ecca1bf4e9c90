import { type DeclareeInstance, declareeOrigins } from '../shared/instances.ts';

/**
 * The SCIM base URL Entra needs as Tenant URL. Declaree's path is case-sensitive ("SCIM", upper
 * case) and Entra appends resource names to it, so the trailing slash belongs to it.
 */
export function tenantUrlFor(instance: DeclareeInstance): string {
  return `${declareeOrigins[instance]}/SCIM/v2/`;
}
