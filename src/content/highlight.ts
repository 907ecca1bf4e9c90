/**
 * The highlight around the control the guide points at, drawn in the frame that holds it: an
 * outline in its own shadow root that follows the control as the page scrolls and resizes. It
 * never takes pointer events and never touches the page's own elements or their attributes.
 */
const hostTag = 'declaree-setup-highlight';

let host: HTMLElement | undefined;
let box: HTMLElement | undefined;
let target: Element | undefined;
let frameRequest: number | undefined;

function outline(): HTMLElement {
  if (box?.isConnected) {
    return box;
  }

  host = document.createElement(hostTag);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    div {
      position: fixed; z-index: 2147483645; pointer-events: none; box-sizing: border-box;
      border: 3px solid #c239b3; border-radius: 6px; box-shadow: 0 0 0 4px rgb(194 57 179 / 25%);
      transition: all 120ms ease-out;
    }
    @media (prefers-reduced-motion: reduce) { div { transition: none; } }
    @media (forced-colors: active) { div { border-color: Highlight; box-shadow: none; } }
  `;
  box = document.createElement('div');
  root.append(style, box);
  document.documentElement.append(host);
  return box;
}

function follow(): void {
  frameRequest = undefined;
  if (!target?.isConnected || !box) {
    clearHighlight();
    return;
  }

  const rect = target.getBoundingClientRect();
  const margin = 4;
  box.style.left = `${rect.left - margin}px`;
  box.style.top = `${rect.top - margin}px`;
  box.style.width = `${rect.width + margin * 2}px`;
  box.style.height = `${rect.height + margin * 2}px`;
  box.style.display = rect.width === 0 && rect.height === 0 ? 'none' : 'block';
  frameRequest = requestAnimationFrame(follow);
}

export function highlight(element: Element): void {
  if (element === target && box?.isConnected) {
    return;
  }

  target = element;
  outline();
  if (frameRequest === undefined) {
    follow();
  }
}

export function clearHighlight(): void {
  target = undefined;
  if (frameRequest !== undefined) {
    cancelAnimationFrame(frameRequest);
    frameRequest = undefined;
  }

  host?.remove();
  host = undefined;
  box = undefined;
}

/**
 * Where the highlighted control is in this frame's viewport, in coarse steps so that small scrolls
 * do not make news; undefined without a highlight.
 */
export function highlightPlace():
  | {
      x: number;
      y: number;
      width: number;
      height: number;
      viewportWidth: number;
      viewportHeight: number;
    }
  | undefined {
  if (!target?.isConnected) {
    return undefined;
  }

  const rect = target.getBoundingClientRect();
  const coarse = (value: number) => Math.round(value / 8) * 8;
  return {
    x: coarse(rect.left),
    y: coarse(rect.top),
    width: coarse(rect.width),
    height: coarse(rect.height),
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
  };
}
