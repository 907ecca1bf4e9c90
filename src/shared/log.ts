/**
 * The one way the extension writes to the console. Silent unless diagnostics are switched on, and
 * it takes only an area and a sentence with counts or names of things, never a value from a page
 * or the key: callers pass no free-form data.
 */
let enabled = false;

export function setDiagnostics(on: boolean): void {
  enabled = on;
}

export function logInfo(area: string, sentence: string): void {
  if (enabled) {
    // biome-ignore lint/suspicious/noConsole: this module is the single place that logs.
    console.info(`Declaree setup assistant: ${area}: ${sentence}`);
  }
}

/** Problems are written even with diagnostics off, once per call site, without any value. */
export function logProblem(area: string, sentence: string): void {
  // biome-ignore lint/suspicious/noConsole: this module is the single place that logs.
  console.warn(`Declaree setup assistant: ${area}: ${sentence}`);
}
