/**
 * The service worker. Browsers stop it whenever it is idle, so every listener is registered at the
 * top level and all state lives in storage: nothing here survives in memory on purpose, except
 * fills in flight, which last a second.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { cleanKey, type KeyProblem } from '../checks/secret.ts';
import { diagnoseTenantUrl, tenantUrlFor } from '../checks/tenant-url.ts';
import { stepStates } from '../journey/progress.ts';
import { setupReport } from '../journey/report.ts';
import { type StepId, stepMessageStem } from '../journey/steps.ts';
import { supportSummary } from '../journey/summary.ts';
import { chooseTarget, stepTargets, stepToGuide } from '../journey/targets.ts';
import type { ControlId } from '../pages/controls.ts';
import { t } from '../shared/i18n.ts';
import { type DeclareeInstance, instanceOfOrigin, isEntraOrigin } from '../shared/instances.ts';
import { logInfo } from '../shared/log.ts';
import {
  type FillResult,
  type FillSecret,
  type FrameReport,
  fillResultSchema,
  type GroupCheck,
  groupCheckSchema,
  type PopupStatus,
  type TabStatus,
  type TestCause,
  type ToContent,
  type ToWorker,
  toWorkerSchema,
} from '../shared/messages.ts';
import {
  isLocked,
  isOurApplication,
  onSettingsChanged,
  readSettings,
  type Settings,
  writeSwitch,
} from '../shared/settings.ts';
import { checkGroups } from './group-check.ts';
import {
  chooseSetup,
  forgetSetup,
  readProgress,
  readSetups,
  recordApplication,
  recordDone,
  recordSkipped,
  recordStepState,
  recordTenant,
  resetProgress,
} from './progress-store.ts';
import {
  type GroupListing,
  listDeclareeGroups,
  type PreflightOutcome,
  preflight,
  preflightOutcomes,
} from './scim.ts';
import { classifySender, isAllowed, type Sender, type TrustedSender } from './senders.ts';
import {
  type FrameRecord,
  forgetFrame,
  framesOfTab,
  knownTabIds,
  recordFrame,
  summariseTab,
} from './tab-state.ts';
import {
  expiryAlarm,
  fitVaultToPolicy,
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

let refusedWrites: Promise<unknown> = Promise.resolve();

/** Counts a refused message; the counts run one after another so that none is lost. */
function countRefused(reason: string): Promise<undefined> {
  logInfo('Messages', `refused a message (${reason}).`);
  const next = refusedWrites.then(async () => {
    const stored = await browser.storage.session.get(refusedItem);
    const count = typeof stored[refusedItem] === 'number' ? stored[refusedItem] : 0;
    await browser.storage.session.set({ [refusedItem]: count + 1 });
  });
  refusedWrites = next.catch(() => undefined);
  return next.then(() => undefined);
}

const declareeGroupsCache = new Map<string, { at: number; listing: GroupListing }>();
const declareeGroupsLifetimeMs = 60_000;

/** Declaree's own groups for the held key, read at most once a minute. */
async function declareeGroups(): Promise<Parameters<typeof checkGroups>[1]> {
  const vault = await readVault(Date.now());
  if (!vault) {
    return undefined;
  }

  const cacheKey = `${vault.instance}:${vault.capturedAt}`;
  const cached = declareeGroupsCache.get(cacheKey);
  const listing =
    cached && Date.now() - cached.at < declareeGroupsLifetimeMs
      ? cached.listing
      : await listDeclareeGroups(vault.instance, vault.key);
  declareeGroupsCache.set(cacheKey, { at: Date.now(), listing });
  return listing.ok ? { names: listing.names } : { problem: listing.problem };
}

const marksSent = new Map<string, string>();
const groupCheckItem = 'groupCheck';

