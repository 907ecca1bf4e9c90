import { describe, expect, it } from 'vitest';
import type { FrameReport } from '../shared/messages.ts';
import { checkGroups } from './group-check.ts';

function listing(
  context: 'assigned' | 'search' | 'directory',
  entries: Array<{ name: string; detail?: string; position?: number }>,
  total?: number,
): FrameReport {
  return {
    page: null,
    credentialsForm: false,
    doneSteps: [],
    groups: { context, entries, ...(total !== undefined ? { total } : {}) },
  };
}

describe('checkGroups', () => {
  it('finds two groups of one name in a list, told apart by their place in it', () => {
    const check = checkGroups(
      [
        {
          frameId: 1,
          report: listing(
            'assigned',
            [
              { name: 'Finance', position: 5 },
              { name: 'Sales', position: 6 },
              { name: 'finance', position: 300 },
            ],
            412,
          ),
        },
      ],
      undefined,
    );
    expect(check).toMatchObject({ checked: 3, total: 412 });
    expect(check?.collisions).toEqual([
      { kind: 'same-name', groups: [{ name: 'Finance' }, { name: 'finance' }] },
    ]);
  });

  it('takes a row seen twice while scrolling as one group', () => {
    const check = checkGroups(
      [
        {
          frameId: 1,
          report: listing('assigned', [
            { name: 'Finance', position: 5 },
            { name: 'Finance', position: 5 },
          ]),
        },
      ],
      undefined,
    );
    expect(check).toMatchObject({ checked: 1, collisions: [] });
  });

  it('takes a searched group that is also assigned as the same group', () => {
    const check = checkGroups(
      [
        { frameId: 1, report: listing('assigned', [{ name: 'Finance', position: 1 }]) },
        { frameId: 2, report: listing('search', [{ name: 'Finance', detail: 'finance@contoso' }]) },
      ],
      undefined,
    );
    expect(check?.collisions).toEqual([]);
  });

  it('names two search results of one name with what tells them apart', () => {
    const check = checkGroups(
      [
        {
          frameId: 2,
          report: listing('search', [
            { name: 'Finance', detail: 'Finance department' },
            { name: 'Finance', detail: 'Finance team (EMEA)' },
          ]),
        },
      ],
      undefined,
    );
    expect(check?.collisions).toEqual([
      {
        kind: 'same-name',
        groups: [
          { name: 'Finance', detail: 'Finance department' },
          { name: 'Finance', detail: 'Finance team (EMEA)' },
        ],
      },
    ]);
  });

  it('warns about a group that Declaree already has under another spelling, not the same one', () => {
    const reports = [
      {
        frameId: 1,
        report: listing('assigned', [
          { name: 'Finance', position: 1 },
          { name: 'Sales', position: 2 },
        ]),
      },
    ];
    const check = checkGroups(reports, { names: ['FINANCE', 'Sales', 'Board'] });
    expect(check?.collisions).toEqual([
      { kind: 'declaree', groups: [{ name: 'Finance' }, { name: 'FINANCE' }] },
    ]);
  });

  it("reports Declaree's failure and still checks the page", () => {
    const check = checkGroups(
      [
        {
          frameId: 1,
          report: listing('assigned', [
            { name: 'A', position: 1 },
            { name: 'a', position: 2 },
          ]),
        },
      ],
      { problem: 'refused' },
    );
    expect(check?.declareeProblem).toBe('refused');
    expect(check?.collisions).toHaveLength(1);
  });
});
