/**
 * What the Entra pages show as done, read from the route and the page: the step facts the frame
 * agents report. Each fact is one the page itself states; nothing is inferred from a click.
 */
import type { StepId } from '../journey/steps.ts';
import { defaultApplicationName, isOurApplication } from '../shared/policy.ts';
import { type ControlId, findControl } from './controls.ts';

export type Generation = 'classic' | 'overview' | 'new';

/** Steps a route shows done: being on a page means the way there was taken. */
export function stepsOfRoute(
  hash: string,
  appName: string | undefined,
  chosenName = defaultApplicationName,
): StepId[] {
  const route = decodeURIComponent(hash);
  const done: StepId[] = [];
  if (
    /TenantOverview|ActiveDirectoryMenuBlade|StartboardApplicationsMenuBlade|AppGalleryBladeV2|ManagedAppMenuBlade|ProvisioningMenuBlade/i.test(
      route,
    )
  ) {
    done.push('entra-open');
  }

  if (/StartboardApplicationsMenuBlade|AppGalleryBladeV2|ManagedAppMenuBlade/i.test(route)) {
    done.push('entra-enterprise-apps');
  }

  if (/AppGalleryBladeV2/i.test(route)) {
    done.push('entra-new-app');
  }

  // An application page of an application named Declaree (or as the organisation chose): it was
  // created, or it existed and the admin opened it (the other branch of the journey).
  if (/ManagedAppMenuBlade/i.test(route) && appName && isOurApplication(appName, chosenName)) {
    done.push('entra-enterprise-apps', 'entra-new-app', 'entra-create-app');
  }

  return done;
}

/** The provisioning UI generation a frame shows, from the controls only that generation has. */
export function generationShown(root: Document, credentialsForm: boolean): Generation | undefined {
  const has = (id: ControlId) => findControl(root, id) !== undefined;
  if (has('entra-mode') || has('entra-get-started')) {
    return 'classic';
  }

  if (has('entra-connect-application') || has('entra-new-configuration')) {
    return 'new';
  }

  if (has('entra-edit-provisioning')) {
    return 'overview';
  }

  // The new experience's form is the only credentials form without a Provisioning Mode.
  return credentialsForm ? 'new' : undefined;
}

const cycleRunning = /^(initial|incremental) cycle (in progress|completed)\.?$/i;

/**
 * Provisioning runs when the page offers to stop it (overview and new experience), or when its
 * "Current cycle status" reports a cycle in progress or completed (classic form after Save).
 */
export function provisioningRunning(root: Document): boolean {
  for (const element of root.querySelectorAll<HTMLElement>(
    'button, [role="button"], [role="menuitem"]',
  )) {
    const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
    const disabled =
      element.getAttribute('aria-disabled') === 'true' || (element as HTMLButtonElement).disabled;
    if (/^(stop provisioning|bereitstellung beenden)$/i.test(name) && !disabled) {
      return true;
    }
  }

  for (const element of root.querySelectorAll('span, div, p')) {
    if (element.children.length === 0 && cycleRunning.test((element.textContent ?? '').trim())) {
      return true;
    }
  }

  return false;
}

/** Whether an application's Users and groups list shows an assignment, known by its object type. */
export function assignmentShown(root: Document): boolean {
  for (const row of root.querySelectorAll('[role="row"], tr')) {
    for (const cell of row.querySelectorAll('[role="gridcell"], td')) {
      if (/^(user|group|benutzer|gruppe)$/i.test((cell.textContent ?? '').trim())) {
        return true;
      }
    }
  }

  return false;
}

/** The provisioning logs page: known only by its heading, it has no route of its own. */
export function isProvisioningLogs(root: Document): boolean {
  // The blade title may carry the application's name first: "Declaree | Provisioning logs".
  return [...root.querySelectorAll('h1, h2, [role="heading"]')].some((heading) =>
    /(^|\| )(provisioning logs|bereitstellungsprotokolle)$/i.test(
      (heading.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ),
  );
}
