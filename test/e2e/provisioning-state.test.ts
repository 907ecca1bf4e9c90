import { afterEach, describe, expect, it } from 'vitest';
import { entraApplicationUrl, freshApplication } from '../fixtures/entra/site.ts';
import { guidePanel, type Session, startSession } from './extension.ts';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('provisioning after the setup', () => {
  it('explains the quarantine banner and what to do', async () => {
    session = await startSession({ entra: { generation: 'overview', quarantine: true } });
    const entra = await session.newPage();
    await entra.goto(entraApplicationUrl('Provisioning', undefined, freshApplication()));
    const panel = guidePanel(entra);
    await panel.getByText(/Provisioning is in quarantine/).waitFor();
    expect(await panel.textContent()).toContain('Restart provisioning');
  });

  it('counts the failures in the logs and explains each error code it is shown', async () => {
    session = await startSession({ entra: { generation: 'overview', provisioningLogs: 'mixed' } });
    const entra = await session.newPage();
    await entra.goto(entraApplicationUrl('ProvisioningLogs', undefined, freshApplication()));
    const panel = guidePanel(entra);
    await panel.getByText(/\d+ failed entries are listed/).waitFor();
    await panel.getByText(/Open a failed entry to see its error code/).waitFor();

    const grid = entra.getByRole('grid', { name: 'Provisioning logs' });
    await grid
      .getByRole('row')
      .filter({ hasText: /\bfinance\b/ })
      .filter({ hasText: 'Failure' })
      .click();
    await panel.getByText(/a user or group of that name already exists in Declaree/).waitFor();
    expect(await panel.textContent()).toContain(
      'SystemForCrossDomainIdentityManagementBadResponse',
    );
  });
});
