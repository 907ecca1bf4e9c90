import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameReport } from '../shared/messages.ts';

// storage.session as the browser keeps it: one object, written whole.
const sessionArea = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (key: string) => (sessionArea.has(key) ? { [key]: sessionArea.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) {
            sessionArea.set(key, structuredClone(value));
          }
        },
        remove: async (key: string) => void sessionArea.delete(key),
      },
    },
  },
}));

const { forgetFrame, framesOfTab, recordFrame } = await import('./tab-state.ts');

const entra = 'https://entra.microsoft.com';
const blade = 'https://sandbox-1.reactblade.portal.azure.net';
const formReport: FrameReport = {
  page: 'entra-credentials-form',
  credentialsForm: true,
  doneSteps: [],
  controls: ['entra-test-connection'],
};
const portalReport: FrameReport = { page: 'entra-portal', credentialsForm: false, doneSteps: [] };

beforeEach(() => sessionArea.clear());

describe('the frames of a tab', () => {
  it('keeps a frame that reported before the top frame did', async () => {
    await recordFrame(7, 3, blade, formReport);
    await recordFrame(7, 0, entra, portalReport);

    expect(Object.keys(await framesOfTab(7)).sort()).toEqual(['0', '3']);
  });

  it('drops the frames of the page before when the top frame shows another site', async () => {
    await recordFrame(7, 0, 'https://app.declaree.com', { ...portalReport, page: 'declaree-app' });
    await recordFrame(7, 3, 'https://app.declaree.com', portalReport);
    await recordFrame(7, 0, entra, portalReport);

    expect(Object.keys(await framesOfTab(7))).toEqual(['0']);
  });

  it('says whether a report is news, and keeps reports of several frames arriving at once', async () => {
    const answers = await Promise.all([
      recordFrame(7, 0, entra, portalReport),
      recordFrame(7, 3, blade, formReport),
      recordFrame(7, 4, blade, portalReport),
    ]);
    expect(answers).toEqual([true, true, true]);
    expect(await recordFrame(7, 3, blade, formReport)).toBe(false);
    expect(Object.keys(await framesOfTab(7)).sort()).toEqual(['0', '3', '4']);
  });

  it('forgets one frame, or the whole tab with its top frame', async () => {
    await recordFrame(7, 0, entra, portalReport);
    await recordFrame(7, 3, blade, formReport);
    await recordFrame(8, 0, entra, portalReport);

    await forgetFrame(7, 3);
    expect(Object.keys(await framesOfTab(7))).toEqual(['0']);
    await forgetFrame(7, 0);
    expect(await framesOfTab(7)).toEqual({});
    expect(Object.keys(await framesOfTab(8))).toEqual(['0']);
  });
});
