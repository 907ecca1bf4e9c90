/**
 * The whole setup as data: every step the administrator takes, in order, grouped as the popup
 * shows them. Titles and explanations live in the _locales messages `step_<id>_title` and
 * `step_<id>_help` (dashes become underscores).
 */

export const sections = ['requirements', 'declaree', 'entra', 'sync', 'next'] as const;
export type Section = (typeof sections)[number];

export const stepIds = [
  'admin-account',
  'unique-groups',
  'declaree-login',
  'declaree-account',
  'declaree-api-tab',
  'declaree-key',
  'entra-open',
  'entra-enterprise-apps',
  'entra-new-app',
  'entra-create-app',
  'entra-provisioning',
  'entra-mode-automatic',
  'entra-credentials',
  'entra-test-connection',
  'entra-save',
  'entra-mappings',
  'entra-start',
  'assign-users-groups',
  'check-results',
] as const;
export type StepId = (typeof stepIds)[number];

export interface Step {
  id: StepId;
  section: Section;
  /** Steps that only one generation of Entra's provisioning UI has. */
  only?: 'classic';
}

const sectionOf: Record<StepId, Section> = {
  'admin-account': 'requirements',
  'unique-groups': 'requirements',
  'declaree-login': 'declaree',
  'declaree-account': 'declaree',
  'declaree-api-tab': 'declaree',
  'declaree-key': 'declaree',
  'entra-open': 'entra',
  'entra-enterprise-apps': 'entra',
  'entra-new-app': 'entra',
  'entra-create-app': 'entra',
  'entra-provisioning': 'entra',
  'entra-mode-automatic': 'entra',
  'entra-credentials': 'entra',
  'entra-test-connection': 'entra',
  'entra-save': 'entra',
  'entra-mappings': 'entra',
  'entra-start': 'entra',
  'assign-users-groups': 'sync',
  'check-results': 'next',
};

export const steps: readonly Step[] = stepIds.map((id) => ({
  id,
  section: sectionOf[id],
  ...(id === 'entra-mode-automatic' ? { only: 'classic' as const } : {}),
}));

/** The message-name stem of a step: `step_declaree_key` for `declaree-key`. */
export function stepMessageStem(id: StepId): string {
  return `step_${id.replaceAll('-', '_')}`;
}
