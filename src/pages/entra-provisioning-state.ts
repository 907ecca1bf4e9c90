/**
 * What the provisioning overview and logs say about running provisioning: the quarantine banner,
 * the current cycle's status, and the error codes shown on the logs page.
 */
import { isKnownErrorCode } from '../journey/log-errors.ts';

export type CycleStatus = 'not-run' | 'in-progress' | 'completed' | 'stopped';

const cyclePhrases: Array<[RegExp, CycleStatus]> = [
  [/^initial cycle not run\.?$/i, 'not-run'],
  [/^(initial|incremental) cycle in progress\.?$/i, 'in-progress'],
  [/^(initial|incremental) cycle completed\.?$/i, 'completed'],
  [/^provisioning is stopped\.?$/i, 'stopped'],
];

function leafTexts(root: Document): string[] {
  const texts: string[] = [];
  for (const element of root.querySelectorAll('span, div, p, td, [role="gridcell"]')) {
    if (element.children.length === 0) {
      const text = (element.textContent ?? '').trim();
      if (text) {
        texts.push(text);
      }
    }
  }

  return texts;
}

export function isQuarantined(root: Document): boolean {
  return [...root.querySelectorAll('[role="status"], [role="alert"], .fxs-messagebar')].some(
    (element) => /quarantin|quarantäne/i.test(element.textContent ?? ''),
  );
}

export function cycleStatusShown(root: Document): CycleStatus | undefined {
  for (const text of leafTexts(root)) {
    for (const [pattern, status] of cyclePhrases) {
      if (pattern.test(text)) {
        return status;
      }
    }
  }

  return undefined;
}

/** Error codes the page shows: in the log list, or in an open log entry's details. */
export function errorCodesShown(root: Document): string[] {
  return leafTexts(root)
    .flatMap((text) => text.split(/[\s:,]+/))
    .filter((word) => isKnownErrorCode(word));
}
