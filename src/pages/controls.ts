/**
 * Every control the guide points at, found by its role and its visible words in each language and
 * UI generation, never by generated ids or position. One registry, so that when a page changes
 * its words, one entry changes.
 */
import { findFieldByLabel } from '../dom/find-field.ts';
import { normaliseText } from '../dom/text.ts';
import type { ControlId } from './control-ids.ts';
import {
  findMappingSave,
  findUserNameEditorOk,
  findUserNameSourceField,
  findUserNameSourceOpener,
} from './entra-mappings.ts';
import { declareeLabels, entraLabels } from './labels.ts';

interface ControlSpec {
  /** CSS for the elements that can be this control: its roles. */
  selector: string;
  /** A text field, found by its label instead; it counts only while it is still empty. */
  emptyFieldLabels?: readonly string[];
  /** A radio button that counts only while it is not chosen. */
  uncheckedOnly?: boolean;
  /** Accessible names it may have (matched whole, case-insensitively). */
  names?: readonly string[];
  /** Parts of the name it may have, for long names that vary around a stable phrase. */
  nameParts?: readonly string[];
  /**
   * A control known by where it stands, not by its words (a row's cell, a panel's button); what it
   * finds still has to match the selector.
   */
  find?: (root: Document) => HTMLElement | undefined;
}

const clickable =
  'button, [role="button"], a[href], [role="link"], [role="menuitem"], [role="tab"], ' +
  '[role="treeitem"], input[type="button"], input[type="submit"]';

export const controlSpecs = {
  // The admin's name in the top-right corner opens the account menu; the name itself is unknown,
  // so the control is the header's menu button.
  'declaree-account-menu': {
    selector:
      'header [aria-haspopup="true"], header [aria-haspopup="menu"], ' +
      '[role="banner"] [aria-haspopup="true"], [role="banner"] [aria-haspopup="menu"]',
  },
  'declaree-my-account': { selector: clickable, names: declareeLabels.myAccount },
  'declaree-api-tab': { selector: clickable, names: declareeLabels.apiTab },
  'declaree-generate-key': { selector: clickable, names: declareeLabels.generateKey },
  'entra-enterprise-apps': {
    selector: clickable,
    names: ['Enterprise applications', 'Unternehmensanwendungen'],
  },
  'entra-new-application': { selector: clickable, names: ['New application', 'Neue Anwendung'] },
  // An application already in the list (made for single sign-on, say): the other branch.
  'entra-existing-declaree-app': {
    selector: 'td a[href], [role="gridcell"] a[href], [role="row"] a[href]',
    nameParts: ['declaree'],
  },
  'entra-app-name': {
    selector: 'input',
    emptyFieldLabels: ["What's the name of your app?", 'Wie lautet der Name Ihrer App?'],
  },
  'entra-create-own-app': {
    selector: clickable,
    names: ['Create your own application', 'Eigene Anwendung erstellen'],
  },
  'entra-non-gallery': {
    selector: 'input[type="radio"], [role="radio"]',
    uncheckedOnly: true,
    nameParts: [
      '(Non-gallery)',
      'Nicht-Katalog',
      "you don't find in the gallery",
      'nicht im Katalog',
    ],
  },
  'entra-provisioning-menu': { selector: clickable, names: entraLabels.provisioning },
  'entra-get-started': { selector: clickable, names: ['Get started', 'Erste Schritte'] },
  'entra-connect-application': {
    selector: clickable,
    names: ['Connect your application', 'Anwendung verbinden'],
  },
  'entra-new-configuration': {
    selector: clickable,
    names: ['New configuration', '+ New configuration', 'Neue Konfiguration'],
  },
  'entra-edit-provisioning': {
    selector: clickable,
    names: ['Edit provisioning', 'Bereitstellung bearbeiten'],
  },
  'entra-mode': {
    selector: '[role="combobox"], [role="listbox"], select',
    names: ['Provisioning Mode', 'Bereitstellungsmodus'],
  },
  'entra-test-connection': { selector: clickable, names: entraLabels.testConnection },
  'entra-save': { selector: clickable, names: ['Save', 'Speichern'] },
  'entra-create': { selector: clickable, names: ['Create', 'Erstellen'] },
  // The userName mapping, from the list to the saved change: the row's source, the editor's
  // source drop-down, its Ok, and the list's Save while the change is not stored yet.
  'entra-username-source': { selector: clickable, find: findUserNameSourceOpener },
  'entra-username-source-field': { selector: '[role="combobox"]', find: findUserNameSourceField },
  'entra-username-ok': { selector: clickable, find: findUserNameEditorOk },
  'entra-mapping-save': { selector: clickable, find: findMappingSave },
  'entra-mappings': {
    selector: clickable,
    names: ['Mappings', 'Zuordnungen', 'Attribute mapping', 'Attributzuordnung'],
  },
  'entra-start-provisioning': {
    selector: clickable,
    names: ['Start provisioning', 'Bereitstellung starten'],
  },
  'entra-users-groups-menu': {
    selector: clickable,
    names: ['Users and groups', 'Benutzer und Gruppen'],
  },
  'entra-add-user-group': {
    selector: clickable,
    names: ['Add user/group', '+ Add user/group', 'Benutzer/Gruppe hinzufügen'],
  },
  'entra-provisioning-logs': {
    selector: clickable,
    names: ['Provisioning logs', 'View provisioning logs', 'Bereitstellungsprotokolle'],
  },
} as const satisfies Record<ControlId, ControlSpec>;

