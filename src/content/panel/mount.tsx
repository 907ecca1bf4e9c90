/**
 * The guide panel, in the top frame only, inside an open shadow root so that the portal's styles
 * cannot change it and tests can reach it. Loaded only once there is something to show.
 */
import { render } from 'preact';
import { t } from '../../shared/i18n.ts';
import type { TabStatus } from '../../shared/messages.ts';
import { defaultSettings, type Settings } from '../../shared/settings.ts';
import { GuidePanel, type Send, type Side } from './GuidePanel.tsx';
import styles from './panel.css?inline';

const hostTag = 'declaree-setup-guide';

let container: HTMLElement | undefined;
let lastStatus: TabStatus | undefined;
let lastSend: Send | undefined;
let orphaned = false;
let side: Side = 'right';
let settings: Settings = defaultSettings;

/** The element the panel renders into; made again if the page removed the host. */
function panelContainer(): HTMLElement {
  if (container?.isConnected) {
    return container;
  }

  const host = document.createElement(hostTag);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles;
  container = document.createElement('div');
  root.append(style, container);
  document.documentElement.append(host);
  return container;
}

function draw(): void {
  if (!lastStatus || !lastSend) {
    return;
  }

  const move = () => {
    side = side === 'right' ? 'left' : 'right';
    draw();
  };
  render(
    <GuidePanel
      status={lastStatus}
      send={lastSend}
      orphaned={orphaned}
      side={side}
      onMove={move}
      settings={settings}
    />,
    panelContainer(),
  );
}

// Read now: once the extension is gone, its messages can no longer be read.
t('panel_reload_tab');
t('panel_name');

export function showPanel(status: TabStatus, send: Send): void {
  lastStatus = status;
  lastSend = send;
  draw();
  if (status.targetPlace) {
    keepClearOfFramed(status.targetPlace);
  }
}

export function setSettings(changed: Settings): void {
  if (settings !== changed) {
    settings = changed;
    draw();
  }
}

/** The extension was reloaded under this page: the panel can only ask for a reload now. */
export function showOrphaned(): void {
  orphaned = true;
  draw();
}

/** Moves the panel to the other side when it covers the control the guide points at. */
export function keepClearOf(element: Element): void {
  keepClearOfRect(element.getBoundingClientRect());
}

function keepClearOfRect(target: { left: number; top: number; right: number; bottom: number }) {
  const panel = container?.querySelector('.panel');
  if (!panel) {
    return;
  }

  const current = panel.getBoundingClientRect();
  const overlaps = (left: number) =>
    left < target.right &&
    target.left < left + current.width &&
    current.top < target.bottom &&
    target.top < current.bottom;
  const margin = 16;
  const otherLeft = side === 'right' ? margin : window.innerWidth - margin - current.width;
  // Move only when the other side is clear, or the panel would jump back and forth.
  if (overlaps(current.left) && !overlaps(otherLeft)) {
    side = side === 'right' ? 'left' : 'right';
    draw();
  }
}

/**
 * The control is in a frame inside the page: find that frame's element by its origin and size,
 * and keep clear of the control's place within it.
 */
function keepClearOfFramed(place: NonNullable<TabStatus['targetPlace']>): void {
  const frame = [...document.querySelectorAll('iframe')].find((candidate) => {
    let origin = '';
    try {
      origin = new URL(candidate.src, location.href).origin;
    } catch {
      return false;
    }

    return (
      origin === place.origin &&
      Math.abs(candidate.clientWidth - place.rect.viewportWidth) <= 2 &&
      Math.abs(candidate.clientHeight - place.rect.viewportHeight) <= 2
    );
  });
  if (!frame) {
    return;
  }

  const box = frame.getBoundingClientRect();
  const left = box.left + frame.clientLeft + place.rect.x;
  const top = box.top + frame.clientTop + place.rect.y;
  keepClearOfRect({ left, top, right: left + place.rect.width, bottom: top + place.rect.height });
}
