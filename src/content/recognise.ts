/**
 * One frame's view of its page: which page it is and what it shows, as a report for the worker.
 * The Declaree key is returned beside the report, never inside it.
 */

import { diagnoseToken } from '../checks/secret.ts';
import { isKnownErrorCode, type KnownErrorCode } from '../journey/log-errors.ts';
import type { StepId } from '../journey/steps.ts';
import { type ControlId, controlsShown, duringOneLook, findControl } from '../pages/controls.ts';
import { isAccountPage, recogniseKeyPage } from '../pages/declaree-key-page.ts';
import { findCredentialsFields } from '../pages/entra-credentials-form.ts';
import {
  findUserNameMapping,
  hasUnsavedChanges,
  userNameComesFromMail,
} from '../pages/entra-mappings.ts';
import { type Notice, notificationsShown } from '../pages/entra-notifications.ts';
import {
  applicationNameOfBlade,
  applicationOfRoute,
  entraPageOfRoute,
} from '../pages/entra-portal.ts';
import {
  cycleStatusShown,
  errorCodesShown,
  isQuarantined,
} from '../pages/entra-provisioning-state.ts';
import {
  assignmentShown,
  generationShown,
  isProvisioningLogs,
  provisioningRunning,
  stepsOfRoute,
} from '../pages/entra-steps.ts';
import { tenantShown } from '../pages/entra-tenant.ts';
import { readGroupLists } from '../pages/group-lists.ts';
import { isDeclareeOrigin } from '../shared/instances.ts';
import type { FrameReport } from '../shared/messages.ts';

export interface Recognition {
  report: FrameReport;
  shownKey?: string;
  /** The element that shows the key, to cover on a shared screen. */
  keyElement?: HTMLElement;
}

/**
 * What the frame remembers between looks: whether the admin pressed Generate Key here. A key that
 * is on the page without that press was made before, and other integrations may be using it.
 */
export interface Memory {
  generatePressed?: boolean;
  /** The controls the guide looks for now, as the worker last said. */
  wanted?: readonly ControlId[];
  /** Notifications already seen, so that only a new one counts as news. */
  seenNotices?: WeakSet<Element>;
  lastNotice?: { kind: Notice; count: number };
  /** Error codes the logs page has shown so far, as the admin opens entry after entry. */
  errorCodesSeen?: Set<KnownErrorCode>;
  /** Groups seen in this frame's lists so far: a virtualised list shows a window at a time. */
  groupsSeen?: Map<string, GroupEntryReport>;
  /** The name the organisation chose for the application, when it chose one. */
  applicationName?: string;
}

type GroupEntryReport = NonNullable<FrameReport['groups']>['entries'][number];
const mostGroupsKept = 5000;

/** Adds the groups the lists show now to those seen before, and says what the frame has seen. */
function gatherGroups(document: Document, memory: Memory): FrameReport['groups'] {
  const lists = readGroupLists(document);
  if (lists.length === 0) {
    delete memory.groupsSeen;
    return undefined;
  }

  memory.groupsSeen ??= new Map();
  for (const row of lists.flatMap((list) => list.rows)) {
    const identity = row.position ?? `${row.name}\u0000${row.detail ?? ''}`;
    if (memory.groupsSeen.size < mostGroupsKept) {
      memory.groupsSeen.set(String(identity), {
        name: row.name.slice(0, 256),
        ...(row.detail ? { detail: row.detail.slice(0, 256) } : {}),
        ...(row.position ? { position: row.position } : {}),
      });
    }
  }

  const total = lists.find((list) => list.total !== undefined)?.total;
  // The list with "Add user/group" is what is assigned; the one with a Select button, a search.
  const context = findControl(document, 'entra-add-user-group')
    ? 'assigned'
    : lists.some((list) => list.groupsOnly)
      ? 'directory'
      : 'search';

  return {
    context,
    entries: [...memory.groupsSeen.values()],
    ...(total !== undefined ? { total } : {}),
  };
}

/** Called for every click in the frame, before the page handles it. */
export function noteClick(target: EventTarget | null, memory: Memory): void {
  if (!isDeclareeOrigin(location.origin) || !(target instanceof Element)) {
    return;
  }

  const button = recogniseKeyPage(document)?.generateButton;
  if (button?.contains(target)) {
    memory.generatePressed = true;
  }
}

function recogniseDeclaree(document: Document, memory: Memory): Recognition {
  const keyPage = recogniseKeyPage(document);
  if (keyPage) {
    const hasKey = keyPage.shownKey !== undefined;
    const doneSteps: StepId[] = ['declaree-login', 'declaree-account', 'declaree-api-tab'];
    const existing = !memory.generatePressed;
    return {
      report: {
        page: 'declaree-key-page',
        credentialsForm: false,
        keyShown: hasKey ? (existing ? 'existing' : 'new') : keyPage.maskedKey ? 'masked' : 'none',
        doneSteps,
      },
      ...(keyPage.shownKey ? { shownKey: keyPage.shownKey } : {}),
      ...(keyPage.keyElement ? { keyElement: keyPage.keyElement } : {}),
    };
  }

  if (isAccountPage(document)) {
    const doneSteps: StepId[] = ['declaree-login', 'declaree-account'];
    return { report: { page: 'declaree-account', credentialsForm: false, doneSteps } };
  }

  const loginForm = document.querySelector('input[type="password"]') !== null;
  return {
    report: {
      page: loginForm ? 'declaree-login' : 'declaree-app',
      credentialsForm: false,
      doneSteps: loginForm ? [] : ['declaree-login'],
    },
  };
}

