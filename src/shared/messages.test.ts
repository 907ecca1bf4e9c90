import { describe, expect, it } from 'vitest';
import { fillSecretSchema, tabStatusSchema, toContentSchema, toWorkerSchema } from './messages.ts';

describe('toWorkerSchema', () => {
  it('accepts a frame report', () => {
    const message = {
      type: 'frame-report',
      report: { page: 'entra-credentials-form', credentialsForm: true, doneSteps: [] },
    };
    expect(toWorkerSchema.safeParse(message).success).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'steal-key' }],
    ['no type', { key: 'x' }],
    ['an extra field', { type: 'status-get', key: 'x' }],
    ['a key that is not text', { type: 'key-offer', key: 42 }],
    ['a huge key', { type: 'key-offer', key: 'a'.repeat(5000) }],
    [
      'an unknown page',
      { type: 'frame-report', report: { page: 'bank', credentialsForm: false, doneSteps: [] } },
    ],
    [
      'a report with a field value in it',
      {
        type: 'frame-report',
        report: { page: null, credentialsForm: false, doneSteps: [], value: 'x' },
      },
    ],
    [
      'an unknown step',
      { type: 'frame-report', report: { page: null, credentialsForm: false, doneSteps: ['pay'] } },
    ],
    ['a short nonce', { type: 'fill-request', nonce: 'abc' }],
    ['a string', 'status-get'],
    ['null', null],
  ])('refuses %s', (_kind, message) => {
    expect(toWorkerSchema.safeParse(message).success).toBe(false);
  });
});

describe('toContentSchema', () => {
  it('accepts a fill command with a nonce', () => {
    const message = { type: 'fill-command', nonce: crypto.randomUUID() };
    expect(toContentSchema.safeParse(message).success).toBe(true);
  });

  it('refuses a fill command that carries a key', () => {
    const message = { type: 'fill-command', nonce: crypto.randomUUID(), key: 'secret' };
    expect(toContentSchema.safeParse(message).success).toBe(false);
  });
});

describe('tabStatusSchema', () => {
  it('has no room for the key', () => {
    const status = {
      key: { held: true, instance: 'de', key: 'q3Vb0+Lk2/9sZx7TnR4wYp1cA8dE6fGhJ5mN0oPqRs8=' },
      page: null,
      credentialsForm: false,
    };
    expect(tabStatusSchema.safeParse(status).success).toBe(false);
  });
});

describe('fillSecretSchema', () => {
  it('needs a URL and a key', () => {
    expect(fillSecretSchema.safeParse({ tenantUrl: 'x', key: 'y' }).success).toBe(false);
    expect(
      fillSecretSchema.safeParse({ tenantUrl: 'https://app.declaree.de/SCIM/v2/', key: 'y' })
        .success,
    ).toBe(true);
  });
});
