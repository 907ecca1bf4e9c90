/**
 * The Entra admin center around the forms: which view the hash route shows, and the name of the
 * enterprise application whose blade is open. The same routes serve entra.microsoft.com and
 * portal.azure.com; navigation changes only the hash.
 */
import type { PageKind } from '../shared/messages.ts';

export function entraPageOfRoute(hash: string): PageKind {
  const route = decodeURIComponent(hash);
  if (/ManagedAppMenuBlade\/~\/Provisioning|ProvisioningMenuBlade/i.test(route)) {
    return 'entra-provisioning';
  }

  if (/ManagedAppMenuBlade/i.test(route)) {
    return 'entra-app';
  }

  return 'entra-portal';
}

const guid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const applicationRoute = new RegExp(
  `ManagedAppMenuBlade/.*objectId/(${guid})/appId/(${guid})`,
  'i',
);

/** The application's ids when the route is one of its pages. */
export function applicationOfRoute(hash: string): { objectId: string; appId: string } | undefined {
  const match = applicationRoute.exec(decodeURIComponent(hash));
  return match?.[1] && match[2]
    ? { objectId: match[1].toLowerCase(), appId: match[2].toLowerCase() }
    : undefined;
}

/**
 * The application's name from the blade title, which the portal writes as "<name> | <menu item>"
 * (e.g. "Declaree | Provisioning"). Read only on the application's own pages (by route), so that
 * the title of another blade is not taken for the application.
 */
export function applicationNameOfBlade(document: Document, hash: string): string | undefined {
  if (!/ManagedAppMenuBlade|ProvisioningMenuBlade/i.test(decodeURIComponent(hash))) {
    return undefined;
  }

  for (const title of document.querySelectorAll('h1, h2, [role="heading"]')) {
    const text = (title.textContent ?? '').replace(/\s+/g, ' ').trim();
    const separator = text.lastIndexOf(' | ');
    if (separator > 0) {
      return text.slice(0, separator).slice(0, 256);
    }
  }

  return undefined;
}
