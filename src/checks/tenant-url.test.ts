import { describe, expect, it } from 'vitest';
import { instanceOfOrigin, isEntraOrigin } from '../shared/instances.ts';
import { diagnoseTenantUrl, tenantUrlFor } from './tenant-url.ts';

describe('tenantUrlFor', () => {
  it('gives the EU instance its SCIM base, upper-case SCIM and trailing slash', () => {
    expect(tenantUrlFor('com')).toBe('https://app.declaree.com/SCIM/v2/');
  });

  it('gives the DE instance its own host', () => {
    expect(tenantUrlFor('de')).toBe('https://app.declaree.de/SCIM/v2/');
  });

  it('follows the origin the key was captured on', () => {
    const instance = instanceOfOrigin('https://app.declaree.de');
    expect(instance && tenantUrlFor(instance)).toBe('https://app.declaree.de/SCIM/v2/');
  });
});

describe('instanceOfOrigin', () => {
  it.each([
    'http://app.declaree.com',
    'https://app.declaree.com:8443',
    'https://evil.app.declaree.com',
    'https://app.declaree.com.example.net',
    'https://declaree.com',
    'null',
  ])('knows no instance at %s', (origin) => {
    expect(instanceOfOrigin(origin)).toBeUndefined();
  });
});

describe('isEntraOrigin', () => {
  it.each([
    'https://entra.microsoft.com',
    'https://portal.azure.com',
    'https://ms.portal.azure.com',
    'https://sandbox-2.reactblade.portal.azure.net',
    'https://reactblade-ms.portal.azure.net',
  ])('accepts %s', (origin) => {
    expect(isEntraOrigin(origin)).toBe(true);
  });

  it.each([
    'http://entra.microsoft.com',
    'https://entra.microsoft.com.example.net',
    'https://portal.azure.net.example.net',
    'https://app.declaree.com',
    'https://entra.microsoft.com:444',
    'null',
    'not a url',
  ])('refuses %s', (origin) => {
    expect(isEntraOrigin(origin)).toBe(false);
  });
});

describe('diagnoseTenantUrl', () => {
  it('finds nothing wrong with the right URL', () => {
    expect(diagnoseTenantUrl('https://app.declaree.de/SCIM/v2/', 'de')).toEqual([]);
    expect(diagnoseTenantUrl('  https://app.declaree.com/SCIM/v2/ ', 'com')).toEqual([]);
  });

  it.each([
    ['', ['empty']],
    ['app.declaree.com/SCIM/v2/', ['not-a-url']],
    ['http://app.declaree.com/SCIM/v2/', ['http']],
    ['https://app.declaree.de/SCIM/v2/', ['other-instance']],
    ['https://declaree.com/SCIM/v2/', ['unknown-host']],
    ['https://app.declaree.com/SCIM/v2/Users', ['users-appended']],
    ['https://app.declaree.com/SCIM/v2//', ['doubled-slash']],
    ['https://app.declaree.com//SCIM/v2/', ['doubled-slash']],
    ['https://app.declaree.com/SCIM/v2', ['no-trailing-slash']],
    ['https://app.declaree.com/scim/v2/', ['wrong-path']],
    ['https://app.declaree.com/', ['wrong-path']],
    ['https://app.declaree.com/SCIM/', ['wrong-path']],
    ['http://app.declaree.de/SCIM/v2/Users/', ['http', 'other-instance', 'users-appended']],
  ] as const)('diagnoses %j', (value, problems) => {
    expect(diagnoseTenantUrl(value, 'com')).toEqual(problems);
  });
});
