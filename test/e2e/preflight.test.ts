/**
 * The pre-flight check against the fake Declaree SCIM endpoint: once the key is held, the service
 * worker asks Declaree what Entra's Test Connection will ask, and says what the answer means.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { guidePanel, openPopup, type Session, startSession } from './extension.ts';
import { generateKeyOnDeclaree } from './journey.ts';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

function scimUserQueries(current: Session): number {
  return current.replicas.declaree.requests.filter((request) =>
    request.url.includes('/SCIM/v2/Users'),
  ).length;
}

describe('pre-flight', () => {
  it('says a fresh key works, in the panel and the popup', async () => {
    session = await startSession({});
    const declaree = await session.newPage();
    await generateKeyOnDeclaree(declaree, 'com');
    await guidePanel(declaree)
      .getByText(/Declaree accepts this key/)
      .waitFor();
    expect(scimUserQueries(session)).toBe(1);

    const popup = await openPopup(session);
    await popup.getByRole('status').filter({ hasText: 'Declaree accepts this key' }).waitFor();
  });

  it('finds that the key belongs to the other instance', async () => {
    session = await startSession({});
    await generateKeyOnDeclaree(await session.newPage(), 'com');
    const key = session.replicas.declaree.currentKey('com') ?? '';
    // The key is now one that only the DE instance knows.
    session.replicas.declaree.issueKey('com');
    session.replicas.declaree.setKey('de', key);

    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Check the key again' }).click();
    await popup.getByText(/belongs to the other instance/).waitFor();
  });

  it('says a key refused on both instances was probably generated again', async () => {
    session = await startSession({});
    await generateKeyOnDeclaree(await session.newPage(), 'com');
    session.replicas.declaree.issueKey('com');

    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Check the key again' }).click();
    await popup.getByText(/refuses this key on both instances/).waitFor();
  });

  it('says when Declaree gives an answer it cannot read', async () => {
    session = await startSession({});
    session.replicas.declaree.setBehaviour('com', { malformed: true });
    const declaree = await session.newPage();
    await generateKeyOnDeclaree(declaree, 'com');
    await guidePanel(declaree)
      .getByText(/an answer the assistant did not expect/)
      .waitFor();
  });

  it('says when Declaree does not answer within 10 seconds', async () => {
    session = await startSession({});
    session.replicas.declaree.setBehaviour('com', { delayMs: 12_000 });
    const declaree = await session.newPage();
    await generateKeyOnDeclaree(declaree, 'com');
    await guidePanel(declaree)
      .getByText(/did not answer within 10 seconds/)
      .waitFor({ timeout: 20_000 });
  });

  it('says when SCIM is not enabled for the organisation', async () => {
    session = await startSession({});
    session.replicas.declaree.setBehaviour('de', { scimDisabled: true });
    const declaree = await session.newPage();
    await generateKeyOnDeclaree(declaree, 'de');
    await guidePanel(declaree)
      .getByText(/SCIM may not be enabled/)
      .waitFor();
  });

  it('asks Declaree nothing when switched off', async () => {
    session = await startSession({});
    const popup = await openPopup(session);
    await popup.getByRole('checkbox', { name: /Check the key with Declaree/ }).uncheck();
    await popup.close();

    await generateKeyOnDeclaree(await session.newPage(), 'com');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(scimUserQueries(session)).toBe(0);
  });
});
