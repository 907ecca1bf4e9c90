/**
 * What the guide panel says on the page in front of the administrator. Pure: it turns what the
 * frames recognised and what the worker holds into message names, which the panel translates.
 */
import { declareeOrigins } from '../shared/instances.ts';
import type { FillResultCode, TabStatus } from '../shared/messages.ts';
import { errorCodeStem } from './log-errors.ts';
import { stepMessageStem } from './steps.ts';
import { stepTargets } from './targets.ts';

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
  'sandboxed-frame': { message: 'fill_sandboxed', tone: 'warning' },
  refused: { message: 'fill_refused', tone: 'warning' },
  'no-form': { message: 'fill_no_form', tone: 'warning' },
  'no-key': { message: 'entra_need_key', tone: 'warning' },
};

/** Fills the assistant refused for safety, whatever the admin presses. */
const refusedFills = new Set<FillResultCode>(['origin-mismatch', 'sandboxed-frame', 'refused']);

/** What Declaree said of the key, as a line: praise when it works, a warning otherwise. */
export function preflightLine(status: TabStatus): Line[] {
  if (!status.preflight || !status.key.held) {
    return [];
  }

  const message = `preflight_${status.preflight.replaceAll('-', '_')}`;
  return [{ message, tone: status.preflight === 'works' ? 'success' : 'warning' }];
}

/** The current step's explanation, and words for its control when no frame shows it. */
function stepLines(status: TabStatus): Line[] {
  if (!status.step) {
    return [{ message: 'journey_complete', tone: 'success' }];
  }

  const stem = stepMessageStem(status.step);
  const lines: Line[] = [{ message: `${stem}_help` }];
  if (stepTargets[status.step].length > 0 && status.targetFound === false) {
    lines.push({ message: 'step_control_not_found', tone: 'warning' });
  }

  return lines;
}

function declareeGuidance(status: TabStatus): Guidance {
  const lines: Line[] = [];
  if (status.keyProblem) {
    lines.push({ message: `key_problem_${status.keyProblem.replace('-', '_')}`, tone: 'warning' });
  }

  if (status.instanceRefused) {
    lines.push({
      message: 'key_instance_not_allowed',
      tone: 'warning',
      substitutions: [new URL(declareeOrigins[status.instanceRefused]).host],
    });
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
    lines.push(
      ...(status.page === 'declaree-login' ? [{ message: 'declaree_log_in' }] : stepLines(status)),
    );
  }

  if (status.key.held) {
    lines.push(...preflightLine(status), { message: 'declaree_next_entra' });
  }

  return { lines, offerFill: false };
}

function credentialsGuidance(status: TabStatus): Guidance {
  if (!status.key.held) {
    const lines: Line[] = [{ message: 'entra_need_key', tone: 'warning' }];
    if (status.testResult === 'success') {
      lines.unshift({ message: 'entra_test_passed', tone: 'success' });
    }

    return { lines, offerFill: false };
  }

  if (status.testResult === 'failure') {
    const causes = (status.testCauses ?? []).map(
      (cause): Line => ({ message: `cause_${cause.replaceAll('-', '_')}`, tone: 'warning' }),
    );
    const checks = status.key.instance === 'de' ? 'entra_test_checks_de' : 'entra_test_checks_com';
    return {
      lines: [
        { message: 'entra_test_failed', tone: 'warning' },
        ...(causes.length > 0
          ? [...causes, { message: 'entra_fill_again' }]
          : [{ message: checks }]),
      ],
      offerFill: true,
    };
  }

  if (status.testResult === 'success') {
    return {
      lines: [{ message: 'entra_test_passed', tone: 'success' }, ...stepLines(status)],
      offerFill: false,
    };
  }

  const outcome = status.lastFill ? fillOutcomeLines[status.lastFill] : undefined;
  if (status.lastFill === 'filled' && outcome) {
    return { lines: [outcome, { message: 'entra_press_test' }], offerFill: true };
  }

  const warning = status.preflight && status.preflight !== 'works' ? preflightLine(status) : [];
  // After a refusal, "the assistant can fill this for you" would contradict the line that says
  // it did not.
  const refused = status.lastFill !== undefined && refusedFills.has(status.lastFill);
  return {
    lines: [
      ...warning,
      ...(refused ? [] : [{ message: 'entra_ready_to_fill' }]),
      ...(outcome ? [outcome] : []),
    ],
    offerFill: true,
  };
}

/** Quarantine, the cycle's status and the failures in the logs, each with what to do. */
function provisioningLines(status: TabStatus): Line[] {
  const lines: Line[] = [];
  if (status.quarantined) {
    lines.push({ message: 'provisioning_quarantined', tone: 'warning' });
  }

  if (status.cycleStatus) {
    lines.push({ message: `cycle_${status.cycleStatus.replace('-', '_')}` });
  }

  if (status.logFailures !== undefined) {
    lines.push({
      message: status.logFailures > 0 ? 'logs_failures' : 'logs_no_failures',
      substitutions: [String(status.logFailures)],
      tone: status.logFailures > 0 ? 'warning' : 'success',
    });
    for (const code of status.errorCodes ?? []) {
      const stem = errorCodeStem(code);
      lines.push({ message: `${stem}_cause`, substitutions: [code], tone: 'warning' });
      lines.push({ message: `${stem}_fix` });
    }

    if (status.logFailures > 0 && !status.errorCodes?.length) {
      lines.push({ message: 'logs_open_entry' });
    }
  }

  return lines;
}

/** Steps after the credentials: the classic form stays open beside them, but has served. */
const afterCredentials = new Set<string>([
  'entra-mappings',
  'entra-start',
  'assign-users-groups',
  'check-results',
]);

function entraGuidance(status: TabStatus): Guidance {
  if (status.credentialsForm && !(status.step && afterCredentials.has(status.step))) {
    return credentialsGuidance(status);
  }

  const lines: Line[] = [];
  if (status.testResult === 'success' && status.step === 'entra-save') {
    lines.push({ message: 'entra_test_passed', tone: 'success' });
  }

  if (status.userNameSource) {
    lines.push({
      message: 'mapping_username_not_mail',
      substitutions: [status.userNameSource],
      tone: 'warning',
    });
  }

  lines.push(...provisioningLines(status));
  if (status.target === 'entra-existing-declaree-app') {
    lines.push({ message: 'entra_existing_app' });
  }

  return { lines: [...lines, ...stepLines(status)], offerFill: false };
}

export function guidanceFor(status: TabStatus): Guidance {
  if (status.page?.startsWith('declaree')) {
    return declareeGuidance(status);
  }

  return entraGuidance(status);
}
