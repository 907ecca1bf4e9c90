/**
 * The fake Declaree back end in Node, without a browser: keys per instance, and the SCIM API
 * answering as Declaree's does (status codes, list responses, paging, failure behaviours).
 */
import { describe, expect, it } from 'vitest';
import { createDeclareeBackend, type DeclareeBackend } from '../../fixtures/declaree/backend.ts';

const comBase = 'https://app.declaree.com/SCIM/v2/';
const deBase = 'https://app.declaree.de/SCIM/v2/';
const unknownUserFilter = 'filter=userName+eq+%227f1c9a52-0d7e-4a8b-9f51-2c7d3e6b8a10%22';

function get(backend: DeclareeBackend, url: string, key?: string) {
  return backend.scim({
    method: 'GET',
    url,
    ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
  });
}

describe('Declaree back end: keys', () => {
  it('issues 44-character Base64 keys ending in = that replace the previous key', () => {
    const backend = createDeclareeBackend();
    const first = backend.issueKey('com');
    const second = backend.issueKey('com');

    expect(first).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(first).toMatch(/[+/]/);
    expect(second).not.toBe(first);
    expect(backend.currentKey('com')).toBe(second);
    expect(backend.currentKey('de')).toBeUndefined();
  });

  it('refuses the previous key and the other instance key', async () => {
    const backend = createDeclareeBackend();
    const old = backend.issueKey('com');
    const current = backend.issueKey('com');
    const deKey = backend.issueKey('de');

    expect((await get(backend, `${comBase}Users?${unknownUserFilter}`, current)).status).toBe(200);
    expect((await get(backend, `${comBase}Users?${unknownUserFilter}`, old)).status).toBe(401);
    expect((await get(backend, `${comBase}Users?${unknownUserFilter}`, deKey)).status).toBe(401);
    expect((await get(backend, `${deBase}Users?${unknownUserFilter}`, deKey)).status).toBe(200);
  });

  it('accepts a key put in place with setKey', async () => {
    const backend = createDeclareeBackend();
    backend.setKey('de', 'known+key/from=before');

    const response = await get(backend, `${deBase}ServiceProviderConfig`, 'known+key/from=before');

    expect(response.status).toBe(200);
  });
});

