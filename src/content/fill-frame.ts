/**
 * The filling frame's half of a fill. Rules, enforced in this order:
 * 1. The frame checks its own origin again: only Entra's hosts fill, whatever the worker said.
 * 2. A sandboxed frame (opaque origin) never fills.
 * 3. Both fields are found before the key is asked for, so a frame without them never gets it;
 *    only fields shown on the page count, never a hidden input labelled like them.
 * 4. The key goes only into a password input that is still in the page.
 * 5. The answer is a reason code, never a value.
 */

import { setFrameworkValue } from '../dom/fill.ts';
import { findCredentialsFields } from '../pages/entra-credentials-form.ts';
import { type FillResult, fillSecretSchema } from '../shared/content-messages.ts';
import { api } from '../shared/extension-api.ts';
import { isEntraOrigin } from '../shared/instances.ts';
import type { ToWorker } from '../shared/messages.ts';

export async function fillThisFrame(nonce: string): Promise<FillResult> {
  if (self.origin === 'null') {
    return { code: 'sandboxed-frame' };
  }

  if (!isEntraOrigin(location.origin)) {
    return { code: 'origin-mismatch' };
  }

  const fields = findCredentialsFields(document);
  if (!fields) {
    return { code: 'field-not-found' };
  }

  const request: ToWorker = { type: 'fill-request', nonce };
  const parsed = fillSecretSchema.safeParse(await api.runtime.sendMessage(request));
  if (!parsed.success) {
    return { code: 'refused' };
  }

  if (!fields.tenantUrl.isConnected || !fields.secretToken.isConnected) {
    return { code: 'field-not-found' };
  }

  setFrameworkValue(fields.tenantUrl, parsed.data.tenantUrl);
  setFrameworkValue(fields.secretToken, parsed.data.key);
  return { code: 'filled' };
}