/** The group check of a tab, with the rows to mark sent to the frames that list them. */
async function tabGroupCheck(
  tabId: number,
  frames: Record<string, FrameRecord>,
): Promise<GroupCheck | undefined> {
  const reports = Object.entries(frames).map(([frameId, record]) => ({
    frameId: Number(frameId),
    report: record.report,
  }));
  if (!reports.some(({ report }) => report.groups)) {
    return undefined;
  }

  const check = checkGroups(reports, await declareeGroups());
  if (!check) {
    return undefined;
  }

  await browser.storage.session.set({ [groupCheckItem]: check });
  const names = [...new Set(check.collisions.flatMap((collision) => collision.groups))]
    .map((group) => group.name)
    .slice(0, 500);
  await Promise.all(
    reports
      .filter(({ report }) => report.groups)
      .map(async ({ frameId }) => {
        const message: ToContent = { type: 'group-marks', names };
        const serialised = JSON.stringify(message);
        if (marksSent.get(`${tabId}/${frameId}`) !== serialised) {
          marksSent.set(`${tabId}/${frameId}`, serialised);
          await browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => {
            marksSent.delete(`${tabId}/${frameId}`);
          });
        }
      }),
  );
  return check;
}

async function tabStatus(tabId: number): Promise<TabStatus> {
  const [vault, frames, { progress }] = await Promise.all([
    readVault(Date.now()),
    framesOfTab(tabId),
    readProgress(),
  ]);
  const summary = summariseTab(frames);
  const lastFill = lastFills.get(tabId);
  const keyProblem = keyProblemsOfTab.get(tabId);
  const instanceRefused = refusedInstanceOf(frames, await readSettings());
  const step = stepToGuide(progress, summary.site);
  const target = chooseTarget(step, shownControls(frames));
  const targetFrame = target && target.frameId !== 0 ? frames[target.frameId] : undefined;
  const targetPlace =
    targetFrame?.report.targetRect !== undefined
      ? { origin: targetFrame.origin, rect: targetFrame.report.targetRect }
      : undefined;
  const testResult = testResults.get(tabId);
  const causes =
    testResult === 'failure' && vault
      ? testCausesOf(frames, vault.instance, await readPreflight())
      : [];
  const preflightOutcome = await readPreflight();
  const groupCheck = await tabGroupCheck(tabId, frames);
  const userNameSource =
    summary.userNameSource && !/^mail$/i.test(summary.userNameSource)
      ? summary.userNameSource
      : undefined;

  return {
    ...(step ? { step, targetFound: target !== undefined } : {}),
    ...(target ? { target: target.control } : {}),
    ...(targetPlace ? { targetPlace } : {}),
    ...(testResult ? { testResult } : {}),
    ...(causes.length > 0 ? { testCauses: causes } : {}),
    ...(groupCheck ? { groupCheck } : {}),
    ...provisioningStateOf(frames),
    ...(preflightOutcome ? { preflight: preflightOutcome } : {}),
    ...(progress.steps['admin-account'] === undefined ? { askAdminAccount: true } : {}),
    ...(userNameSource ? { userNameSource } : {}),
    key: keyStatusOf(vault, false),
    page: summary.page,
    credentialsForm: summary.credentialsForm,
    ...(summary.appName ? { appName: summary.appName } : {}),
    ...(summary.keyShown !== undefined ? { keyShown: summary.keyShown } : {}),
    ...(lastFill ? { lastFill } : {}),
    ...(keyProblem ? { keyProblem } : {}),
    ...(instanceRefused ? { instanceRefused } : {}),
  };
}

const lastFills = new Map<number, FillResult['code']>();
const testResults = new Map<number, 'success' | 'failure'>();
/** What each frame was last told to look for and highlight, so that nothing is sent twice. */
const guidesSent = new Map<string, string>();

function shownControls(frames: Record<string, FrameRecord>): Map<number, readonly ControlId[]> {
  const ordered = Object.entries(frames).sort(([a], [b]) => Number(a) - Number(b));
  return new Map(
    ordered.map(([frameId, record]) => [Number(frameId), record.report.controls ?? []]),
  );
}

const guideUpdates = new Map<number, Promise<void>>();

/**
 * Tells every frame of the tab what to look for, and the one frame that shows it to highlight.
 * Updates of one tab run one after another: an update that read the frames before another
 * frame's report must not overwrite the newer answer.
 */
