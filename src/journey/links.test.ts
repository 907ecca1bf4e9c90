import { describe, expect, it } from 'vitest';
import { pageLinkFor } from './links.ts';

const application = {
  objectId: '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  appId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

describe('pageLinkFor', () => {
  it("opens Declaree on the key's instance", () => {
    expect(pageLinkFor('declaree-key', { instance: 'de' })).toBe('https://app.declaree.de/');
    expect(pageLinkFor('declaree-key', {})).toBeUndefined();
  });

  it("opens the application's provisioning page once its ids are known", () => {
    expect(pageLinkFor('entra-test-connection', { application })).toBe(
      'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning' +
        `/objectId/${application.objectId}/appId/${application.appId}`,
    );
  });

  it('opens Enterprise applications before the application is known', () => {
    expect(pageLinkFor('entra-test-connection', {})).toContain('StartboardApplicationsMenuBlade');
  });

  it('has no page for the requirement only the admin can answer', () => {
    expect(pageLinkFor('admin-account', { instance: 'com', application })).toBeUndefined();
  });
});
