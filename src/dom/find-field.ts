/**
 * Finding a form field by the label people see, in any of the ways portals tie (or fail to tie)
 * a label to its input: aria-labelledby, a <label>, aria-label, or a label drawn beside the input
 * with nothing linking the two (the newer Entra blades do this).
 */
import { textIsOneOf, visibleText } from './text.ts';

const fillableTypes = new Set(['', 'text', 'url', 'password', 'email']);

/** Never a search box: the portal's top-bar search is an input too, and often the first one. */
export function isSearchInput(input: HTMLInputElement): boolean {
  if (input.type === 'search') {
    return true;
  }

  const role = input.getAttribute('role');
  if (role === 'searchbox' || role === 'combobox') {
    return true;
  }

  if (input.closest('[role="search"], [role="banner"], header')) {
    return true;
  }

  const placeholder = input.placeholder.toLocaleLowerCase();
  return /\bsearch|suche|durchsuchen|zoeken/.test(placeholder);
}

/**
 * Only a field the admin can see: a hidden input labelled like the real one, put there by a page
 * script or left in a template, must not take the fill, nor hide the real form from the search.
 */
function isShown(input: HTMLInputElement): boolean {
  return typeof input.checkVisibility === 'function'
    ? input.checkVisibility({ visibilityProperty: true })
    : input.getClientRects().length > 0;
}

export function isFillable(input: HTMLInputElement): boolean {
  return (
    fillableTypes.has(input.type) &&
    !input.disabled &&
    !input.readOnly &&
    input.isConnected &&
    !isSearchInput(input) &&
    isShown(input)
  );
}

function labelledByText(input: HTMLInputElement): string {
  const ids = input.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  return ids
    .map((id) => input.ownerDocument.getElementById(id))
    .filter((element) => element !== null)
    .map((element) => visibleText(element))
    .join(' ');
}

function declaredLabels(input: HTMLInputElement): string[] {
  const labels = [...(input.labels ?? [])].map((label) => visibleText(label));
  return [
    labelledByText(input),
    ...labels,
    input.getAttribute('aria-label') ?? '',
    input.placeholder,
  ].filter((text) => text !== '');
}

/** Elements whose own text is the label: the innermost ones, not every ancestor. */
function elementsShowing(root: ParentNode, phrases: readonly string[]): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('label, span, div, p, dt, th, legend, h3, h4')) {
    if (element.closest('[role="search"], [role="banner"], header')) {
      continue;
    }

    if (textIsOneOf(visibleText(element), phrases)) {
      const innermost = ![...element.children].some((child) =>
        textIsOneOf(visibleText(child), phrases),
      );
      if (innermost) {
        found.push(element);
      }
    }
  }

  return found;
}

/** The first fillable input after the label, inside the nearest container that has one. */
function inputAfter(label: Element): HTMLInputElement | undefined {
  let container: Element | null = label.parentElement;
  for (let depth = 0; container && depth < 4; depth += 1) {
    const inputs = [...container.querySelectorAll('input')].filter(
      (input) =>
        isFillable(input) &&
        label.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (inputs.length > 0) {
      return inputs[0];
    }

    container = container.parentElement;
  }

  return undefined;
}

export function findFieldByLabel(
  root: Document,
  phrases: readonly string[],
): HTMLInputElement | undefined {
  const inputs = [...root.querySelectorAll('input')].filter(isFillable);
  const declared = inputs.find((input) =>
    declaredLabels(input).some((text) => textIsOneOf(text, phrases)),
  );
  if (declared) {
    return declared;
  }

  for (const label of elementsShowing(root, phrases)) {
    const input = inputAfter(label);
    if (input) {
      return input;
    }
  }

  return undefined;
}
