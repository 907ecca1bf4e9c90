import { describe, expect, it } from 'vitest';
import type { TabStatus } from '../shared/messages.ts';
import { guidanceFor } from './guidance.ts';

const noKey = { held: false } as const;
const deKey = { held: true, instance: 'de' } as const;

function messagesOf(status: TabStatus): string[] {
  return guidanceFor(status).lines.map((line) => line.message);
}

describe('guidanceFor on Declaree', () => {
  it('asks for Generate Key on an empty API tab', () => {
    const status: TabStatus = {
      key: noKey,
      page: 'declaree-key-page',
      credentialsForm: false,
      keyShown: 'none',
    };
    expect(messagesOf(status)).toEqual(['declaree_press_generate']);
  });

  it('offers the key already shown and warns against regenerating', () => {
    const status: TabStatus = {
      key: deKey,
      page: 'declaree-key-page',
      credentialsForm: false,
      keyShown: 'existing',
    };
    expect(messagesOf(status)).toEqual([
      'declaree_key_shown_reuse',
      'declaree_regenerate_warning',
      'declaree_next_entra',
    ]);
  });

  it("says which instance the organisation allows when it refused the page's key", () => {
    const status: TabStatus = {
      key: noKey,
      page: 'declaree-key-page',
      credentialsForm: false,
      keyShown: 'new',
      instanceRefused: 'de',
    };
    const lines = guidanceFor(status).lines;
    expect(lines[0]).toEqual({
      message: 'key_instance_not_allowed',
      tone: 'warning',
      substitutions: ['app.declaree.de'],
    });
  });

  it('does not call a key just generated an existing one', () => {
    const status: TabStatus = {
      key: deKey,
      page: 'declaree-key-page',
      credentialsForm: false,
      keyShown: 'new',
    };
    expect(messagesOf(status)).toEqual(['declaree_next_entra']);
  });
});

describe('guidanceFor when the key cannot be used', () => {
  it('explains a key shown only in part and warns before regenerating', () => {
    const status: TabStatus = {
      key: noKey,
      page: 'declaree-key-page',
      credentialsForm: false,
      keyShown: 'masked',
    };
    expect(messagesOf(status)).toEqual(['declaree_key_masked', 'declaree_regenerate_warning']);
  });

  it('says why a value was refused as a key', () => {
    const status: TabStatus = {
      key: noKey,
      page: 'declaree-key-page',
      credentialsForm: false,
      keyProblem: 'inner-space',
    };
    expect(messagesOf(status)[0]).toBe('key_problem_inner_space');
  });
});

describe('guidanceFor on Entra', () => {
  it('offers the fill only on a form with a key held', () => {
    const form: TabStatus = { key: deKey, page: 'entra-credentials-form', credentialsForm: true };
    expect(guidanceFor(form).offerFill).toBe(true);
    expect(guidanceFor({ ...form, key: noKey }).offerFill).toBe(false);
    expect(
      guidanceFor({ ...form, credentialsForm: false, page: 'entra-provisioning' }).offerFill,
    ).toBe(false);
  });

  it('says to press Test Connection after a fill', () => {
    const form: TabStatus = {
      key: deKey,
      page: 'entra-credentials-form',
      credentialsForm: true,
      lastFill: 'filled',
    };
    expect(messagesOf(form)).toEqual(['fill_done', 'entra_press_test']);
  });

  it('explains a fill whose fields were not found', () => {
    const form: TabStatus = {
      key: deKey,
      page: 'entra-credentials-form',
      credentialsForm: true,
      lastFill: 'field-not-found',
    };
    expect(messagesOf(form)).toContain('fill_field_not_found');
  });

  it('says plainly that a form in a sandboxed frame was not filled, and no more that it can be', () => {
    const form: TabStatus = {
      key: deKey,
      page: 'entra-credentials-form',
      credentialsForm: true,
      lastFill: 'sandboxed-frame',
    };
    expect(messagesOf(form)).toEqual(['fill_sandboxed']);
  });
});
