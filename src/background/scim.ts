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

type ScimRead =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; answer: Exclude<ScimAnswer, 'ok'> };

/** One authorised GET against Declaree's SCIM endpoint, its failures as plain answers. */
async function scimGet(
  url: string,
  key: string,
  fetchFunction: Fetch,
  timeoutMs: number,
): Promise<ScimRead> {
  let response: Response;
  try {
    response = await fetchFunction(url, {
      headers: { Authorization: `Bearer ${key}`, Accept: 'application/scim+json' },
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, answer: 'no-answer' };
  }

  if (response.status === 401 || response.status === 403) {
    return { ok: false, answer: 'refused' };
  }

  if (response.status === 404) {
    return { ok: false, answer: 'not-found' };
  }

  if (response.status !== 200) {
    return { ok: false, answer: 'unexpected' };
  }

  try {
    return { ok: true, body: (await response.json()) as Record<string, unknown> };
  } catch {
    return { ok: false, answer: 'unexpected' };
  }
}

export async function askScim(
  instance: DeclareeInstance,
  key: string,
  fetchFunction: Fetch = fetch,
  timeoutMs = 10_000,
): Promise<ScimAnswer> {
  const filter = encodeURIComponent(`userName eq "${crypto.randomUUID()}"`);
  const url = `${tenantUrlFor(instance)}Users?filter=${filter}`;
  const read = await scimGet(url, key, fetchFunction, timeoutMs);
  if (!read.ok) {
    return read.answer;
  }

  return Number(read.body.totalResults) === 0 ? 'ok' : 'unexpected';
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

export type GroupListing =
  | { ok: true; names: string[] }
  | { ok: false; problem: 'refused' | 'not-found' | 'no-answer' | 'unexpected' };

const pageSize = 100;
// A tenant with more groups than this is not read to the end: the check says how many it read.
const mostPages = 200;

/**
 * The groups that already exist in Declaree, read page by page over SCIM. Members are left out:
 * only the names matter, and member lists can be large.
 */
export async function listDeclareeGroups(
  instance: DeclareeInstance,
  key: string,
  fetchFunction: Fetch = fetch,
  timeoutMs = 5_000,
): Promise<GroupListing> {
  const names: string[] = [];
  let startIndex = 1;
  for (let page = 0; page < mostPages; page += 1) {
    const url =
      `${tenantUrlFor(instance)}Groups?excludedAttributes=members` +
      `&startIndex=${startIndex}&count=${pageSize}`;
    const read = await scimGet(url, key, fetchFunction, timeoutMs);
    if (!read.ok) {
      return { ok: false, problem: read.answer };
    }

    const body = read.body;
    const resources = Array.isArray(body.Resources) ? body.Resources : [];
    for (const resource of resources) {
      const name = (resource as { displayName?: unknown })?.displayName;
      if (typeof name === 'string') {
        names.push(name);
      }
    }

    const total = Number(body.totalResults);
    // Servers may send fewer than asked for per page: go on by what this page held.
    const received = Number(body.itemsPerPage) || resources.length;
    startIndex += received;
    if (received === 0 || !Number.isFinite(total) || startIndex > total) {
      return { ok: true, names };
    }
  }

  return { ok: true, names };
}
