import AxeBuilder from '@axe-core/playwright';
import type { AxeResults, NodeResult, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entraApplicationUrl, freshApplication } from '../fixtures/entra/site.ts';
import {
  fillButtonName,
  guidePanel,
  openPopup,
  type Session,
  startSession,
  storageArea,
} from './extension.ts';
import { generateKeyOnDeclaree, openCredentialsForm } from './journey.ts';

const panelHost = 'declaree-setup-guide';
const noKeyText = 'No Declaree key held yet.';
const forgetName = 'Forget the key';
// WCAG 2.2 A and AA, and axe's best practices for landmarks, headings and names.
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const blockingImpacts = new Set(['serious', 'critical']);

/**
 * Problems found in src/ and reported to its owner rather than fixed here. Each is excused only
 * on the elements that have it now, so the same problem anywhere else still fails; delete an
 * entry once src/ is fixed.
 */

let session: Session;
let declaree: Page;
let entra: Page;

beforeAll(async () => {
  session = await startSession({ entra: { generation: 'new' } });
  declaree = await session.newPage();
  await generateKeyOnDeclaree(declaree, 'com');

  // The credentials form with a key held: the panel shows its most complete state.
  entra = await session.newPage();
  await entra.goto(entraApplicationUrl('Provisioning', undefined, freshApplication()));
  await openCredentialsForm(entra, 'new');
  await guidePanel(entra).getByRole('button', { name: fillButtonName }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

function describeViolation(violation: Result, nodes: NodeResult[]): string {
  const targets = nodes.map((node) => JSON.stringify(node.target)).join(', ');
  return `${violation.id} (${violation.impact}): ${violation.help} at ${targets}`;
}

/** The serious and critical violations; the rest is printed, to be looked at, not to fail on. */
function blockingViolations(where: string, results: AxeResults): string[] {
  const blocking: string[] = [];
  for (const violation of results.violations) {
    if (blockingImpacts.has(`${violation.impact}`)) {
      blocking.push(describeViolation(violation, violation.nodes));
    } else {
      console.log(`axe, ${where}: ${describeViolation(violation, violation.nodes)}`);
    }
  }

  return blocking;
}

/** Nodes axe checked inside a shadow root: their target is a list of selectors, host first. */
function shadowNodesChecked(results: AxeResults): number {
  return results.passes
    .flatMap((rule) => rule.nodes)
    .filter((node) => Array.isArray(node.target[0]) && node.target[0][0] === panelHost).length;
}

function analysePanel(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).include(panelHost).withTags(axeTags).analyze();
}

/** WCAG's contrast ratio of two computed CSS colours, `rgb(r, g, b)` or `rgba(r, g, b, a)`. */
function contrastRatio(first: string, second: string): number {
  const luminance = (color: string) => {
    const [red = 0, green = 0, blue = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
    const linear = (channel: number) => {
      const value = channel / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
  };
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

interface TextSample {
  label: string;
  color: string;
  background: string;
  large: boolean;
}

/**
 * Every visible piece of text in the panel with its colour and the background behind it. axe
 * cannot tell the background of the panel's text ("incomplete"), because the panel's host sits
 * beside <body> rather than in it, so the test works it out itself: the nearest opaque
 * background-color among the element's ancestors, through the shadow root to the host.
 */
function panelText(page: Page): Promise<TextSample[]> {
  return page.evaluate((host) => {
    const root = document.querySelector(host)?.shadowRoot;
    const parentOf = (element: Element): Element | null =>
      element.parentElement ??
      (element.parentNode instanceof ShadowRoot ? element.parentNode.host : null);
    const backgroundOf = (element: Element): string => {
      for (let current: Element | null = element; current; current = parentOf(current)) {
        const color = getComputedStyle(current).backgroundColor;
        if (color.startsWith('rgb(')) {
          return color;
        }
      }
      return 'rgb(255, 255, 255)';
    };
    const samples: TextSample[] = [];
    for (const element of root?.querySelectorAll('*') ?? []) {
      const ownText = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent?.trim())
        .join('');
      // Disabled controls are exempt from WCAG 1.4.3.
      if (!ownText || element.closest(':disabled') || element.getClientRects().length === 0) {
        continue;
      }

      const style = getComputedStyle(element);
      const size = Number.parseFloat(style.fontSize);
      samples.push({
        label: `<${element.localName}> ${ownText.slice(0, 40)}`,
        color: style.color,
        background: backgroundOf(element),
        large: size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700),
      });
    }
    return samples;
  }, panelHost);
}

function lowContrastText(samples: TextSample[]): string[] {
  return samples
    .map((sample) => ({ ...sample, ratio: contrastRatio(sample.color, sample.background) }))
    .filter((sample) => sample.ratio < (sample.large ? 3 : 4.5))
    .map((sample) => `${sample.label}: ${sample.ratio.toFixed(2)}:1`);
}

interface Focused {
  inPanel: boolean;
  /** The tag and the accessible text of the element, for messages. */
  label: string;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  /** The background around the element, where an outline with an offset is drawn. */
  surroundings: string;
}

/** The element that has the keyboard focus, followed into open shadow roots. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate((host) => {
    let element = document.activeElement;
    const inPanel = element?.localName === host;
    while (element?.shadowRoot?.activeElement) {
      element = element.shadowRoot.activeElement;
    }

    let surroundings = 'rgb(255, 255, 255)';
    for (let current = element?.parentElement; current; current = current.parentElement) {
      const color = getComputedStyle(current).backgroundColor;
      if (color.startsWith('rgb(')) {
        surroundings = color;
        break;
      }
    }
    const style = element ? getComputedStyle(element) : undefined;
    const text = element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
    return {
      inPanel,
      label: `<${element?.localName ?? 'none'}> ${text}`.trim(),
      outlineStyle: style?.outlineStyle ?? 'none',
      outlineWidth: Number.parseFloat(style?.outlineWidth ?? '0'),
      outlineColor: style?.outlineColor ?? '',
      surroundings,
    };
  }, panelHost);
}

function outlined(focus: Focused): boolean {
  return focus.outlineStyle !== 'none' && focus.outlineWidth >= 1;
}

/**
 * An outline the eye can find: WCAG 1.4.11 asks 3:1 against what is around it. Chromium's own
 * `auto` ring is drawn in two contrasting colours for any background, so it passes as it is.
 */
function outlineContrastProblem(focus: Focused): string | undefined {
  if (focus.outlineStyle === 'auto') {
    return undefined;
  }

  const ratio = contrastRatio(focus.outlineColor, focus.surroundings);
  return ratio >= 3 ? undefined : `${focus.label}: ${ratio.toFixed(2)}:1`;
}

/**
 * Presses Tab until the focus is in the panel, then on until it leaves it, and returns what had
 * the focus in the panel. The panel is the last element of the document, so the page's own
 * controls (and its frames' controls) come first.
 */
async function tabThroughPanel(page: Page): Promise<{ presses: number; visited: Focused[] }> {
  const pressLimit = 600;
  const visited: Focused[] = [];
  let pressesToPanel = 0;
  for (let press = 1; press <= pressLimit; press += 1) {
    await page.keyboard.press('Tab');
    const focus = await focused(page);
    if (focus.inPanel) {
      pressesToPanel ||= press;
      visited.push(focus);
    } else if (visited.length > 0) {
      return { presses: pressesToPanel, visited };
    }
  }

  throw new Error(`Tab did not go through the panel in ${pressLimit} presses.`);
}

async function expectKeyboardReachesPanel(page: Page, where: string): Promise<void> {
  await page.bringToFront();
  const expected = await guidePanel(page).locator('button:enabled, input:enabled').count();
  const { presses, visited } = await tabThroughPanel(page);
  console.log(`Tab presses from the page's focus to the panel on ${where}: ${presses}`);

  expect(visited.length, visited.map((focus) => focus.label).join(' | ')).toBe(expected);
  expect(visited.filter((focus) => !outlined(focus)).map((focus) => focus.label)).toEqual([]);
  const weakOutlines = visited
    .map(outlineContrastProblem)
    .filter((problem) => problem !== undefined);
  expect(weakOutlines).toEqual([]);
}

describe('axe and contrast in the extension UI', () => {
  it('finds no serious or critical problem in the popup, with a key held', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: forgetName }).waitFor();
    const results = await new AxeBuilder({ page: popup }).withTags(axeTags).analyze();
    expect(blockingViolations('popup', results)).toEqual([]);

    // The support summary adds a switch, a text area and buttons; they are checked too.
    await popup.getByRole('button', { name: 'Support summary' }).click();
    await popup.getByRole('textbox').waitFor();
    const withSummary = await new AxeBuilder({ page: popup }).withTags(axeTags).analyze();
    expect(blockingViolations('popup with summary', withSummary)).toEqual([]);
    await popup.close();
  });

  it('finds no serious or critical problem in the guide panel on Declaree', async () => {
    const results = await analysePanel(declaree);
    expect(shadowNodesChecked(results)).toBeGreaterThan(0);
    expect(blockingViolations('panel on Declaree', results)).toEqual([]);
    expect(lowContrastText(await panelText(declaree))).toEqual([]);
  });

  it('finds no serious or critical problem in the guide panel on Entra', async () => {
    const results = await analysePanel(entra);
    expect(shadowNodesChecked(results)).toBeGreaterThan(0);
    expect(blockingViolations('panel on Entra', results)).toEqual([]);
    const samples = await panelText(entra);
    expect(samples.map((sample) => sample.label)).toContainEqual(`<button> ${fillButtonName}`);
    expect(lowContrastText(samples)).toEqual([]);
  });
});

