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
