/**
 * Attribute mappings of the users object: classic ("Attribute Mapping" table under Mappings) and
 * new experience ("Source Attribute" / "Target Attribute" list). Declaree logs users in by e-mail,
 * so the userName target must come from mail, not from the default userPrincipalName.
 */
import { textIsOneOf } from '../dom/text.ts';

export interface UserNameMapping {
  source: string;
  row: HTMLElement;
}

const mappingWords = {
  sourceAttribute: ['Source attribute', 'Quellattribut'],
  targetAttribute: ['Target attribute', 'Zielattribut'],
  // Matched without regard to case: the classic blade writes "Ok".
  ok: ['OK'],
  save: ['Save', 'Speichern'],
  discard: ['Discard', 'Verwerfen'],
} as const;

const buttons = 'button, [role="button"], a[href], [role="link"]';

function cellsOf(row: Element): string[] {
  const cells = row.querySelectorAll(
    '[role="gridcell"], [role="cell"], [role="rowheader"], td, th',
  );
  return [...cells].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** The row whose target is userName, and the source attribute shown before it. */
export function findUserNameMapping(root: Document): UserNameMapping | undefined {
  for (const row of root.querySelectorAll<HTMLElement>('[role="row"], tr')) {
    // Most rows of most lists are not it; their text says so more cheaply than their cells.
    if (!row.textContent?.includes('userName')) {
      continue;
    }

    const cells = cellsOf(row);
    const target = cells.indexOf('userName');
    const source = cells[target - 1];
    if (target > 0 && source) {
      return { source, row };
    }
  }

  return undefined;
}

export function userNameComesFromMail(mapping: UserNameMapping): boolean {
  return isMail(mapping.source);
}

function isMail(text: string): boolean {
  return /^mail$/i.test(text.trim());
}

function isEnabled(element: Element): boolean {
  return (
    !(element as HTMLButtonElement).disabled && element.getAttribute('aria-disabled') !== 'true'
  );
}

/** The first button in the element whose name is one of the words. */
function buttonNamed(container: Element, words: readonly string[]): HTMLElement | undefined {
  return [...container.querySelectorAll<HTMLElement>(buttons)].find((button) =>
    textIsOneOf(button.getAttribute('aria-label') ?? button.textContent, words),
  );
}

/**
 * The Save and Discard buttons that belong to the mapping list holding this row: those of the
 * nearest enclosing block that has them, so that the Save of another blade beside it (the classic
 * provisioning form stays open next to the mapping) is never taken for the mapping's own.
 */
function commandsOf(row: Element): { save?: HTMLElement; discard?: HTMLElement } {
  for (let block = row.parentElement; block; block = block.parentElement) {
    const save = buttonNamed(block, mappingWords.save);
    const discard = buttonNamed(block, mappingWords.discard);
    if (save || discard) {
      return { ...(save ? { save } : {}), ...(discard ? { discard } : {}) };
    }
  }

  return {};
}

/**
 * An edit made with "Ok" changes only the list until Save stores it, and Entra goes on sending
 * userPrincipalName if the admin leaves without saving. Discard is offered only while there is
 * something to discard, in both generations.
 */
export function hasUnsavedChanges(mapping: UserNameMapping): boolean {
  const { discard } = commandsOf(mapping.row);
  return discard !== undefined && isEnabled(discard);
}

/** The Save that stores the mapping, while it has changes to store. */
export function findMappingSave(root: Document): HTMLElement | undefined {
  const mapping = findUserNameMapping(root);
  if (!mapping || !hasUnsavedChanges(mapping)) {
    return undefined;
  }

  const { save } = commandsOf(mapping.row);
  return save && isEnabled(save) ? save : undefined;
}

/** What opens the userName row's editor, the source shown in it, while that is not mail. */
export function findUserNameSourceOpener(root: Document): HTMLElement | undefined {
  const mapping = findUserNameMapping(root);
  if (!mapping || userNameComesFromMail(mapping)) {
    return undefined;
  }

  return [...mapping.row.querySelectorAll<HTMLElement>(buttons)].find(
    (element) => (element.textContent ?? '').trim() === mapping.source,
  );
}

/** What a drop-down shows as chosen: its text without icons and other hidden marks. */
function chosenText(combobox: Element): string {
  const walker = combobox.ownerDocument.createTreeWalker(combobox, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('[aria-hidden="true"]')) {
      text += node.textContent ?? '';
    }
  }

  return text.replace(/\s+/g, ' ').trim();
}

/** A drop-down's label: what aria-labelledby names outside the drop-down itself. */
function labelOf(combobox: Element): string {
  const ids = combobox.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  const labels = ids
    .map((id) => combobox.ownerDocument.getElementById(id))
    .filter((element) => element !== null && !combobox.contains(element))
    .map((element) => element?.textContent ?? '');
  return labels.join(' ') || (combobox.getAttribute('aria-label') ?? '');
}

function comboboxLabelled(root: Document, words: readonly string[]): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('[role="combobox"]')].find(
    (combobox) => textIsOneOf(labelOf(combobox), words) && combobox.getClientRects().length > 0,
  );
}

/**
 * The editor of the userName row ("Edit Attribute" blade, or the new experience's "Edit
 * attribute" panel): its source drop-down, and its Ok button. An editor of another row is not it.
 */
function userNameEditor(root: Document): { source: HTMLElement; ok?: HTMLElement } | undefined {
  const target = comboboxLabelled(root, mappingWords.targetAttribute);
  const source = comboboxLabelled(root, mappingWords.sourceAttribute);
  if (!target || !source || chosenText(target) !== 'userName') {
    return undefined;
  }

  for (let block = source.parentElement; block; block = block.parentElement) {
    const ok = buttonNamed(block, mappingWords.ok);
    if (ok) {
      return { source, ok };
    }
  }

  return { source };
}

/** The userName editor's source drop-down, while it does not say mail. */
export function findUserNameSourceField(root: Document): HTMLElement | undefined {
  const editor = userNameEditor(root);
  return editor && !isMail(chosenText(editor.source)) ? editor.source : undefined;
}

/** The userName editor's Ok, once mail is chosen in it. */
export function findUserNameEditorOk(root: Document): HTMLElement | undefined {
  const editor = userNameEditor(root);
  return editor && isMail(chosenText(editor.source)) ? editor.ok : undefined;
}
