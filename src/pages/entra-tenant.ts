/**
 * Which Entra tenant the portal shows, so that each customer's setup is kept apart: the directory
 * name under the signed-in account in the top bar, or the tenant in the address
 * (entra.microsoft.com/<tenant>/#...).
 */
import type { Tenant } from '../journey/setups.ts';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const domain = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function tenantShown(document: Document, location: Location): Tenant | undefined {
  // The portal's account menu shows the directory's name beneath the user's.
  const directory = document.querySelector('[class*="avatarmenu-tenant"]')?.textContent?.trim();
  if (directory) {
    return { key: directory.toLocaleLowerCase().slice(0, 128), label: directory.slice(0, 128) };
  }

  const segment = decodeURIComponent(location.pathname.split('/')[1] ?? '');
  if (guid.test(segment) || domain.test(segment)) {
    return { key: segment.toLocaleLowerCase(), label: segment };
  }

  return undefined;
}