describe('Declaree back end: SCIM answers', () => {
  it('answers an unknown user with an empty ListResponse', async () => {
    const backend = createDeclareeBackend();
    const key = backend.issueKey('com');

    const response = await get(backend, `${comBase}Users?${unknownUserFilter}`, key);
    const body = JSON.parse(response.body) as Record<string, unknown>;

    expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      Resources: [],
    });
  });

  it('answers 401 with a SCIM error body without a key', async () => {
    const backend = createDeclareeBackend();
    backend.issueKey('com');

    const response = await get(backend, `${comBase}Users?${unknownUserFilter}`);
    const body = JSON.parse(response.body) as Record<string, unknown>;

    expect(response.status).toBe(401);
    expect(body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
    });
  });

  it('answers 404 for wrong paths', async () => {
    const backend = createDeclareeBackend();
    const key = backend.issueKey('com');
    const wrongUrls = [
      'https://app.declaree.com/scim/v2/Users',
      'https://app.declaree.com/SCIM/v2/Users/Users',
      'https://app.declaree.com/SCIM/v2//Users',
      'https://app.declaree.com/SCIM/Users',
      'https://app.declaree.com/SCIM/v2/',
    ];

    for (const url of wrongUrls) {
      expect((await get(backend, url, key)).status, url).toBe(404);
    }
  });

  it('finds users by userName and externalId after they were created', async () => {
    const backend = createDeclareeBackend();
    const key = backend.issueKey('de');
    const created = await backend.scim({
      method: 'POST',
      url: `${deBase}Users`,
      authorization: `Bearer ${key}`,
      body: JSON.stringify({ userName: 'Jan@Contoso.example', externalId: 'jan' }),
    });
    const duplicate = await backend.scim({
      method: 'POST',
      url: `${deBase}Users`,
      authorization: `Bearer ${key}`,
      body: JSON.stringify({ userName: 'jan@contoso.example' }),
    });
    const byNameUrl = `${deBase}Users?filter=userName eq "jan@contoso.example"`;
    const byName = await get(backend, byNameUrl, key);
    const byExternalId = await get(backend, `${deBase}Users?filter=externalId eq "jan"`, key);

    expect(created.status).toBe(201);
    expect(duplicate.status).toBe(409);
    expect(JSON.parse(duplicate.body)).toMatchObject({ scimType: 'uniqueness' });
    expect(JSON.parse(byName.body)).toMatchObject({ totalResults: 1 });
    expect(JSON.parse(byExternalId.body)).toMatchObject({ totalResults: 1 });
  });

  it('pages through groups and filters them by displayName, ignoring case', async () => {
    const backend = createDeclareeBackend();
    const key = backend.issueKey('com');
    const names = Array.from({ length: 250 }, (_, index) => `Group ${index + 1}`);
    backend.setGroups('com', names);

    const seen: string[] = [];
    for (let startIndex = 1; startIndex <= 250; startIndex += 100) {
      const url = `${comBase}Groups?startIndex=${startIndex}&count=100&excludedAttributes=members`;
      const page = JSON.parse((await get(backend, url, key)).body) as {
        totalResults: number;
        itemsPerPage: number;
        startIndex: number;
        Resources: Array<{ displayName: string; members?: unknown }>;
      };
      expect(page.totalResults).toBe(250);
      expect(page.startIndex).toBe(startIndex);
      expect(page.itemsPerPage).toBe(page.Resources.length);
      expect(page.Resources.every((group) => group.members === undefined)).toBe(true);
      seen.push(...page.Resources.map((group) => group.displayName));
    }
    const filtered = await get(backend, `${comBase}Groups?filter=displayName eq "group 7"`, key);

    expect(seen).toEqual(names);
    expect(JSON.parse(filtered.body)).toMatchObject({
      totalResults: 1,
      Resources: [{ displayName: 'Group 7' }],
    });
  });

  it('caps the page size, so a client asking for everything has to page', async () => {
    const backend = createDeclareeBackend();
    const key = backend.issueKey('com');
    backend.setGroups(
      'com',
      Array.from({ length: 150 }, (_, index) => `Team ${index}`),
    );

    const response = await get(backend, `${comBase}Groups?count=1000`, key);

    expect(JSON.parse(response.body)).toMatchObject({ totalResults: 150, itemsPerPage: 100 });
  });

  it('serves ServiceProviderConfig, Schemas and ResourceTypes', async () => {
    const backend = createDeclareeBackend();
    const key = backend.issueKey('com');

    const config = await get(backend, `${comBase}ServiceProviderConfig`, key);
    const schemas = await get(backend, `${comBase}Schemas`, key);
    const types = await get(backend, `${comBase}ResourceTypes`, key);
    const userType = await get(
      backend,
      `${comBase}ResourceTypes/urn:ietf:params:scim:schemas:core:2.0:User`,
      key,
    );

    expect(JSON.parse(config.body)).toMatchObject({ filter: { supported: true } });
    expect(JSON.parse(schemas.body)).toMatchObject({ totalResults: 2 });
    expect(JSON.parse(types.body)).toMatchObject({ totalResults: 2 });
    expect(JSON.parse(userType.body)).toMatchObject({ id: 'User', endpoint: '/Users' });
  });
});

describe('Declaree back end: behaviours and records', () => {
  it('answers 404 everywhere when SCIM is disabled, and broken JSON when malformed', async () => {
    const backend = createDeclareeBackend();
    const key = backend.issueKey('com');

    backend.setBehaviour('com', { scimDisabled: true });
    const disabled = await get(backend, `${comBase}ServiceProviderConfig`, key);
    backend.setBehaviour('com', { malformed: true });
    const malformed = await get(backend, `${comBase}Users?${unknownUserFilter}`, key);

    expect(disabled.status).toBe(404);
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.body)).toThrow();
  });

  it('waits for the configured delay', async () => {
    const backend = createDeclareeBackend();
    const key = backend.issueKey('de');
    backend.setBehaviour('de', { delayMs: 120 });

    const started = Date.now();
    await get(backend, `${deBase}ServiceProviderConfig`, key);

    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('records requests without the key, also when it travels in the query', async () => {
    const backend = createDeclareeBackend();
    const key = backend.issueKey('com');

    await get(backend, `${comBase}Users?${unknownUserFilter}`, key);
    await get(backend, `${comBase}Users?token=${encodeURIComponent(key)}`, 'wrong');

    expect(backend.requests).toEqual([
      expect.objectContaining({ method: 'GET', status: 200, keyAccepted: true }),
      expect.objectContaining({ method: 'GET', status: 401, keyAccepted: false }),
    ]);
    const recorded = JSON.stringify(backend.requests);
    expect(recorded).not.toContain(key);
    expect(recorded).not.toContain(encodeURIComponent(key));
  });
});