function updateGuide(tabId: number): Promise<void> {
  const next = (guideUpdates.get(tabId) ?? Promise.resolve())
    .then(() => sendGuide(tabId))
    .catch(() => undefined);
  guideUpdates.set(tabId, next);
  return next;
}

async function sendGuide(tabId: number): Promise<void> {
  const [frames, { progress }] = await Promise.all([framesOfTab(tabId), readProgress()]);
  const summary = summariseTab(frames);
  const step = stepToGuide(progress, summary.site);
  const wanted = step ? [...stepTargets[step]] : [];
  const target = chooseTarget(step, shownControls(frames));

  await Promise.all(
    Object.keys(frames).map(async (key) => {
      const frameId = Number(key);
      const message: ToContent = {
        type: 'guide',
        wanted,
        highlight: target?.frameId === frameId ? target.control : null,
      };
      const serialised = JSON.stringify(message);
      if (guidesSent.get(`${tabId}/${frameId}`) === serialised) {
        return;
      }

      guidesSent.set(`${tabId}/${frameId}`, serialised);
      // A frame still loading has no listener yet: forget what was sent, so its first report,
      // which comes once it listens, brings the guide again.
      await browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => {
        guidesSent.delete(`${tabId}/${frameId}`);
      });
    }),
  );
}

/**
 * A frame's document went away (the portal closed a blade, or the page moved on): it is dropped
 * from the tab's picture, so that neither the stored frames nor what was sent to them grow over a
 * long session. The top frame stays, showing nothing, until the next document reports.
 */
async function frameGone(sender: TrustedSender): Promise<{ forgotten: true }> {
  const { tabId, frameId } = sender;
  guidesSent.delete(`${tabId}/${frameId}`);
  marksSent.delete(`${tabId}/${frameId}`);
  if (frameId === 0) {
    await recordFrame(tabId, 0, sender.origin, emptyReport);
  } else {
    await forgetFrame(tabId, frameId);
  }

  await updateGuide(tabId);
  await sendStatus(tabId);
  return { forgotten: true };
}

const emptyReport: FrameReport = { page: null, credentialsForm: false, doneSteps: [] };

let reportsApplied: Promise<unknown> = Promise.resolve();

/**
 * Reports are applied one after another, whichever tab they come from: a report switches to its
 * tenant's setup and then records its steps, and another tenant's report in between would put
 * those steps into the wrong setup.
 */
function applyReport(tabId: number, report: FrameReport): Promise<boolean> {
  const next = reportsApplied.then(() => applyReportNow(tabId, report));
  reportsApplied = next.catch(() => undefined);
  return next;
}

/** What a frame's report means for the journey: steps done, skipped, the key's end of life. */
async function applyReportNow(tabId: number, report: FrameReport): Promise<boolean> {
  const now = Date.now();
  // A report from another tenant's portal brings that tenant's setup in first.
  let changed = report.tenant ? await recordTenant(report.tenant) : false;
  changed = (await recordDone(report.doneSteps, now)) || changed;
  if (report.generation || report.language) {
    await noteDiagnostics((diagnostics) => ({
      ...diagnostics,
      ...(report.generation ? { generation: report.generation } : {}),
      ...(report.language ? { language: report.language } : {}),
    }));
  }

  const { application } = report;
  const ours = application?.name
    ? isOurApplication(application.name, (await readSettings()).applicationName)
    : false;
  if (application && ours) {
    await recordApplication(application);
  }

  if (report.generation === 'new' || report.generation === 'overview') {
    // Only the classic form asks for a Provisioning Mode.
    changed = (await recordSkipped(['entra-mode-automatic'], now)) || changed;
  }

  const notice = report.notice;
  if (notice && noticesSeen.get(tabId) !== notice.count) {
    noticesSeen.set(tabId, notice.count);
    if (notice.kind === 'test-success') {
      testResults.set(tabId, 'success');
      changed = (await recordDone(['entra-credentials', 'entra-test-connection'], now)) || changed;
    } else if (notice.kind === 'test-failure') {
      testResults.set(tabId, 'failure');
      changed = true;
      const vault = await readVault(now);
      const causes = vault
        ? testCausesOf(await framesOfTab(tabId), vault.instance, await readPreflight())
        : [];
      await noteError(`test-failure: ${causes.join(', ') || 'no cause found'}`);
    } else if (testResults.get(tabId) === 'success') {
      // Entra confirmed the saved configuration: the key has done its job and is dropped.
      changed = (await recordDone(['entra-save'], now)) || changed;
      await forgetKey();
      await broadcastStatus();
    }
  }

  return changed;
}

