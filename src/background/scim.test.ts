import { describe, expect, it } from 'vitest';
import { askScim, type Fetch, listDeclareeGroups, preflight } from './scim.ts';

const key = 'Zq8mN2vX5bL0pW7tR4yK1cD9fG3hJ6sA8eU2iO5nM0q=';

function answering(byHost: Record<string, () => Response | Promise<Response>>): {
  fetch: Fetch;
  calls: Array<{ url: string; authorization: string | null }>;
} {
  const calls: Array<{ url: string; authorization: string | null }> = [];
  const fetchFunction: Fetch = async (url, init) => {
    calls.push({ url, authorization: new Headers(init.headers).get('Authorization') });
    const answer = byHost[new URL(url).host];
    if (!answer) {
      throw new TypeError('Failed to fetch');
    }

    return answer();
  };
  return { fetch: fetchFunction, calls };
}

const emptyList = () =>
  new Response(JSON.stringify({ totalResults: 0, Resources: [] }), { status: 200 });
const unauthorised = () => new Response('{}', { status: 401 });

describe('askScim', () => {
  it("asks Entra's question, with the key as Bearer token", async () => {
    const { fetch, calls } = answering({ 'app.declaree.de': emptyList });
    expect(await askScim('de', key, fetch)).toBe('ok');
    expect(calls[0]?.url).toMatch(
      /^https:\/\/app\.declaree\.de\/SCIM\/v2\/Users\?filter=userName%20eq%20%22[0-9a-f-]{36}%22$/,
    );
    expect(calls[0]?.authorization).toBe(`Bearer ${key}`);
  });

  it.each([
    ['401', () => new Response('{}', { status: 401 }), 'refused'],
    ['403', () => new Response('{}', { status: 403 }), 'refused'],
    ['404', () => new Response('nope', { status: 404 }), 'not-found'],
    ['500', () => new Response('{}', { status: 500 }), 'unexpected'],
    ['malformed JSON', () => new Response('{"totalResults": 0', { status: 200 }), 'unexpected'],
    ['users found', () => new Response('{"totalResults": 2}', { status: 200 }), 'unexpected'],
  ] as const)('reads %s', async (_kind, response, answer) => {
    const { fetch } = answering({ 'app.declaree.com': response });
    expect(await askScim('com', key, fetch)).toBe(answer);
  });

  it('gives up after the time-out', async () => {
    const slow: Fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('timeout')));
      });
    expect(await askScim('com', key, slow, 50)).toBe('no-answer');
  });
});

describe('preflight', () => {
  it('says the key works', async () => {
    expect(await preflight('com', key, answering({ 'app.declaree.com': emptyList }).fetch)).toBe(
      'works',
    );
  });

  it('finds a refused key that belongs to the other instance', async () => {
    const { fetch } = answering({ 'app.declaree.com': unauthorised, 'app.declaree.de': emptyList });
    expect(await preflight('com', key, fetch)).toBe('other-instance');
  });

  it('says a key refused on both instances is refused', async () => {
    const { fetch } = answering({
      'app.declaree.com': unauthorised,
      'app.declaree.de': unauthorised,
    });
    expect(await preflight('com', key, fetch)).toBe('key-refused');
  });

  it('tells SCIM not found and no answer apart', async () => {
    const notFound = answering({ 'app.declaree.de': () => new Response('', { status: 404 }) });
    expect(await preflight('de', key, notFound.fetch)).toBe('scim-not-found');
    expect(await preflight('de', key, answering({}).fetch)).toBe('no-answer');
  });
});

describe('listDeclareeGroups', () => {
  function pagedGroups(all: string[], perPage: number): Fetch {
    return async (url) => {
      const query = new URL(url).searchParams;
      const start = Number(query.get('startIndex'));
      const slice = all.slice(start - 1, start - 1 + perPage);
      return new Response(
        JSON.stringify({
          totalResults: all.length,
          itemsPerPage: slice.length,
          startIndex: start,
          Resources: slice.map((displayName) => ({ displayName })),
        }),
        { status: 200 },
      );
    };
  }

  it('follows the pages to the end, even when the server sends fewer per page than asked', async () => {
    const all = Array.from({ length: 257 }, (_, index) => `Group ${index}`);
    const listing = await listDeclareeGroups('com', key, pagedGroups(all, 40));
    expect(listing).toEqual({ ok: true, names: all });
  });

  it('asks without members, with the key as Bearer token', async () => {
    const { fetch, calls } = answering({
      'app.declaree.de': () =>
        new Response(JSON.stringify({ totalResults: 0, Resources: [] }), { status: 200 }),
    });
    expect(await listDeclareeGroups('de', key, fetch)).toEqual({ ok: true, names: [] });
    expect(calls[0]?.url).toContain('/SCIM/v2/Groups?excludedAttributes=members&startIndex=1');
    expect(calls[0]?.authorization).toBe(`Bearer ${key}`);
  });

  it.each([
    [() => new Response('{}', { status: 401 }), 'refused'],
    [() => new Response('', { status: 404 }), 'not-found'],
    [() => new Response('{"Resources": [', { status: 200 }), 'unexpected'],
  ] as const)('reports a failure plainly', async (response, problem) => {
    const { fetch } = answering({ 'app.declaree.com': response });
    expect(await listDeclareeGroups('com', key, fetch)).toEqual({ ok: false, problem });
  });

  it('reports no answer', async () => {
    expect(await listDeclareeGroups('com', key, answering({}).fetch)).toEqual({
      ok: false,
      problem: 'no-answer',
    });
  });
});
