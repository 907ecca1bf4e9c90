/**
 * Groups as Entra lists them: an application's Users and groups, the Add Assignment picker's
 * search results, and the Groups list. All are grids (Fluent DetailsList or Knockout grids) with
 * column headers; the columns are found by their header words, rows by role, and only rows whose
 * object type is Group count (a user named like a group is not a group).
 */
import { normaliseText } from '../dom/text.ts';

export interface GroupRow {
  name: string;
  /** Something that tells groups of one name apart: e-mail, description or object id. */
  detail?: string;
  /** The row's place in the whole list (aria-rowindex), which tells two equal names apart. */
  position?: number;
  element: HTMLElement;
}

export interface GroupList {
  rows: GroupRow[];
  /** A list of groups only, such as Entra's Groups list: its rows carry no object type. */
  groupsOnly: boolean;
  /** How many entries the page says the list has, where it says so. */
  total?: number;
}

const headerWords = {
  name: ['display name', 'name', 'anzeigename'],
  type: ['object type', 'type', 'objekttyp', 'typ'],
  detail: ['email', 'e-mail', 'mail', 'object id', 'objekt-id', 'description', 'beschreibung'],
  groupType: ['group type', 'gruppentyp'],
} as const;

const groupTypeWords = ['group', 'gruppe'];
const totalPattern =
  /^(\d[\d.,]*)\s+(users and groups|groups?|items|results|benutzer und gruppen|gruppen?|elemente|ergebnisse)(\s+found|\s+gefunden)?$/i;

function leafTexts(cell: Element): string[] {
  const texts: string[] = [];
  const walker = cell.ownerDocument.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) {
      texts.push(text);
    }
  }

  return texts;
}

function columnIndex(headers: string[], words: readonly string[]): number {
  return headers.findIndex((header) => words.includes(header));
}

/** A row's cells lined up with the header: by aria-colindex where the grid states it. */
function cellsOf(row: Element, width: number): Array<Element | undefined> {
  const cells = [
    ...row.querySelectorAll('[role="gridcell"], [role="cell"], [role="rowheader"], td'),
  ];
  const indexed = cells.filter((cell) => cell.hasAttribute('aria-colindex'));
  if (indexed.length === cells.length && cells.length > 0) {
    const lined: Array<Element | undefined> = new Array(width);
    for (const cell of indexed) {
      lined[Number(cell.getAttribute('aria-colindex')) - 1] = cell;
    }

    return lined;
  }

  // Without indexes, a leading selection cell makes the row one cell wider than the header.
  return cells.length > width ? cells.slice(cells.length - width) : cells;
}

function totalIn(element: Element): number | undefined {
  const leaves = [element, ...element.querySelectorAll('span, div, p')];
  for (const leaf of leaves) {
    if (leaf.children.length === 0 && leaf.matches('span, div, p')) {
      const match = totalPattern.exec((leaf.textContent ?? '').trim());
      if (match?.[1]) {
        return Number(match[1].replace(/[.,]/g, ''));
      }
    }
  }

  return undefined;
}

/**
 * The total the page shows beside the list, up to four levels around it. The list itself is not
 * read again for it: its rows are most of the frame, and they are read on every look.
 */
function totalNear(grid: Element): number | undefined {
  let inner: Element = grid;
  let scope: Element | null = grid.parentElement;
  for (let depth = 0; scope && depth < 4; depth += 1) {
    for (const child of scope.children) {
      const total = child === inner ? undefined : totalIn(child);
      if (total !== undefined) {
        return total;
      }
    }

    inner = scope;
    scope = scope.parentElement;
  }

  return undefined;
}

function readGrid(grid: Element, allGroups: boolean): GroupList | undefined {
  const headerCells = [...grid.querySelectorAll('[role="columnheader"], th')];
  const headers = headerCells.map((cell) => normaliseText(leafTexts(cell).join(' ')));
  const nameColumn = columnIndex(headers, headerWords.name);
  const typeColumn = columnIndex(headers, headerWords.type);
  const isGroupsList = allGroups || columnIndex(headers, headerWords.groupType) >= 0;
  if (nameColumn < 0 || (typeColumn < 0 && !isGroupsList)) {
    return undefined;
  }

  const detailColumns = headerWords.detail
    .map((word) => headers.indexOf(word))
    .filter((index) => index >= 0);
  const rows: GroupRow[] = [];
  for (const row of grid.querySelectorAll<HTMLElement>('[role="row"], tr')) {
    if (row.querySelector('[role="columnheader"], th')) {
      continue;
    }

    const cells = cellsOf(row, headers.length);
    const type = cells[typeColumn] ? normaliseText(leafTexts(cells[typeColumn]).join(' ')) : '';
    if (!isGroupsList && !groupTypeWords.includes(type)) {
      continue;
    }

    const [name, ...rest] = cells[nameColumn] ? leafTexts(cells[nameColumn]) : [];
    if (name === undefined) {
      continue;
    }

    const details = [
      ...rest,
      ...detailColumns.map((index) => {
        const cell = cells[index];
        return cell ? leafTexts(cell).join(' ') : '';
      }),
    ];
    const detail = details.find((text) => text.trim() !== '');
    const position = Number(row.getAttribute('aria-rowindex')) || undefined;
    rows.push({
      name,
      ...(detail ? { detail } : {}),
      ...(position ? { position } : {}),
      element: row,
    });
  }

  const total = totalNear(grid);
  return { rows, groupsOnly: isGroupsList, ...(total !== undefined ? { total } : {}) };
}

/**
 * The groups the frame's lists show now. `allGroups` is for pages that list groups only, such as
 * Entra's Groups list, whose rows carry no object type.
 */
export function readGroupLists(root: Document, allGroups = false): GroupList[] {
  // Cheap gate: no column headers, no list.
  if (!root.querySelector('[role="columnheader"], th')) {
    return [];
  }

  const grids = root.querySelectorAll('[role="grid"], [role="treegrid"], [role="table"], table');
  return [...grids]
    .filter((grid) => !grid.parentElement?.closest('[role="grid"], [role="table"], table'))
    .map((grid) => readGrid(grid, allGroups))
    .filter((list) => list !== undefined);
}
