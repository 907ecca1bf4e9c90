import { describe, expect, it } from 'vitest';
import type { ControlId } from '../pages/controls.ts';
import { chooseTarget } from './targets.ts';

function shown(...frames: (readonly ControlId[])[]): Map<number, readonly ControlId[]> {
  return new Map(frames.map((controls, frameId) => [frameId, controls]));
}

describe('chooseTarget for userName from mail', () => {
  it('points at the menu entry until the mapping list is open', () => {
    expect(chooseTarget('entra-mappings', shown([], ['entra-mappings']))).toEqual({
      frameId: 1,
      control: 'entra-mappings',
    });
  });

  it('points at the userName row in the frame that shows the list, not at the menu entry', () => {
    const frames = shown([], ['entra-mappings', 'entra-username-source']);
    expect(chooseTarget('entra-mappings', frames)).toEqual({
      frameId: 1,
      control: 'entra-username-source',
    });
  });

  it('points into the open editor first, where the classic list stays visible beside it', () => {
    const classic = shown([
      'entra-mappings',
      'entra-username-source',
      'entra-username-source-field',
    ]);
    expect(chooseTarget('entra-mappings', classic)?.control).toBe('entra-username-source-field');
    const chosen = shown(['entra-mappings', 'entra-username-source', 'entra-username-ok']);
    expect(chooseTarget('entra-mappings', chosen)?.control).toBe('entra-username-ok');
  });

  it('points at Save while the change is not stored', () => {
    const frames = shown(['entra-mappings', 'entra-mapping-save']);
    expect(chooseTarget('entra-mappings', frames)?.control).toBe('entra-mapping-save');
  });
});