describe('the keyboard alone', () => {
  it('reaches each control of the panel on Declaree, with a visible outline', async () => {
    await expectKeyboardReachesPanel(declaree, 'Declaree');
  });

  it('reaches each control of the panel on Entra, with a visible outline', async () => {
    await expectKeyboardReachesPanel(entra, 'Entra');
  });

  it('shows a visible outline on every control of the popup', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: forgetName }).waitFor();
    const expected = await popup.locator('button:enabled, input:enabled').count();

    // Tab from the start of the page to the last control: after it the focus leaves the page.
    const visited: Focused[] = [];
    for (let press = 0; press < 100; press += 1) {
      await popup.keyboard.press('Tab');
      const focus = await focused(popup);
      if (focus.label.startsWith('<body>') || focus.label === visited[0]?.label) {
        break;
      }
      visited.push(focus);
    }

    expect(visited.length, visited.map((focus) => focus.label).join(' | ')).toBe(expected);
    expect(visited.filter((focus) => !outlined(focus)).map((focus) => focus.label)).toEqual([]);
    expect(visited.map(outlineContrastProblem).filter(Boolean)).toEqual([]);
    await popup.close();
  });

  it('forgets the key from the popup: Tab to "Forget the key", Enter', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: forgetName }).waitFor();

    let focus = await focused(popup);
    for (let press = 0; press < 30 && !focus.label.endsWith(forgetName); press += 1) {
      await popup.keyboard.press('Tab');
      focus = await focused(popup);
    }
    expect(focus.label).toBe(`<button> ${forgetName}`);
    expect(outlined(focus), `outline ${focus.outlineStyle} ${focus.outlineWidth}px`).toBe(true);

    await popup.keyboard.press('Enter');
    await popup.getByText(noKeyText).waitFor();
    expect(await popup.getByRole('button', { name: forgetName }).count()).toBe(0);
    expect((await storageArea(session, 'session')).vault).toBeUndefined();
  });
});
