/**
 * The controls the guide can point at, by name alone: messages carry these names, and the popup
 * and the worker need them without the code that finds the controls (`controls.ts`).
 */
export const controlIds = [
  'declaree-account-menu',
  'declaree-my-account',
  'declaree-api-tab',
  'declaree-generate-key',
  'entra-enterprise-apps',
  'entra-new-application',
  'entra-existing-declaree-app',
  'entra-app-name',
  'entra-create-own-app',
  'entra-non-gallery',
  'entra-provisioning-menu',
  'entra-get-started',
  'entra-connect-application',
  'entra-new-configuration',
  'entra-edit-provisioning',
  'entra-mode',
  'entra-test-connection',
  'entra-save',
  'entra-create',
  'entra-username-source',
  'entra-username-source-field',
  'entra-username-ok',
  'entra-mapping-save',
  'entra-mappings',
  'entra-start-provisioning',
  'entra-users-groups-menu',
  'entra-add-user-group',
  'entra-provisioning-logs',
] as const;
export type ControlId = (typeof controlIds)[number];
