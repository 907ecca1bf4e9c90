/**
 * Where a step is done, as a link the popup can open: only pages whose address is known. Declaree's
 * own account page has no documented address, so its steps open the instance's start page.
 */
import { type DeclareeInstance, declareeOrigins } from '../shared/instances.ts';
import type { Application } from './progress.ts';
import type { StepId } from './steps.ts';

const entraOrigin = 'https://entra.microsoft.com';
const enterpriseApplications = `${entraOrigin}/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview`;

function applicationPage(application: Application, menuItem: string): string {
  return (
    `${entraOrigin}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/${menuItem}` +
    `/objectId/${application.objectId}/appId/${application.appId}`
  );
}

export function pageLinkFor(
  step: StepId,
  known: { instance?: DeclareeInstance; application?: Application },
): string | undefined {
  const { instance, application } = known;
  switch (step) {
    case 'declaree-login':
    case 'declaree-account':
    case 'declaree-api-tab':
    case 'declaree-key':
      return instance ? `${declareeOrigins[instance]}/` : undefined;
    case 'entra-open':
    case 'entra-enterprise-apps':
    case 'entra-new-app':
    case 'entra-create-app':
      return enterpriseApplications;
    case 'entra-provisioning':
    case 'entra-mode-automatic':
    case 'entra-credentials':
    case 'entra-test-connection':
    case 'entra-save':
    case 'entra-mappings':
    case 'entra-start':
    case 'check-results':
      return application ? applicationPage(application, 'Provisioning') : enterpriseApplications;
    case 'unique-groups':
      return `${entraOrigin}/#view/Microsoft_AAD_IAM/GroupsManagementMenuBlade/~/AllGroups`;
    case 'assign-users-groups':
      return application ? applicationPage(application, 'Users') : enterpriseApplications;
    default:
      return undefined;
  }
}
