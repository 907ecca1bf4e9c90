/**
 * The Admin Credentials part of Entra's provisioning form, in every generation: classic (Knockout,
 * top document, `azc-` fields tied to labels by aria-labelledby) and the new experience (Fluent UI
 * in a reactblade frame, labels drawn beside the inputs and not tied to them).
 */
import { findFieldByLabel } from '../dom/find-field.ts';
import { entraLabels } from './labels.ts';

export interface CredentialsFields {
  tenantUrl: HTMLInputElement;
  secretToken: HTMLInputElement;
}

export function findCredentialsFields(document: Document): CredentialsFields | undefined {
  // Cheap gate first: without a password input there is no credentials form in this frame.
  if (!document.querySelector('input[type="password"]')) {
    return undefined;
  }

  const tenantUrl = findFieldByLabel(document, entraLabels.tenantUrl);
  const secretToken = findFieldByLabel(document, entraLabels.secretToken);
  // The key goes into a password input only, so that it is never shown in clear on the page.
  if (!tenantUrl || !secretToken || secretToken.type !== 'password' || tenantUrl === secretToken) {
    return undefined;
  }

  return { tenantUrl, secretToken };
}
