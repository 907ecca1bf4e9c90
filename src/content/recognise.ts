/**
 * One frame's view of its page: which page it is and what it shows, as a report for the worker.
 * The Declaree key is returned beside the report, never inside it.
 */
import type { StepId } from '../journey/steps.ts';
import { isAccountPage, recogniseKeyPage } from '../pages/declaree-key-page.ts';
import { findCredentialsFields } from '../pages/entra-credentials-form.ts';
import { applicationNameOfBlade, entraPageOfRoute } from '../pages/entra-portal.ts';
import { isDeclareeOrigin } from '../shared/instances.ts';
import type { FrameReport } from '../shared/messages.ts';

export interface Recognition {
  report: FrameReport;
  shownKey?: string;
}

/**
 * What the frame remembers between looks: whether the admin pressed Generate Key here. A key that
 * is on the page without that press was made before, and other integrations may be using it.
 */
export interface Memory {
  generatePressed?: boolean;
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

function recogniseEntra(document: Document, isTopFrame: boolean): Recognition {
  const credentialsForm = findCredentialsFields(document) !== undefined;
  const appName = isTopFrame ? applicationNameOfBlade(document) : undefined;
  const routePage = isTopFrame ? entraPageOfRoute(location.hash) : null;
  const page = credentialsForm ? 'entra-credentials-form' : routePage;

  return {
    report: {
      page,
      credentialsForm,
      ...(appName ? { appName } : {}),
      doneSteps: [],
    },
  };
}

export function recognise(document: Document, isTopFrame: boolean, memory: Memory): Recognition {
  return isDeclareeOrigin(location.origin)
    ? recogniseDeclaree(document, memory)
    : recogniseEntra(document, isTopFrame);
}
