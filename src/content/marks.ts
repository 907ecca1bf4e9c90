/**
 * Marks on the rows of a list whose group names collide, drawn in the frame that holds the list:
 * a badge at each row's right end, in its own shadow root, following the rows as the list scrolls
 * and re-renders. The page's own rows are not changed.
 */
import { readGroupLists } from '../pages/group-lists.ts';
import { t } from '../shared/i18n.ts';

let names = new Set<string>();
let host: HTMLElement | undefined;
let layer: HTMLElement | undefined;
let frameRequest: number | undefined;

function ensureLayer(): HTMLElement {
  if (layer && host?.isConnected) {
    return layer;
  }

  host = document.createElement('declaree-setup-marks');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    span {
      position: fixed; z-index: 2147483645; pointer-events: none; padding: 1px 6px;
      font: 600 11px/16px "Segoe UI", system-ui, sans-serif; color: #fff; background: #a4262c;
      border-radius: 8px; white-space: nowrap;
    }
    @media (forced-colors: active) { span { border: 1px solid CanvasText; } }
  `;
  layer = document.createElement('div');
  root.append(style, layer);
  document.documentElement.append(host);
  return layer;
}

function draw(): void {
  frameRequest = undefined;
  if (names.size === 0) {
    return;
  }

  const rows = readGroupLists(document)
    .flatMap((list) => list.rows)
    .filter((row) => names.has(row.name));
  const target = ensureLayer();
  while (target.children.length < rows.length) {
    const badge = document.createElement('span');
    badge.textContent = t('group_mark');
    target.append(badge);
  }

  [...target.children].forEach((badge, index) => {
    const row = rows[index];
    const element = badge as HTMLElement;
    if (!row) {
      element.style.display = 'none';
      return;
    }

    const rect = row.element.getBoundingClientRect();
    element.style.display = rect.height > 0 ? 'block' : 'none';
    element.style.top = `${rect.top + (rect.height - 18) / 2}px`;
    element.style.left = `${Math.max(rect.left, rect.right - 120)}px`;
  });
  frameRequest = requestAnimationFrame(draw);
}

export function markGroups(marked: readonly string[]): void {
  names = new Set(marked);
  if (names.size === 0) {
    clearMarks();
    return;
  }

  if (frameRequest === undefined) {
    draw();
  }
}

export function clearMarks(): void {
  names = new Set();
  if (frameRequest !== undefined) {
    cancelAnimationFrame(frameRequest);
    frameRequest = undefined;
  }

  host?.remove();
  host = undefined;
  layer = undefined;
}
