import { describe, expect, it } from 'vitest';
import { emailMask, guidMask, hasIdentifier, maskIdentifiers } from './identifiers.ts';

describe('maskIdentifiers', () => {
  it.each([
    [
      'a lower-case GUID',
      'Tenant ID 5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
      `Tenant ID ${guidMask}`,
    ],
    ['an upper-case GUID', '5F0C1A2B-3C4D-4E5F-8A9B-0C1D2E3F4A5B', guidMask],
    [
      'a GUID in a route',
      'objectId/5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b/appId',
      `objectId/${guidMask}/appId`,
    ],
    ['an e-mail address', 'admin@contoso.onmicrosoft.com', emailMask],
    ['an address with a plus and an umlaut', 'jörg+scim@müller.example', emailMask],
    ['two of them', 'a@b.co, 00000000-0000-0000-0000-000000000000', `${emailMask}, ${guidMask}`],
  ])('masks %s', (_kind, text, masked) => {
    expect(maskIdentifiers(text)).toBe(masked);
  });

  it.each([
    'Declaree | Provisioning',
    'https://app.declaree.com/SCIM/v2/',
    '5f0c1a2b-3c4d-4e5f-8a9b',
    'Finance @ HQ',
  ])('leaves %j as it is', (text) => {
    expect(maskIdentifiers(text)).toBe(text);
    expect(hasIdentifier(text)).toBe(false);
  });

  it('finds identifiers again and again (no stale regular-expression state)', () => {
    const text = 'x 5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect([hasIdentifier(text), hasIdentifier(text), hasIdentifier(text)]).toEqual([
      true,
      true,
      true,
    ]);
  });
});