const noticesSeen = new Map<number, number>();

/** What the frames say about running provisioning: quarantine, cycle, failures in the logs. */
function provisioningStateOf(frames: Record<string, FrameRecord>): Partial<TabStatus> {
  const reports = Object.values(frames).map((record) => record.report);
  const quarantined = reports.some((report) => report.quarantined);
  const cycleStatus = reports.map((report) => report.cycleStatus).find(Boolean);
  const logs = reports.find((report) => report.logFailures !== undefined);
  return {
    ...(quarantined ? { quarantined } : {}),
    ...(cycleStatus ? { cycleStatus } : {}),
    ...(logs?.logFailures !== undefined ? { logFailures: logs.logFailures } : {}),
    ...(logs?.errorCodes?.length ? { errorCodes: logs.errorCodes } : {}),
  };
}

/** The causes that fit a failed Test Connection, from what the form holds and Declaree said. */
function testCausesOf(
  frames: Record<string, FrameRecord>,
  instance: DeclareeInstance,
  preflightOutcome: PreflightOutcome | undefined,
): TestCause[] {
  const form = Object.values(frames).find((record) => record.report.credentialsForm)?.report;
  const causes: TestCause[] = [];
  if (form?.tenantUrl !== undefined) {
    causes.push(
      ...diagnoseTenantUrl(form.tenantUrl, instance).map(
        (problem) => `tenant-url-${problem}` as const,
      ),
    );
  }

  causes.push(...(form?.tokenProblems ?? []).map((problem) => `token-${problem}` as const));
  if (preflightOutcome === 'key-refused') {
    causes.push('key-regenerated');
  } else if (preflightOutcome === 'other-instance') {
    causes.push('key-other-instance');
  }

  return causes;
}
const keyProblemsOfTab = new Map<number, KeyProblem>();
/**
 * When the tab shows Declaree on an instance the organisation does not allow, the instance it
 * allows: the guide says so before the admin makes a key that would not be taken.
 */
function refusedInstanceOf(
  frames: Record<string, FrameRecord>,
  settings: Settings,
): DeclareeInstance | undefined {
  const shown = instanceOfOrigin(frames[0]?.origin ?? '');
  return shown && !settings.instances.includes(shown) ? settings.instances[0] : undefined;
}

