/**
 * The highlight around the control the guide points at, drawn in the frame that holds it: an
 * outline in its own shadow root that follows the control as the page scrolls and resizes. It
 * never takes pointer events and never touches the page's own elements or their attributes.
 */
const hostTag = 'declaree-setup-highlight';

let host: HTMLElement | undefined;
let box: HTMLElement | undefined;
/** An arrow at the edge of the frame's view, towards a control scrolled out of sight. */
let edge: HTMLElement | undefined;
let target: Element | undefined;

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
    span {
      position: fixed; z-index: 2147483645; pointer-events: none; display: none;
      width: 32px; height: 32px; border-radius: 50%; background: #c239b3; color: #fff;
      font: bold 16px/32px system-ui, sans-serif; text-align: center;
      box-shadow: 0 2px 6px rgb(0 0 0 / 30%);
    }
    @media (prefers-reduced-motion: reduce) { div { transition: none; } }
    @media (forced-colors: active) {
      div { border-color: Highlight; box-shadow: none; }
      span { background: Highlight; color: HighlightText; forced-color-adjust: none; }
    }
  `;
  box = document.createElement('div');
  edge = document.createElement('span');
  root.append(style, box, edge);
  document.documentElement.append(host);
  return box;
}

/** Puts the outline around the control where it is now. */
function place(): void {
  placing = false;
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
  pointTowards(rect);
}

/**
 * A control scrolled out of the frame's view (a Save button below a long list) gets an arrow at
 * the edge it lies beyond, so that the admin knows which way to scroll.
 */
function pointTowards(rect: DOMRect): void {
  if (!edge) {
    return;
  }

  const below = rect.top >= window.innerHeight;
  const above = rect.bottom <= 0;
  if ((!below && !above) || (rect.width === 0 && rect.height === 0)) {
    edge.style.display = 'none';
    return;
  }

  const size = 32;
  const centre = rect.left + rect.width / 2 - size / 2;
  edge.textContent = below ? '\u25BC' : '\u25B2';
  edge.style.left = `${Math.min(Math.max(centre, 8), window.innerWidth - size - 8)}px`;
  edge.style.top = below ? `${window.innerHeight - size - 8}px` : '8px';
  edge.style.display = 'block';
}

// The control moves when something scrolls, the window or the control changes size, or an
// animation of the portal ends; the agent places the outline again after changes to the page.
// Nothing runs while none of that happens.
const movingEvents = ['scroll', 'resize', 'transitionend', 'animationend'] as const;
let placing = false;
let resizes: ResizeObserver | undefined;

function placeSoon(): void {
  if (!placing) {
    placing = true;
    requestAnimationFrame(place);
  }
}

function follow(element: Element): void {
  if (!resizes) {
    resizes = new ResizeObserver(placeSoon);
    for (const event of movingEvents) {
      window.addEventListener(event, placeSoon, { capture: true, passive: true });
    }
  }

  resizes.disconnect();
  resizes.observe(element);
}

function stopFollowing(): void {
  resizes?.disconnect();
  resizes = undefined;
  for (const event of movingEvents) {
    window.removeEventListener(event, placeSoon, { capture: true });
  }
}

/** Draws the outline around the control, or places it again when it is already drawn there. */
export function highlight(element: Element): void {
  if (element === target && box?.isConnected) {
    placeSoon();
    return;
  }

  target = element;
  outline();
  follow(element);
  place();
}

export function clearHighlight(): void {
  target = undefined;
  stopFollowing();
  host?.remove();
  host = undefined;
  box = undefined;
  edge = undefined;
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
