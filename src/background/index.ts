/**
 * The service worker. Browsers stop it whenever it is idle, so every listener is registered at the
 * top level and all state lives in storage: nothing here survives in memory on purpose, except
 * fills in flight, which last a second.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { cleanKey, type KeyProblem } from '../checks/secret.ts';
import { tenantUrlFor } from '../checks/tenant-url.ts';
import { stepStates } from '../journey/progress.ts';
import type { StepId } from '../journey/steps.ts';
import { instanceOfOrigin, isEntraOrigin } from '../shared/instances.ts';
import { logInfo } from '../shared/log.ts';
import {
  type FillResult,
  type FillSecret,
  fillResultSchema,
  type PopupStatus,
  type TabStatus,
  type ToContent,
  type ToWorker,
  toWorkerSchema,
} from '../shared/messages.ts';
import { readProgress, recordDone } from './progress-store.ts';
import { contentSender, isExtensionPage, isOwnExtension, type TrustedSender } from './senders.ts';
import { forgetFrame, framesOfTab, knownTabIds, recordFrame, summariseTab } from './tab-state.ts';
import {
  expiryAlarm,
  forgetKey,
  holdKey,
  keyStatusOf,
  readVault,
  restrictSessionStorage,
} from './vault.ts';

const refusedItem = 'refusedMessages';
const fillTimeLimitMs = 10_000;

/** Fills in flight: the one frame that may ask for the key with this nonce, until it expires. */
const pendingFills = new Map<string, { tabId: number; frameId: number; expiresAt: number }>();

const stepsShownByKey: StepId[] = [
  'declaree-login',
  'declaree-account',
  'declaree-api-tab',
  'declaree-key',
];

async function countRefused(reason: string): Promise<undefined> {
  const stored = await browser.storage.session.get(refusedItem);
  const count = typeof stored[refusedItem] === 'number' ? stored[refusedItem] : 0;
  await browser.storage.session.set({ [refusedItem]: count + 1 });
  logInfo('Messages', `refused a message (${reason}).`);
  return undefined;
}

async function tabStatus(tabId: number): Promise<TabStatus> {
  const [vault, frames] = await Promise.all([readVault(Date.now()), framesOfTab(tabId)]);
  const summary = summariseTab(frames);
  const lastFill = lastFills.get(tabId);
  const keyProblem = keyProblemsOfTab.get(tabId);

  return {
    key: keyStatusOf(vault, false),
    page: summary.page,
    credentialsForm: summary.credentialsForm,
    ...(summary.appName ? { appName: summary.appName } : {}),
    ...(summary.keyShown !== undefined ? { keyShown: summary.keyShown } : {}),
    ...(lastFill ? { lastFill } : {}),
    ...(keyProblem ? { keyProblem } : {}),
  };
}

const lastFills = new Map<number, FillResult['code']>();
const keyProblemsOfTab = new Map<number, KeyProblem>();

async function sendStatus(tabId: number): Promise<void> {
  const message: ToContent = { type: 'status-changed', status: await tabStatus(tabId) };
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    // The tab was closed or has no agent in its top frame any more.
    await forgetFrame(tabId, 0);
  }
}

async function broadcastStatus(): Promise<void> {
  const tabIds = await knownTabIds();
  await Promise.all(tabIds.map((tabId) => sendStatus(tabId)));
}

async function popupStatus(): Promise<PopupStatus> {
  const [vault, { progress, wasReset }] = await Promise.all([
    readVault(Date.now()),
    readProgress(),
  ]);

  return { key: keyStatusOf(vault, true), steps: stepStates(progress), progressWasReset: wasReset };
}

async function acceptKey(sender: TrustedSender, raw: string): Promise<{ accepted: boolean }> {
  const instance = instanceOfOrigin(sender.origin);
  if (!instance) {
    return countRefused('key offered by a page that is not Declaree').then(() => ({
      accepted: false,
    }));
  }

  const cleaned = cleanKey(raw);
  if (!cleaned.ok) {
    logInfo('Vault', `ignored text that cannot be a key (${cleaned.problem}).`);
    keyProblemsOfTab.set(sender.tabId, cleaned.problem);
    await sendStatus(sender.tabId);
    return { accepted: false };
  }

  keyProblemsOfTab.delete(sender.tabId);
  const held = await readVault(Date.now());
  if (held?.key !== cleaned.key || held.instance !== instance) {
    await holdKey(cleaned.key, instance, Date.now());
    logInfo('Vault', `holds a key for the ${instance} instance.`);
  }

  if (await recordDone(stepsShownByKey, Date.now())) {
    logInfo('Progress', 'the Declaree steps are done.');
  }

  await broadcastStatus();
  return { accepted: true };
}

