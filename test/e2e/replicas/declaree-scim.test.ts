/**
 * Smoke tests of the Declaree SCIM API replica as a browser reaches it through the routes: from a
 * page of the same host, and from another origin through CORS.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { declareeDashboardUrl, declareeScimBaseUrl } from '../../fixtures/declaree/site.ts';
import { installReplicas, type Replicas } from '../../fixtures/replicas.ts';
import { type Browser, launchBrowser } from '../browser.ts';

interface FetchResult {
  status: number;
  contentType: string;
  body: string;
}

let browser: Browser;
let replicas: Replicas;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  replicas = await installReplicas(browser.context);
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(() => {
  replicas.configure({ declaree: {} });
});

/** Fetches from inside the page, so the request goes through the browser and its routes. */
function fetchInPage(url: string, key?: string): Promise<FetchResult> {
  return page.evaluate(
    async ({ url, key }) => {
      const headers: Record<string, string> = { accept: 'application/scim+json' };
      if (key !== undefined) {
        headers.authorization = `Bearer ${key}`;
      }

      const response = await fetch(url, { headers });

      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: await response.text(),
      };
    },
    { url, key },
  );
}

/** What Entra's Test Connection asks: a user filtered by a random GUID, which cannot exist. */
const unknownUserFilter = 'userName eq "3f2b8c1e-7a44-4d7e-b1e3-9c0f5a6d2e81"';
const unknownUserQuery = `Users?filter=${encodeURIComponent(unknownUserFilter)}`;

describe('Declaree SCIM replica in the browser', () => {
  it('answers the right key with an empty ListResponse, other keys with 401', async () => {
    const comKey = replicas.declaree.issueKey('com');
    const deKey = replicas.declaree.issueKey('de');
    await page.goto(declareeDashboardUrl('com'));
    const url = `${declareeScimBaseUrl('com')}${unknownUserQuery}`;

    const accepted = await fetchInPage(url, comKey);
    const wrong = await fetchInPage(url, `${comKey.slice(0, -2)}x=`);
    const otherInstance = await fetchInPage(url, deKey);
    const missing = await fetchInPage(url);

    expect(accepted.status).toBe(200);
    expect(accepted.contentType).toMatch(/^application\/scim\+json/);
    expect(JSON.parse(accepted.body)).toMatchObject({ totalResults: 0, Resources: [] });
    expect([wrong.status, otherInstance.status, missing.status]).toEqual([401, 401, 401]);
    expect(JSON.parse(wrong.body)).toMatchObject({ status: '401' });
  });

  it('answers 404 for the lower-case path and for Users appended twice', async () => {
    const key = replicas.declaree.issueKey('com');
    await page.goto(declareeDashboardUrl('com'));

    const lowerCaseUrl = `https://app.declaree.com/scim/v2/${unknownUserQuery}`;
    const doubledUrl = `${declareeScimBaseUrl('com')}Users/${unknownUserQuery}`;
    const lowerCase = await fetchInPage(lowerCaseUrl, key);
    const doubled = await fetchInPage(doubledUrl, key);

    expect(lowerCase.status).toBe(404);
    expect(doubled.status).toBe(404);
  });

  it('returns every group across pages', async () => {
    const key = replicas.declaree.issueKey('com');
    const names = Array.from({ length: 230 }, (_, index) => `Afdeling ${index + 1}`);
    replicas.declaree.setGroups('com', names);
    await page.goto(declareeDashboardUrl('com'));

    const seen: string[] = [];
    let startIndex = 1;
    let total = Number.POSITIVE_INFINITY;
    while (startIndex <= total) {
      const url =
        `${declareeScimBaseUrl('com')}Groups?startIndex=${startIndex}&count=100` +
        '&excludedAttributes=members';
      const result = await fetchInPage(url, key);
      const list = JSON.parse(result.body) as {
        totalResults: number;
        itemsPerPage: number;
        Resources: Array<{ displayName: string }>;
      };
      total = list.totalResults;
      seen.push(...list.Resources.map((group) => group.displayName));
      startIndex += list.itemsPerPage;
    }

    expect(seen).toEqual(names);
  });

  it('answers pages of another origin through CORS, unless switched off', async () => {
    const key = replicas.declaree.issueKey('com');
    await page.goto(declareeDashboardUrl('de'));
    const url = `${declareeScimBaseUrl('com')}ServiceProviderConfig`;

    const allowed = await fetchInPage(url, key);
    replicas.configure({ declaree: { scimCors: false } });
    const blocked = await page.evaluate(
      async ({ url, key }) => {
        try {
          await fetch(url, { headers: { authorization: `Bearer ${key}` } });
          return 'answered';
        } catch {
          return 'blocked';
        }
      },
      { url, key },
    );

    await page.goto(declareeDashboardUrl('com'));
    const sameOrigin = await fetchInPage(url, key);

    expect(allowed.status).toBe(200);
    expect(blocked).toBe('blocked');
    expect(sameOrigin.status).toBe(200);
  });

  it('never records the key', async () => {
    const key = replicas.declaree.issueKey('de');
    await page.goto(declareeDashboardUrl('de'));

    await fetchInPage(`${declareeScimBaseUrl('de')}${unknownUserQuery}`, key);

    expect(replicas.declaree.requests.at(-1)).toMatchObject({ status: 200, keyAccepted: true });
    expect(JSON.stringify(replicas.declaree.requests)).not.toContain(key);
  });
});
