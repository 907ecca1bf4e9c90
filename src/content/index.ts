/**
 * What every matched frame runs first. It is kept small and imports nothing heavy, because the
 * portal has many frames and each loads it again: the agent (recognisers, messages, schemas) is
 * loaded only where there can be work for it. The top frame always has some, the guide. A frame
 * inside the page has some once it is shown and holds a control, a form or a list: hidden helper
 * frames and empty ones never load more than this file.
 */

/** Anything the agent reads or points at inside a frame: fields, buttons, links, lists, notices. */
const workSelector = [
  'input:not([type="hidden"])',
  'textarea',
  'button',
  '[role="button"]',
  'a[href]',
  '[role="grid"]',
  '[role="row"]',
  'table',
  '[role="radio"]',
  '[role="combobox"]',
  '[role="alert"]',
].join(',');

function mayHaveWork(): boolean {
  return (
    window.innerWidth > 0 && window.innerHeight > 0 && document.querySelector(workSelector) !== null
  );
}

function startAgent(): void {
  void import('./agent.ts').then((agent) => agent.startAgent());
}

function waitForWork(): void {
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (mayHaveWork()) {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      startAgent();
    }
  };
  // One look per batch of changes, not one per change: a frame being filled in changes a lot.
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setTimeout(check, 100);
    }
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
}

if (window === window.top || mayHaveWork()) {
  startAgent();
} else {
  waitForWork();
}
