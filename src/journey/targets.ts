/**
 * Which step the guide works on, on which site, and the controls it points at for it: the first
 * control of a step's list that a frame of the tab shows is the one highlighted, so the lists run
 * from the most specific control to the way there.
 */
import type { ControlId } from '../pages/controls.ts';
import type { Progress } from './progress.ts';
import { type StepId, steps } from './steps.ts';

export const stepTargets: Record<StepId, readonly ControlId[]> = {
  'admin-account': [],
  'unique-groups': [],
  'declaree-login': [],
  'declaree-account': ['declaree-my-account', 'declaree-account-menu'],
  'declaree-api-tab': ['declaree-api-tab', 'declaree-my-account', 'declaree-account-menu'],
  'declaree-key': [
    'declaree-generate-key',
    'declaree-api-tab',
    'declaree-my-account',
    'declaree-account-menu',
  ],
  'entra-open': ['entra-enterprise-apps'],
  'entra-enterprise-apps': ['entra-enterprise-apps'],
  'entra-new-app': [
    'entra-existing-declaree-app',
    'entra-new-application',
    'entra-enterprise-apps',
  ],
  'entra-create-app': [
    'entra-existing-declaree-app',
    'entra-app-name',
    'entra-non-gallery',
    'entra-create',
    'entra-create-own-app',
    'entra-new-application',
  ],
  'entra-provisioning': [
    'entra-get-started',
    'entra-connect-application',
    'entra-new-configuration',
    'entra-edit-provisioning',
    'entra-provisioning-menu',
  ],
  'entra-mode-automatic': ['entra-mode', 'entra-get-started', 'entra-edit-provisioning'],
  'entra-credentials': [],
  'entra-test-connection': ['entra-test-connection'],
  'entra-save': ['entra-save', 'entra-create'],
  // An open editor comes first: in the classic blades the list stays visible beside it.
  'entra-mappings': [
    'entra-username-source-field',
    'entra-username-ok',
    'entra-username-source',
    'entra-mapping-save',
    'entra-mappings',
  ],
  'entra-start': ['entra-start-provisioning', 'entra-provisioning-menu'],
  'assign-users-groups': ['entra-add-user-group', 'entra-users-groups-menu'],
  'check-results': ['entra-provisioning-logs', 'entra-provisioning-menu'],
};

export type Site = 'declaree' | 'entra';

const siteSections: Record<Site, readonly string[]> = {
  declaree: ['declaree'],
  entra: ['entra', 'sync', 'next'],
};

/** The first step of this site's part of the journey that is neither done nor skipped. */
export function stepToGuide(progress: Progress, site: Site): StepId | undefined {
  return steps.find(
    (step) => siteSections[site].includes(step.section) && progress.steps[step.id] === undefined,
  )?.id;
}

/** The control to highlight: the first of the step's targets that some frame shows. */
export function chooseTarget(
  step: StepId | undefined,
  shown: ReadonlyMap<number, readonly ControlId[]>,
): { frameId: number; control: ControlId } | undefined {
  if (!step) {
    return undefined;
  }

  for (const control of stepTargets[step]) {
    for (const [frameId, controls] of shown) {
      if (controls.includes(control)) {
        return { frameId, control };
      }
    }
  }

  return undefined;
}