async function sendStatus(tabId: number): Promise<void> {
  const message: ToContent = { type: 'status-changed', status: await tabStatus(tabId) };
  // A top frame whose agent is still loading, or a page the extension does not run on, has no
  // listener. The tab's frames are kept all the same: a frame inside it may have reported first,
  // and would not report the same again. A closed tab is forgotten when the browser says so.
  await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

async function broadcastStatus(): Promise<void> {
  const tabIds = await knownTabIds();
  await Promise.all(tabIds.map((tabId) => sendStatus(tabId)));
}

/** Progress changed: every tab's guide and panel may now be on another step. */
async function updateAllGuides(): Promise<void> {
  const tabIds = await knownTabIds();
  await Promise.all(
    tabIds.map(async (tabId) => {
      await updateGuide(tabId);
      await sendStatus(tabId);
    }),
  );
}

async function setStep(step: StepId, state: 'done' | 'skipped' | 'todo'): Promise<{ set: true }> {
  await recordStepState(step, state, Date.now());
  await updateAllGuides();
  return { set: true };
}

const diagnosticsItem = 'diagnostics';
const diagnosticsSchema = z
  .object({
    generation: z.string().max(16).optional(),
    language: z.string().max(16).optional(),
    errors: z.array(z.object({ at: z.number(), code: z.string().max(256) }).strict()).max(20),
  })
  .strict();
type Diagnostics = z.infer<typeof diagnosticsSchema>;
let diagnosticsWrites: Promise<unknown> = Promise.resolve();

/** Facts for the support summary: no values, only what was seen and the codes of what failed. */
function noteDiagnostics(change: (diagnostics: Diagnostics) => Diagnostics): Promise<void> {
  const next = diagnosticsWrites.then(async () => {
    await browser.storage.session.set({ [diagnosticsItem]: change(await readDiagnostics()) });
  });
  diagnosticsWrites = next.catch(() => undefined);
  return next;
}

async function readDiagnostics(): Promise<Diagnostics> {
  const stored = await browser.storage.session.get(diagnosticsItem);
  const parsed = diagnosticsSchema.safeParse(stored[diagnosticsItem]);
  return parsed.success ? parsed.data : { errors: [] };
}

function noteError(code: string): Promise<void> {
  return noteDiagnostics((diagnostics) => ({
    ...diagnostics,
    errors: [...diagnostics.errors, { at: Date.now(), code }].slice(-20),
  }));
}

async function summaryText(includeIds: boolean): Promise<{ text: string }> {
  const [{ progress }, diagnostics, vault, preflightOutcome] = await Promise.all([
    readProgress(),
    readDiagnostics(),
    readVault(Date.now()),
    readPreflight(),
  ]);
  const text = supportSummary(
    {
      version: browser.runtime.getManifest().version,
      browser: navigator.userAgent,
      progress,
      ...(vault ? { instance: vault.instance } : {}),
      ...(diagnostics.generation ? { generation: diagnostics.generation } : {}),
      ...(diagnostics.language ? { language: diagnostics.language } : {}),
      ...(preflightOutcome ? { preflight: preflightOutcome } : {}),
      errors: diagnostics.errors,
      ...(progress.application ? { application: progress.application } : {}),
      now: Date.now(),
    },
    includeIds,
  );
  return { text };
}

async function reportText(includeIds: boolean): Promise<{ text: string }> {
  const [{ progress }, vault, preflightOutcome, storedCheck] = await Promise.all([
    readProgress(),
    readVault(Date.now()),
    readPreflight(),
    browser.storage.session.get(groupCheckItem),
  ]);
  const check = groupCheckSchema.safeParse(storedCheck[groupCheckItem]);
  const text = setupReport(
    {
      progress,
      sectionTitle: (section) => t(`section_${section}`),
      stepTitle: (id) => t(`${stepMessageStem(id)}_title`),
      ...(vault ? { instance: vault.instance } : {}),
      ...(preflightOutcome ? { preflight: preflightOutcome } : {}),
      ...(check.success
        ? { groupCheck: { checked: check.data.checked, collisions: check.data.collisions.length } }
        : {}),
      now: Date.now(),
    },
    includeIds,
  );
  return { text };
}

/** Starts the setup afresh: progress, the key and everything learnt about the pages. */
async function resetSetup(): Promise<{ reset: true }> {
  await forgetKey();
  await resetProgress();
  await browser.storage.session.remove([preflightItem, diagnosticsItem, groupCheckItem, 'tabs']);
  lastFills.clear();
  testResults.clear();
  noticesSeen.clear();
  guidesSent.clear();
  marksSent.clear();
  declareeGroupsCache.clear();
  await updateAllGuides();
  return { reset: true };
}

const preflightItem = 'preflight';
const preflightSchema = z
  .object({ instance: z.enum(['com', 'de']), outcome: z.enum(preflightOutcomes), at: z.number() })
  .strict();

/** The pre-flight result for the key held now; one for another key or instance is stale. */
async function readPreflight(): Promise<PreflightOutcome | undefined> {
  const [stored, vault] = await Promise.all([
    browser.storage.session.get(preflightItem),
    readVault(Date.now()),
  ]);
  const parsed = preflightSchema.safeParse(stored[preflightItem]);
  const fresh = parsed.success && vault && parsed.data.at >= vault.capturedAt;
  return fresh && parsed.data.instance === vault.instance ? parsed.data.outcome : undefined;
}

/** Asks Declaree whether the held key works, and tells every tab. */
async function runPreflight(): Promise<PreflightOutcome | undefined> {
  const vault = await readVault(Date.now());
  if (!vault) {
    return undefined;
  }

  const outcome = await preflight(vault.instance, vault.key);
  if (outcome !== 'works') {
    await noteError(`pre-flight: ${outcome}`);
  }

  logInfo('Pre-flight', `Declaree answered: ${outcome}.`);
  await browser.storage.session.set({
    [preflightItem]: { instance: vault.instance, outcome, at: Date.now() },
  });
  await broadcastStatus();
  return outcome;
}

/** The key for the popup's copy button: never on a shared screen. */
async function keyForCopy(): Promise<{ key: string } | { refused: 'presenter' | 'no-key' }> {
  const [vault, settings] = await Promise.all([readVault(Date.now()), readSettings()]);
  if (settings.presenter) {
    return { refused: 'presenter' };
  }

  return vault ? { key: vault.key } : { refused: 'no-key' };
}

/** What the organisation set by policy, for the popup to show as such. */
function organisationOf(settings: Settings): PopupStatus['organisation'] {
  const { policy } = settings;
  return {
    presenterLocked: isLocked(settings, 'presenter'),
    preflightLocked: isLocked(settings, 'preflight'),
    ...(policy.declareeInstance ? { instance: settings.instances[0] } : {}),
    ...(policy.applicationName ? { applicationName: policy.applicationName } : {}),
    ...(policy.keyLifetimeMinutes ? { keyLifetimeMinutes: policy.keyLifetimeMinutes } : {}),
    ...(policy.presenterMode === 'on' ? { presenterDefault: true } : {}),
    ignored: settings.policyIgnored,
  };
}

async function popupStatus(): Promise<PopupStatus> {
  const [vault, { progress, wasReset }, settings, preflightOutcome, storedCheck, setups] =
    await Promise.all([
      readVault(Date.now()),
      readProgress(),
      readSettings(),
      readPreflight(),
      browser.storage.session.get(groupCheckItem),
      readSetups(),
    ]);
  const groupCheck = groupCheckSchema.safeParse(storedCheck[groupCheckItem]);

  return {
    // On a shared screen not even the last characters of the key are shown.
    key: keyStatusOf(vault, !settings.presenter),
    presenter: settings.presenter,
    preflightEnabled: settings.preflight,
    organisation: organisationOf(settings),
    setups: {
      ...(setups.current ? { current: setups.current } : {}),
      others: Object.values(setups.others).map(({ tenant, progress: waiting }) => ({
        tenant,
        done: Object.values(waiting.steps).filter((step) => step?.state === 'done').length,
      })),
    },
    ...(groupCheck.success ? { groupCheck: groupCheck.data } : {}),
    ...(preflightOutcome ? { preflight: preflightOutcome } : {}),
    steps: stepStates(progress),
    progressWasReset: wasReset,
    ...(progress.application ? { application: progress.application } : {}),
  };
}

async function acceptKey(sender: TrustedSender, raw: string): Promise<{ accepted: boolean }> {
  const instance = instanceOfOrigin(sender.origin);
  if (!instance) {
    return countRefused('key offered by a page that is not Declaree').then(() => ({
      accepted: false,
    }));
  }

  const settings = await readSettings();
  if (!settings.instances.includes(instance)) {
    logInfo('Vault', `ignored a key of the ${instance} instance: the organisation allows another.`);
    return { accepted: false };
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
  const isNew = held?.key !== cleaned.key || held.instance !== instance;
  if (isNew) {
    await holdKey(cleaned.key, instance, Date.now(), settings.keyLifetimeMinutes * 60_000);
    logInfo('Vault', `holds a key for the ${instance} instance.`);
    if (settings.preflight) {
      // Not awaited: the page need not wait for Declaree's answer to know the key is held.
      void runPreflight();
    }
  }

  await recordDone(stepsShownByKey, Date.now());
  await updateAllGuides();
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
  const { applicationName } = await readSettings();
  if (!isOurApplication(appName, applicationName) && confirmedAppName !== appName) {
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
  if (result.code !== 'filled' && result.code !== 'confirm-app') {
    await noteError(`fill: ${result.code}`);
  }

  if (result.code === 'filled') {
    // New values in the form: the last test's verdict no longer speaks for them.
    testResults.delete(sender.tabId);
    await recordDone(['entra-credentials'], Date.now());
  }

  await updateGuide(sender.tabId);
  await sendStatus(sender.tabId);
  return result;
}

/** Asks the frame that shows the empty application-name field to put the suggested name in it. */
async function fillApplicationName(tabId: number): Promise<{ filled: boolean }> {
  const frames = await framesOfTab(tabId);
  const entry = Object.entries(frames).find(([, record]) =>
    record.report.controls?.includes('entra-app-name'),
  );
  if (!entry) {
    return { filled: false };
  }

  const command: ToContent = { type: 'name-fill-command' };
  const answer = await browser.tabs
    .sendMessage(tabId, command, { frameId: Number(entry[0]) })
    .catch(() => undefined);
  return { filled: (answer as { filled?: boolean } | undefined)?.filled === true };
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

async function handle(message: ToWorker, sender: Sender): Promise<unknown> {
  if (!isAllowed(message.type, sender)) {
    return countRefused(`${message.type} from a sender not allowed to send it`);
  }

  switch (message.type) {
    case 'popup-get':
      return popupStatus();
    case 'step-set':
      return setStep(message.step, message.state);
    case 'key-forget':
      await forgetKey();
      await broadcastStatus();
      return { forgotten: true };
    case 'key-copy':
      return keyForCopy();
    case 'summary-get':
      return summaryText(message.includeIds);
    case 'report-get':
      return reportText(message.includeIds);
    case 'setup-reset':
      return resetSetup();
    case 'setup-switch':
      await chooseSetup(message.key);
      await updateAllGuides();
      return { switched: true };
    case 'setup-forget':
      await forgetSetup(message.key);
      await updateAllGuides();
      return { forgotten: true };
    case 'preflight-run':
      return { outcome: await runPreflight() };
    case 'preflight-set':
      return { changed: await writeSwitch('preflight', message.on) };
    case 'presenter-set':
      return { changed: await writeSwitch('presenter', message.on) };
  }

  if (sender.kind !== 'content') {
    return countRefused('content message from an extension page');
  }

  const trusted: TrustedSender = sender;
  switch (message.type) {
    case 'frame-gone':
      return frameGone(trusted);
    case 'frame-report': {
      const changed = await recordFrame(
        trusted.tabId,
        trusted.frameId,
        trusted.origin,
        message.report,
      );
      const progressed = await applyReport(trusted.tabId, message.report);
      if (progressed) {
        await updateAllGuides();
      } else if (changed) {
        await updateGuide(trusted.tabId);
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
    case 'name-fill':
      return fillApplicationName(trusted.tabId);
  }
}

browser.runtime.onMessage.addListener((raw: unknown, messageSender: Runtime.MessageSender) => {
  const sender = classifySender(messageSender, browser.runtime.id);
  if (!sender) {
    return countRefused('sender is not this extension on a page it runs on');
  }

  const parsed = toWorkerSchema.safeParse(raw);
  if (!parsed.success) {
    return countRefused('message does not match any schema');
  }

  return handle(parsed.data, sender);
});

browser.commands.onCommand.addListener(async (command) => {
  if (command === 'toggle-presenter') {
    await writeSwitch('presenter', !(await readSettings()).presenter);
  }
});

// A policy changed while the browser runs: applied at once to the held key, the pages and the popup.
onSettingsChanged(async (settings) => {
  await fitVaultToPolicy(settings.instances, settings.keyLifetimeMinutes * 60_000, Date.now());
  await updateAllGuides();
});

browser.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name === expiryAlarm) {
    await readVault(Date.now());
    await broadcastStatus();
  }
});

browser.tabs.onRemoved.addListener((tabId) => {
  guideUpdates.delete(tabId);
  lastFills.delete(tabId);
  keyProblemsOfTab.delete(tabId);
  testResults.delete(tabId);
  noticesSeen.delete(tabId);
  void forgetFrame(tabId, 0);
});

void restrictSessionStorage();
