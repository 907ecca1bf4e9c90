/**
 * Asking Declaree's SCIM endpoint the question Entra's Test Connection asks: a user filtered by a
 * userName that cannot exist, expecting 200 and an empty list. The service worker can make this
 * call (it has host permissions for Declaree); a content script could not.
 */
import { tenantUrlFor } from '../checks/tenant-url.ts';
import type { DeclareeInstance } from '../shared/instances.ts';

export type ScimAnswer = 'ok' | 'refused' | 'not-found' | 'no-answer' | 'unexpected';

export const preflightOutcomes = [
  'works',
  'key-refused',
  'other-instance',
  'scim-not-found',
  'no-answer',
  'unexpected',
] as const;
export type PreflightOutcome = (typeof preflightOutcomes)[number];

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export async function askScim(
  instance: DeclareeInstance,
  key: string,
  fetchFunction: Fetch = fetch,
  timeoutMs = 10_000,
): Promise<ScimAnswer> {
  const filter = encodeURIComponent(`userName eq "${crypto.randomUUID()}"`);
  const url = `${tenantUrlFor(instance)}Users?filter=${filter}`;
  let response: Response;
  try {
    response = await fetchFunction(url, {
      headers: { Authorization: `Bearer ${key}`, Accept: 'application/scim+json' },
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return 'no-answer';
  }

  if (response.status === 401 || response.status === 403) {
    return 'refused';
  }

  if (response.status === 404) {
    return 'not-found';
  }

  if (response.status !== 200) {
    return 'unexpected';
  }

  try {
    const body = (await response.json()) as { totalResults?: unknown };
    return Number(body.totalResults) === 0 ? 'ok' : 'unexpected';
  } catch {
    return 'unexpected';
  }
}

/**
 * What the answers mean. A refused key is asked on the other instance too: a key that works
 * there was captured on, or belongs to, the other instance.
 */
export async function preflight(
  instance: DeclareeInstance,
  key: string,
  fetchFunction: Fetch = fetch,
  timeoutMs = 10_000,
): Promise<PreflightOutcome> {
  const answer = await askScim(instance, key, fetchFunction, timeoutMs);
  switch (answer) {
    case 'ok':
      return 'works';
    case 'not-found':
      return 'scim-not-found';
    case 'no-answer':
      return 'no-answer';
    case 'unexpected':
      return 'unexpected';
    case 'refused': {
      const other = instance === 'com' ? 'de' : 'com';
      const elsewhere = await askScim(other, key, fetchFunction, timeoutMs);
      return elsewhere === 'ok' ? 'other-instance' : 'key-refused';
    }
  }
}
