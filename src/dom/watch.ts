/**
 * Watching a page cheaply: mutations are not handled one by one but collected, and the callback
 * runs at most once per quiet period. Hash changes and clicks count as changes too, since the
 * portal changes views by changing the hash and re-rendering.
 */
export interface Watch {
  /** Asks for a run soon, as if the page had changed. */
  poke(): void;
  stop(): void;
}

export function watchPage(onChange: () => void, delayMs = 60): Watch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        onChange();
      }, delayMs);
    }
  };

  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-selected', 'aria-hidden', 'class', 'disabled', 'hidden', 'value'],
  });
  const events = ['hashchange', 'popstate', 'click', 'input'] as const;
  for (const event of events) {
    window.addEventListener(event, schedule, true);
  }

  return {
    poke: schedule,
    stop() {
      observer.disconnect();
      for (const event of events) {
        window.removeEventListener(event, schedule, true);
      }

      clearTimeout(timer);
    },
  };
}
