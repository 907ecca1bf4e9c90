/**
 * Attribute mappings of the users object: classic ("Attribute Mapping" table under Mappings) and
 * new experience ("Source Attribute" / "Target Attribute" list). Declaree logs users in by e-mail,
 * so the userName target must come from mail, not from the default userPrincipalName.
 */
export interface UserNameMapping {
  source: string;
  row: HTMLElement;
}

function cellsOf(row: Element): string[] {
  const cells = row.querySelectorAll(
    '[role="gridcell"], [role="cell"], [role="rowheader"], td, th',
  );
  return [...cells].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** The row whose target is userName, and the source attribute shown before it. */
export function findUserNameMapping(root: Document): UserNameMapping | undefined {
  for (const row of root.querySelectorAll<HTMLElement>('[role="row"], tr')) {
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
  return /^mail$/i.test(mapping.source.trim());
}
