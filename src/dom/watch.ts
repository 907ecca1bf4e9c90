/**
 * Watching a page cheaply: mutations are not handled one by one but collected, and the callback
 * runs at most once per short period. Hash changes, clicks and typing count as changes too, since
 * the portal changes views by changing the hash and re-rendering.
 *
 * A page that keeps changing without anything new for the extension (a list redrawn every tenth
 * of a second, a clock) is looked at less and less often, down to twice a second. The first
 * change after a quiet while, anything the admin does, and a look that finds something new bring
 * back the quick pace.
 */
export interface Watch {
  /** Asks for a run soon, as if the page had changed. */
  poke(): void;
  stop(): void;
}

const quickMs = 60;
const slowestMs = 500;

/** `look` answers whether it found anything new; that keeps the quick pace. */
export function watchPage(look: () => boolean): Watch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delayMs = quickMs;
  let lastRun = Number.NEGATIVE_INFINITY;
  let stopped = false;

  // Once a look is due, further changes add nothing: the observer is let go until the look has
  // run, so that a page redrawn many times in between does not make the browser record each time.
  const observer = new MutationObserver(() => schedule());
  const observe = () =>
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-selected', 'aria-hidden', 'class', 'disabled', 'hidden', 'value'],
    });

  const run = () => {
    timer = undefined;
    lastRun = performance.now();
    try {
      const foundNews = look();
      delayMs = foundNews ? quickMs : Math.min(delayMs * 2, slowestMs);
    } finally {
      // Watching goes on even when a look failed on an odd page.
      if (!stopped && timer === undefined) {
        observe();
      }
    }
  };
  const schedule = () => {
    // The first change after a quiet while is answered at the quick pace.
    if (performance.now() - lastRun > slowestMs) {
      delayMs = quickMs;
    }

    if (timer === undefined) {
      observer.disconnect();
      timer = setTimeout(run, delayMs);
    }
  };
  const scheduleQuickly = () => {
    delayMs = quickMs;
    clearTimeout(timer);
    timer = undefined;
    schedule();
  };

  observe();
  const events = ['hashchange', 'popstate', 'click', 'input'] as const;
  for (const event of events) {
    window.addEventListener(event, scheduleQuickly, true);
  }

  return {
    poke: scheduleQuickly,
    stop() {
      stopped = true;
      observer.disconnect();
      for (const event of events) {
        window.removeEventListener(event, scheduleQuickly, true);
      }

      clearTimeout(timer);
    },
  };
}
