/**
 * One agent per frame: it recognises its page as the page changes, tells the worker what it sees,
 * offers a Declaree key it finds, fills when the worker asks this frame to, and in the top frame
 * hands the tab's status to the guide panel.
 */
import type browser from 'webextension-polyfill';
import { setFrameworkValue } from '../dom/fill.ts';
import { watchPage } from '../dom/watch.ts';
import { type ControlId, findControl } from '../pages/controls.ts';
import { type TabStatus, tabStatusSchema, toContentSchema } from '../shared/content-messages.ts';
import { api, onExtensionMessage } from '../shared/extension-api.ts';
import { isEntraOrigin } from '../shared/instances.ts';
import { logInfo } from '../shared/log.ts';
import type { ToWorker } from '../shared/messages.ts';
import {
  defaultSettings,
  onSettingsChanged,
  readSettings,
  type Settings,
} from '../shared/settings.ts';
import { fillThisFrame } from './fill-frame.ts';
import { clearHighlight, highlight, highlightPlace } from './highlight.ts';
import { clearMarks, markGroups } from './marks.ts';
import { coverKey, uncoverKey, watchForIdentifiers } from './presenter.ts';
import { type Memory, noteClick, recognise } from './recognise.ts';

type Panel = typeof import('./panel/mount.tsx');

// While a key page shows no key yet, the key may appear through a property change that no
// mutation reports (an input's value), so the agent looks again at this pace until it does.
const keyPagePollMs = 250;
const orphanCheckMs = 1000;

/** Puts the suggested name into the new application's name field, if it is still empty. */
function fillApplicationName(name: string): { filled: boolean } {
  const field = findControl(document, 'entra-app-name');
  if (!(field instanceof HTMLInputElement) || !isEntraOrigin(location.origin)) {
    return { filled: false };
  }

  setFrameworkValue(field, name);
  return { filled: true };
}