async function startFill(sender: TrustedSender, confirmedAppName?: string): Promise<FillResult> {
  if (!isEntraOrigin(sender.origin) || sender.frameId !== 0) {
    await countRefused('fill started outside an Entra top frame');
    return { code: 'refused' };
  }

  const vault = await readVault(Date.now());
  if (!vault) {
    return { code: 'no-key' };
  }

  const summary = summariseTab(await framesOfTab(sender.tabId));
  if (summary.formFrameId === undefined) {
    return { code: 'no-form' };
  }

  // Declaree's key must not end up in another application's provisioning form by mistake.
  const appName = summary.appName ?? '';
  if (!/declaree/i.test(appName) && confirmedAppName !== appName) {
    return { code: 'confirm-app', appName };
  }

  const nonce = crypto.randomUUID();
  const target = { tabId: sender.tabId, frameId: summary.formFrameId };
  pendingFills.set(nonce, { ...target, expiresAt: Date.now() + fillTimeLimitMs });
  let result: FillResult;
  try {
    const command: ToContent = { type: 'fill-command', nonce };
    const answer = await browser.tabs.sendMessage(target.tabId, command, {
      frameId: target.frameId,
    });
    const parsed = fillResultSchema.safeParse(answer);
    result = parsed.success ? parsed.data : { code: 'frame-gone' };
  } catch {
    result = { code: 'frame-gone' };
  } finally {
    pendingFills.delete(nonce);
  }

  lastFills.set(sender.tabId, result.code);
  if (result.code === 'filled') {
    await recordDone(['entra-credentials'], Date.now());
  }

  await sendStatus(sender.tabId);
  return result;
}

/** The second half of a fill: only the frame the fill was sent to gets the key, once. */
async function releaseSecret(
  sender: TrustedSender,
  nonce: string,
): Promise<FillSecret | undefined> {
  const pending = pendingFills.get(nonce);
  pendingFills.delete(nonce);
  const matches =
    pending !== undefined &&
    pending.expiresAt > Date.now() &&
    pending.tabId === sender.tabId &&
    pending.frameId === sender.frameId &&
    isEntraOrigin(sender.origin);
  if (!matches) {
    return countRefused('key asked for by a frame that was not sent a fill');
  }

  const vault = await readVault(Date.now());
  if (!vault) {
    return undefined;
  }

  return { tenantUrl: tenantUrlFor(vault.instance), key: vault.key };
}

async function handle(message: ToWorker, sender: Runtime.MessageSender): Promise<unknown> {
  if (message.type === 'popup-get' || message.type === 'key-forget') {
    const fromPanel = contentSender(sender)?.frameId === 0;
    if (!isExtensionPage(sender, browser.runtime.id) && !fromPanel) {
      return countRefused('extension-page message from elsewhere');
    }

    if (message.type === 'key-forget') {
      await forgetKey();
      await broadcastStatus();
      return { forgotten: true };
    }

    return isExtensionPage(sender, browser.runtime.id) ? popupStatus() : undefined;
  }

  const trusted = contentSender(sender);
  if (!trusted) {
    return countRefused('content message from an unknown page');
  }

  switch (message.type) {
    case 'frame-report': {
      const changed = await recordFrame(
        trusted.tabId,
        trusted.frameId,
        trusted.origin,
        message.report,
      );
      if (message.report.doneSteps.length > 0) {
        await recordDone(message.report.doneSteps, Date.now());
      }

      if (changed) {
        await sendStatus(trusted.tabId);
      }

      return { recorded: true };
    }
    case 'key-offer':
      return acceptKey(trusted, message.key);
    case 'status-get':
      return tabStatus(trusted.tabId);
    case 'fill-start':
      return startFill(trusted, message.confirmedAppName);
    case 'fill-request':
      return releaseSecret(trusted, message.nonce);
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  if (!isOwnExtension(sender, browser.runtime.id)) {
    return countRefused('sender is not this extension');
  }

  const parsed = toWorkerSchema.safeParse(raw);
  if (!parsed.success) {
    return countRefused('message does not match any schema');
  }

  return handle(parsed.data, sender);
});

browser.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name === expiryAlarm) {
    await readVault(Date.now());
    await broadcastStatus();
  }
});

browser.tabs.onRemoved.addListener((tabId) => {
  lastFills.delete(tabId);
  keyProblemsOfTab.delete(tabId);
  void forgetFrame(tabId, 0);
});

void restrictSessionStorage();