export { type ControlId, controlIds } from './control-ids.ts';

/** The name a person hears for an element: its aria-label, else its text, else its value. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) {
    return label;
  }

  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (text.trim()) {
      return text;
    }
  }

  if (element instanceof HTMLInputElement) {
    const label = [...(element.labels ?? [])].map((item) => item.textContent ?? '').join(' ');
    return label || (element.type === 'radio' ? '' : element.value);
  }

  return element.textContent ?? '';
}

function isShown(element: Element): boolean {
  return element.getClientRects().length > 0 && !element.closest('[aria-hidden="true"], [hidden]');
}

/** A name as compared: tidied, and without the "+" that some buttons put before it. */
function comparableName(text: string): string {
  return normaliseText(text).replace(/^\+\s*/, '');
}

/** The specs' words, tidied once rather than for every element they are compared with. */
const specWords = new WeakMap<ControlSpec, { names: Set<string>; parts: string[] }>();

function wordsOf(spec: ControlSpec): { names: Set<string>; parts: string[] } {
  let words = specWords.get(spec);
  if (!words) {
    words = {
      names: new Set(spec.names?.map(comparableName)),
      parts: spec.nameParts?.map((part) => normaliseText(part)) ?? [],
    };
    specWords.set(spec, words);
  }

  return words;
}

/**
 * While one look at the page runs, the page stands still: the elements a selector finds and the
 * names they carry are worked out once for all the controls looked for.
 */
interface LookCache {
  candidates: Map<string, HTMLElement[]>;
  names: WeakMap<Element, string>;
}

let lookCache: LookCache | undefined;

/** Runs `look`, a reading of the page that changes nothing, with the cache above. */
export function duringOneLook<Result>(look: () => Result): Result {
  const outer = lookCache;
  lookCache ??= { candidates: new Map(), names: new WeakMap() };
  try {
    return look();
  } finally {
    lookCache = outer;
  }
}

function candidatesOf(root: Document, selector: string): HTMLElement[] {
  const cached = lookCache?.candidates.get(selector);
  if (cached) {
    return cached;
  }

  const found = [...root.querySelectorAll<HTMLElement>(selector)];
  lookCache?.candidates.set(selector, found);
  return found;
}

function nameOf(element: Element): string {
  let name = lookCache?.names.get(element);
  if (name === undefined) {
    name = comparableName(accessibleName(element));
    lookCache?.names.set(element, name);
  }

  return name;
}

function matches(spec: ControlSpec, element: Element): boolean {
  if (!spec.names && !spec.nameParts) {
    return true;
  }

  const name = nameOf(element);
  if (name === '') {
    return false;
  }

  const words = wordsOf(spec);
  return words.names.has(name) || words.parts.some((part) => name.includes(part));
}

function isChosen(element: Element): boolean {
  return element instanceof HTMLInputElement
    ? element.checked
    : element.getAttribute('aria-checked') === 'true';
}

const navigation = 'nav, [role="navigation"]';

/**
 * The control in this document, if it is shown; the innermost match when several nest. The same
 * words in the page's body win over a menu entry, which only leads to a page (the new experience's
 * "Start provisioning" is both a menu entry and the button on the page it opens).
 */
export function findControl(root: Document, id: ControlId): HTMLElement | undefined {
  const spec: ControlSpec = controlSpecs[id];
  if (spec.find) {
    const found = spec.find(root);
    return found?.matches(spec.selector) && isShown(found) ? found : undefined;
  }

  if (spec.emptyFieldLabels) {
    const field = findFieldByLabel(root, spec.emptyFieldLabels);
    return field && field.value === '' && isShown(field) ? field : undefined;
  }

  const found = candidatesOf(root, spec.selector).filter(
    (element) =>
      matches(spec, element) && isShown(element) && !(spec.uncheckedOnly && isChosen(element)),
  );

  const innermost = found.filter(
    (element) => !found.some((other) => other !== element && element.contains(other)),
  );
  return innermost.find((element) => !element.closest(navigation)) ?? innermost[0];
}

/** Which of the given controls this document shows. */
export function controlsShown(root: Document, ids: readonly ControlId[]): ControlId[] {
  return ids.filter((id) => findControl(root, id) !== undefined);
}