export function startAgent(): void {
  const isTopFrame = window === window.top;
  let settings: Settings = defaultSettings;
  let lastReport = '';
  let lastOfferedKey: string | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let panel: Promise<Panel> | undefined;
  let stopped = false;
  /** The last report's answer: the worker has taken the report in once it comes. */
  let reported: Promise<unknown> = Promise.resolve();
  const memory: Memory = {};
  let highlighted: ControlId | null = null;

  const send = async (message: ToWorker, attempt = 1): Promise<unknown> => {
    try {
      return await api.runtime.sendMessage(message);
    } catch {
      // The extension was reloaded or updated: this script is orphaned. Stop quietly rather than
      // throw into the page on every change.
      if (!globalThis.chrome?.runtime?.id) {
        stop();
        return undefined;
      }

      // The service worker was stopped while it answered: it starts again for the next message.
      if (attempt < 3) {
        return send(message, attempt + 1);
      }

      // Or the browser has not yet marked this script's extension as gone: look again shortly,
      // since the page may not change again to make this script notice.
      setTimeout(() => {
        if (!globalThis.chrome?.runtime?.id) {
          stop();
        }
      }, orphanCheckMs);
      return undefined;
    }
  };

  const showStatus = (status: TabStatus) => {
    if (!isTopFrame || stopped) {
      return;
    }

    panel ??= import('./panel/mount.tsx');
    void panel.then((module) => {
      module.setSettings(settings);
      module.showPanel(status, send);
    });
  };

  /** Looks at the page and tells the worker what changed; true when anything did. */
  const look = (): boolean => {
    if (stopped) {
      return false;
    }

    // The extension was reloaded or updated under this page: its id is gone from this script.
    if (!globalThis.chrome?.runtime?.id) {
      stop();
      return false;
    }

    const { report, shownKey, keyElement } = recognise(document, isTopFrame, memory);
    if (settings.presenter && keyElement) {
      coverKey(keyElement);
    } else {
      uncoverKey();
    }

    if (highlighted) {
      drawHighlight();
    }

    const place = isTopFrame ? undefined : highlightPlace();
    if (place) {
      report.targetRect = place;
    }

    let news = false;
    const serialised = JSON.stringify(report);
    if (serialised !== lastReport) {
      lastReport = serialised;
      news = true;
      reported = send({ type: 'frame-report', report });
    }

    if (shownKey !== undefined && shownKey !== lastOfferedKey) {
      lastOfferedKey = shownKey;
      news = true;
      void send({ type: 'key-offer', key: shownKey });
    }

    const waitingForKey = report.page === 'declaree-key-page' && shownKey === undefined;
    if (waitingForKey && pollTimer === undefined) {
      pollTimer = setInterval(look, keyPagePollMs);
    } else if (!waitingForKey && pollTimer !== undefined) {
      clearInterval(pollTimer);
      pollTimer = undefined;
    }
    return news;
  };

  // The portal re-renders its controls: the highlight follows the control to its new element.
  const drawHighlight = () => {
    const element = highlighted ? findControl(document, highlighted) : undefined;
    if (element) {
      highlight(element);
      if (isTopFrame) {
        void panel?.then((module) => module.keepClearOf(element));
      }
    } else {
      clearHighlight();
    }
  };

  const guide = (wanted: readonly ControlId[], control: ControlId | null) => {
    memory.wanted = wanted;
    highlighted = control;
    drawHighlight();
    watch.poke();
  };

  let stopMasking: (() => void) | undefined;
  const applySettings = (changed: Settings) => {
    settings = changed;
    memory.applicationName = changed.applicationName;
    if (settings.presenter && isEntraOrigin(location.origin)) {
      stopMasking ??= watchForIdentifiers();
    } else {
      stopMasking?.();
      stopMasking = undefined;
    }

    if (isTopFrame) {
      void panel?.then((module) => module.setSettings(changed));
    }

    look();
  };
  void readSettings().then(applySettings);
  const stopSettings = onSettingsChanged(applySettings);

  const watch = watchPage(look);
  const onClick = (event: Event) => noteClick(event.target, memory);
  window.addEventListener('click', onClick, true);

  const onMessage = (raw: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== api.runtime.id) {
      return undefined;
    }

    const parsed = toContentSchema.safeParse(raw);
    if (!parsed.success) {
      return undefined;
    }

    switch (parsed.data.type) {
      case 'fill-command':
        return fillThisFrame(parsed.data.nonce);
      case 'guide':
        guide(parsed.data.wanted, parsed.data.highlight);
        return undefined;
      case 'name-fill-command':
        return Promise.resolve(fillApplicationName(settings.applicationName));
      case 'group-marks':
        markGroups(parsed.data.names);
        return undefined;
      case 'status-changed':
        showStatus(parsed.data.status);
        return undefined;
    }
  };
  const stopListening = onExtensionMessage(onMessage);

  function stop() {
    if (stopped) {
      return;
    }

    stopped = true;
    watch.stop();
    clearHighlight();
    clearMarks();
    stopSettings();
    stopMasking?.();
    uncoverKey();
    window.removeEventListener('click', onClick, true);
    clearInterval(pollTimer);
    stopListening();
    if (isTopFrame) {
      void panel?.then((module) => module.showOrphaned());
    }
  }

  // A frame that goes away must not be left in the worker's picture of the tab as holding a form.
  window.addEventListener('pagehide', () => {
    if (!stopped) {
      void send({ type: 'frame-gone' });
    }
  });

  look();
  if (isTopFrame) {
    // Asked once the first report is taken in: an answer worked out before it would show the
    // guide for no page, and could arrive after the status the report itself brings.
    void reported
      .then(() => send({ type: 'status-get' }))
      .then((answer) => {
        const parsed = tabStatusSchema.safeParse(answer);
        if (parsed.success) {
          showStatus(parsed.data);
        }
      });
  }

  logInfo('Agent', `started in ${isTopFrame ? 'the top frame' : 'a frame'}.`);
}
