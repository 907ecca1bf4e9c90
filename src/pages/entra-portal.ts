/**
 * The Entra admin center around the forms: which view the hash route shows, and the name of the
 * enterprise application whose blade is open. The same routes serve entra.microsoft.com and
 * portal.azure.com; navigation changes only the hash.
 */
import type { PageKind } from '../shared/messages.ts';
import { entraLabels } from './labels.ts';

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
 * (e.g. "Declaree | Provisioning"). Only titles of application menu items count, so that a search
 * result or a breadcrumb of another blade is not taken for the application.
 */
export function applicationNameOfBlade(document: Document): string | undefined {
  const menuItems = entraLabels.provisioning.map((item) => item.toLocaleLowerCase());
  const titles = document.querySelectorAll('h1, h2, [role="heading"]');
  for (const title of titles) {
    const text = (title.textContent ?? '').replace(/\s+/g, ' ').trim();
    const separator = text.lastIndexOf(' | ');
    if (separator <= 0) {
      continue;
    }

    const item = text.slice(separator + 3).toLocaleLowerCase();
    if (menuItems.some((menuItem) => item.startsWith(menuItem))) {
      return text.slice(0, separator).slice(0, 256);
    }
  }

  return undefined;
}