function newestNotice(document: Document, memory: Memory): Memory['lastNotice'] {
  memory.seenNotices ??= new WeakSet();
  for (const { element, notice } of notificationsShown(document)) {
    if (!memory.seenNotices.has(element)) {
      memory.seenNotices.add(element);
      memory.lastNotice = { kind: notice, count: (memory.lastNotice?.count ?? 0) + 1 };
    }
  }

  return memory.lastNotice;
}

const failureWords = /^(failure|fehler)$/i;

/** The failures the logs list shows, and every error code seen on the page since it opened. */
function readLogs(
  document: Document,
  memory: Memory,
): { logFailures: number; errorCodes: KnownErrorCode[] } {
  memory.errorCodesSeen ??= new Set();
  for (const code of errorCodesShown(document)) {
    if (isKnownErrorCode(code)) {
      memory.errorCodesSeen.add(code);
    }
  }

  let logFailures = 0;
  for (const row of document.querySelectorAll('[role="row"], tr')) {
    const cells = row.querySelectorAll('[role="gridcell"], td');
    if ([...cells].some((cell) => failureWords.test((cell.textContent ?? '').trim()))) {
      logFailures += 1;
    }
  }

  return { logFailures, errorCodes: [...memory.errorCodesSeen] };
}

function recogniseEntra(document: Document, isTopFrame: boolean, memory: Memory): Recognition {
  const fields = findCredentialsFields(document);
  const credentialsForm = fields !== undefined;
  const appName = isTopFrame ? applicationNameOfBlade(document, location.hash) : undefined;
  const routePage = isTopFrame ? entraPageOfRoute(location.hash) : null;
  const page = credentialsForm ? 'entra-credentials-form' : routePage;
  const doneSteps: StepId[] = isTopFrame
    ? stepsOfRoute(location.hash, appName, memory.applicationName)
    : [];

  // Blades in frames are provisioning views unless they list users and groups; in the top
  // document only its route says so. A list's frame is redrawn often and is spared the rest.
  const groups = gatherGroups(document, memory);
  const mayShowProvisioning =
    (!isTopFrame && groups === undefined) || routePage === 'entra-provisioning' || credentialsForm;
  const generation = mayShowProvisioning ? generationShown(document, credentialsForm) : undefined;
  if (credentialsForm) {
    doneSteps.push('entra-provisioning');
    if (generation === 'classic') {
      // The classic form shows the credentials only once the mode is Automatic.
      doneSteps.push('entra-mode-automatic');
    }
  }

  // Mappings, assignments and logs are grids: without a column header there is none to read, and
  // the row-by-row readers below stay off this frame's hot path.
  const hasGrid = document.querySelector('[role="columnheader"], th') !== null;
  const mapping = hasGrid ? findUserNameMapping(document) : undefined;
  // Done once Entra has stored it: an edit that was not saved is lost when the admin moves on.
  if (mapping && userNameComesFromMail(mapping) && !hasUnsavedChanges(mapping)) {
    doneSteps.push('entra-mappings');
  }

  if (mayShowProvisioning && provisioningRunning(document)) {
    doneSteps.push('entra-start');
  }

  if (hasGrid && assignmentShown(document)) {
    doneSteps.push('assign-users-groups');
  }

  const onLogs = isProvisioningLogs(document);
  if (onLogs) {
    doneSteps.push('check-results');
  }

  const notice = newestNotice(document, memory);
  const tenant = isTopFrame ? tenantShown(document, location) : undefined;
  const quarantined = mayShowProvisioning && isQuarantined(document);
  const cycleStatus = mayShowProvisioning ? cycleStatusShown(document) : undefined;
  const logs = onLogs ? readLogs(document, memory) : undefined;
  const routeApplication = isTopFrame ? applicationOfRoute(location.hash) : undefined;
  const application = routeApplication && {
    ...routeApplication,
    ...(appName ? { name: appName } : {}),
  };

  return {
    report: {
      page,
      credentialsForm,
      ...(appName ? { appName } : {}),
      doneSteps: [...new Set(doneSteps)],
      ...(generation ? { generation } : {}),
      ...(notice ? { notice } : {}),
      ...(mapping ? { userNameSource: mapping.source.slice(0, 128) } : {}),
      ...(application ? { application } : {}),
      ...(tenant ? { tenant } : {}),
      ...(groups ? { groups } : {}),
      ...(quarantined ? { quarantined } : {}),
      ...(cycleStatus ? { cycleStatus } : {}),
      ...(logs ?? {}),
      ...(isTopFrame && document.documentElement.lang
        ? { language: document.documentElement.lang.slice(0, 16) }
        : {}),
      ...(fields
        ? {
            tenantUrl: fields.tenantUrl.value.slice(0, 2048),
            tokenProblems: diagnoseToken(fields.secretToken.value),
          }
        : {}),
    },
  };
}

export function recognise(document: Document, isTopFrame: boolean, memory: Memory): Recognition {
  return duringOneLook(() => {
    const recognition = isDeclareeOrigin(location.origin)
      ? recogniseDeclaree(document, memory)
      : recogniseEntra(document, isTopFrame, memory);
    const controls = controlsShown(document, memory.wanted ?? []);
    if (controls.length > 0) {
      recognition.report.controls = controls;
    }

    return recognition;
  });
}
