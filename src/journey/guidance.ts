/**
 * What the guide panel says on the page in front of the administrator. Pure: it turns what the
 * frames recognised and what the worker holds into message names, which the panel translates.
 */
import type { FillResultCode, TabStatus } from '../shared/messages.ts';

export interface Line {
  message: string;
  substitutions?: string[];
  tone?: 'info' | 'success' | 'warning';
}

export interface Guidance {
  lines: Line[];
  /** The fill button is offered. */
  offerFill: boolean;
}

const fillOutcomeLines: Partial<Record<FillResultCode, Line>> = {
  filled: { message: 'fill_done', tone: 'success' },
  'field-not-found': { message: 'fill_field_not_found', tone: 'warning' },
  'frame-gone': { message: 'fill_frame_gone', tone: 'warning' },
  'origin-mismatch': { message: 'fill_refused', tone: 'warning' },
  'sandboxed-frame': { message: 'fill_refused', tone: 'warning' },
  refused: { message: 'fill_refused', tone: 'warning' },
  'no-form': { message: 'fill_no_form', tone: 'warning' },
  'no-key': { message: 'entra_need_key', tone: 'warning' },
};

function declareeGuidance(status: TabStatus): Guidance {
  const lines: Line[] = [];
  if (status.keyProblem) {
    lines.push({ message: `key_problem_${status.keyProblem.replace('-', '_')}`, tone: 'warning' });
  }

  if (status.page === 'declaree-key-page') {
    if (status.keyShown === 'masked' && !status.key.held) {
      lines.push({ message: 'declaree_key_masked', tone: 'warning' });
      lines.push({ message: 'declaree_regenerate_warning', tone: 'warning' });
    } else if (status.keyShown === 'existing') {
      lines.push({ message: 'declaree_key_shown_reuse' });
      lines.push({ message: 'declaree_regenerate_warning', tone: 'warning' });
    } else if (!status.key.held) {
      lines.push({ message: 'declaree_press_generate' });
    }
  } else if (!status.key.held) {
    lines.push({
      message: status.page === 'declaree-login' ? 'declaree_log_in' : 'declaree_open_account',
    });
  }

  if (status.key.held) {
    lines.push({ message: 'declaree_next_entra' });
  }

  return { lines, offerFill: false };
}

function entraGuidance(status: TabStatus): Guidance {
  if (status.credentialsForm) {
    if (!status.key.held) {
      return { lines: [{ message: 'entra_need_key', tone: 'warning' }], offerFill: false };
    }

    const outcome = status.lastFill ? fillOutcomeLines[status.lastFill] : undefined;
    if (status.lastFill === 'filled' && outcome) {
      return { lines: [outcome, { message: 'entra_press_test' }], offerFill: true };
    }

    return {
      lines: [{ message: 'entra_ready_to_fill' }, ...(outcome ? [outcome] : [])],
      offerFill: true,
    };
  }

  if (status.page === 'entra-provisioning') {
    return { lines: [{ message: 'entra_open_form' }], offerFill: false };
  }

  if (status.page === 'entra-app') {
    return { lines: [{ message: 'entra_open_provisioning' }], offerFill: false };
  }

  return { lines: [{ message: 'entra_find_app' }], offerFill: false };
}

export function guidanceFor(status: TabStatus): Guidance {
  if (status.page?.startsWith('declaree')) {
    return declareeGuidance(status);
  }

  return entraGuidance(status);
}
