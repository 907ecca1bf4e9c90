import { useState } from 'preact/hooks';
import { tenantUrlFor } from '../../checks/tenant-url.ts';
import { guidanceFor, type Line } from '../../journey/guidance.ts';
import { type StepId, stepMessageStem, steps } from '../../journey/steps.ts';
import {
  fillResultSchema,
  type GroupCheck,
  type TabStatus,
} from '../../shared/content-messages.ts';
import { t } from '../../shared/i18n.ts';
import type { DeclareeInstance } from '../../shared/instances.ts';
import type { ToWorker } from '../../shared/messages.ts';
import { isLocked, type Settings } from '../../shared/settings.ts';

export type Send = (message: ToWorker) => Promise<unknown>;

export type Side = 'right' | 'left';

interface Props {
  status: TabStatus;
  send: Send;
  orphaned: boolean;
  side: Side;
  onMove: () => void;
  settings: Settings;
}

function GuideLine({ line }: { line: Line }) {
  return <p class={`line ${line.tone ?? 'info'}`}>{t(line.message, line.substitutions)}</p>;
}

function KeyStatusLine({ status }: { status: TabStatus }) {
  const { key } = status;
  const text = key.held
    ? t(key.instance === 'de' ? 'status_key_held_de' : 'status_key_held_com')
    : t('status_no_key');
  return <p class={`status ${key.held ? 'held' : ''}`}>{text}</p>;
}

/** When the page lacks the fields, the Tenant URL (not a secret) can be copied by hand. */
function CopyTenantUrl({ instance }: { instance: DeclareeInstance }) {
  const [copied, setCopied] = useState(false);
  const url = tenantUrlFor(instance);

  return (
    <div class="question">
      <p class="line">{t('copy_tenant_url_intro')}</p>
      <p class="line">
        <code>{url}</code>
      </p>
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(url);
          setCopied(true);
        }}
      >
        {copied ? t('copy_tenant_url_done') : t('copy_tenant_url')}
      </button>
    </div>
  );
}

function GroupWarnings({ check }: { check: GroupCheck }) {
  const named = (group: { name: string; detail?: string }) =>
    group.detail ? t('group_named_with_detail', [group.name, group.detail]) : `“${group.name}”`;

  return (
    <div class="groups">
      {check.collisions.length > 0 && (
        <div role="alert" class="line warning">
          <p>{t('group_collisions_intro')}</p>
          <ul>
            {check.collisions.map((collision) => (
              <li key={collision.groups.map((group) => group.name).join('\u0000')}>
                {t(`group_collision_${collision.kind.replace('-', '_')}`, [
                  collision.groups.map(named).join(', '),
                ])}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="status">
        {check.total !== undefined
          ? t('group_checked_of_total', [String(check.checked), String(check.total)])
          : t('group_checked', [String(check.checked)])}
      </p>
      {check.declareeProblem && (
        <p class="line warning">{t(`group_declaree_${check.declareeProblem.replace('-', '_')}`)}</p>
      )}
    </div>
  );
}

function previousStepOf(step: StepId | undefined): StepId | undefined {
  const index = steps.findIndex((candidate) => candidate.id === step);
  const previous = steps[index - 1];
  // Requirements are answered apart from the pages; going back stops at the first page step.
  return previous && previous.section !== 'requirements' ? previous.id : undefined;
}

function StepControls({ status, send }: { status: TabStatus; send: Send }) {
  const { step } = status;
  if (!step) {
    return null;
  }

  const previous = previousStepOf(step);
  const set = (id: StepId, state: 'done' | 'skipped' | 'todo') =>
    void send({ type: 'step-set', step: id, state });

  return (
    <div class="actions secondary">
      <button type="button" onClick={() => set(step, 'done')}>
        {t('step_mark_done')}
      </button>
      <button type="button" onClick={() => set(step, 'skipped')}>
        {t('step_skip')}
      </button>
      {previous && (
        <button type="button" onClick={() => set(previous, 'todo')}>
          {t('step_back')}
        </button>
      )}
    </div>
  );
}

function AdminQuestion({ send, onLater }: { send: Send; onLater: () => void }) {
  return (
    <div class="question">
      <p class="line">{t('admin_question')}</p>
      <div class="actions">
        <button
          type="button"
          onClick={() => void send({ type: 'step-set', step: 'admin-account', state: 'done' })}
        >
          {t('admin_answer_yes')}
        </button>
        <button type="button" onClick={onLater}>
          {t('admin_answer_later')}
        </button>
      </div>
    </div>
  );
}

export function GuidePanel({ status, send, orphaned, side, onMove, settings }: Props) {
  const presenterLocked = isLocked(settings, 'presenter');
  const [collapsed, setCollapsed] = useState(false);
  // Fewer details: the step and what to do only, so that the panel covers less of the page.
  const [compact, setCompact] = useState(false);
  const [questionDeferred, setQuestionDeferred] = useState(false);
  const [busy, setBusy] = useState(false);
  // The application name the admin is asked about before the key goes into its form.
  const [confirming, setConfirming] = useState<string | undefined>();

  const fill = async (confirmedAppName?: string) => {
    setBusy(true);
    setConfirming(undefined);
    const message: ToWorker = {
      type: 'fill-start',
      ...(confirmedAppName !== undefined ? { confirmedAppName } : {}),
    };
    const parsed = fillResultSchema.safeParse(await send(message));
    setBusy(false);
    if (parsed.success && parsed.data.code === 'confirm-app') {
      setConfirming(parsed.data.appName ?? '');
    }
  };

  const guidance = guidanceFor(status);

  return (
    <section class={`panel ${side}`} aria-label={t('panel_name')}>
      <div class="header">
        <h2 class="title">{t('panel_name')}</h2>
        <button type="button" class="icon" aria-label={t('panel_move')} onClick={onMove}>
          {side === 'right' ? '⇤' : '⇥'}
        </button>
        {!collapsed && (
          <button
            type="button"
            class="icon"
            aria-pressed={compact}
            aria-label={t('panel_fewer_details')}
            onClick={() => setCompact(!compact)}
          >
            …
          </button>
        )}
        <button
          type="button"
          class="icon"
          aria-expanded={!collapsed}
          aria-label={collapsed ? t('panel_expand') : t('panel_collapse')}
          onClick={() => setCollapsed(!collapsed)}
        >
          {collapsed ? '+' : '–'}
        </button>
      </div>
      {!collapsed && (
        <div class="body">
          {orphaned ? (
            <p class="line warning" role="alert">
              {t('panel_reload_tab')}
            </p>
          ) : (
            <>
              {status.askAdminAccount && !questionDeferred && !compact && (
                <AdminQuestion send={send} onLater={() => setQuestionDeferred(true)} />
              )}
              {status.step && (
                <h3 class="step-title">
                  {t('step_now', [t(`${stepMessageStem(status.step)}_title`)])}
                </h3>
              )}
              <div aria-live="polite">
                {guidance.lines.map((line) => (
                  <GuideLine key={line.message} line={line} />
                ))}
              </div>
              {confirming !== undefined ? (
                <div role="alertdialog" aria-label={t('confirm_app_title')}>
                  <p class="line warning">
                    {confirming === ''
                      ? t('confirm_app_unnamed')
                      : t('confirm_app_named', [confirming])}
                  </p>
                  <div class="actions">
                    <button type="button" class="primary" onClick={() => fill(confirming)}>
                      {t('confirm_app_yes')}
                    </button>
                    <button type="button" onClick={() => setConfirming(undefined)}>
                      {t('confirm_app_no')}
                    </button>
                  </div>
                </div>
              ) : (
                guidance.offerFill && (
                  <div class="actions">
                    <button
                      type="button"
                      class={status.lastFill === 'filled' ? '' : 'primary'}
                      disabled={busy}
                      onClick={() => fill()}
                    >
                      {t('fill_button')}
                    </button>
                  </div>
                )
              )}
              {status.key.held &&
                (status.lastFill === 'field-not-found' ||
                  status.lastFill === 'no-form' ||
                  status.lastFill === 'sandboxed-frame') && (
                  <CopyTenantUrl instance={status.key.instance ?? 'com'} />
                )}
              {status.target === 'entra-app-name' && (
                <div class="actions">
                  <button type="button" onClick={() => void send({ type: 'name-fill' })}>
                    {t('name_fill_button', [settings.applicationName])}
                  </button>
                </div>
              )}
              {status.groupCheck && <GroupWarnings check={status.groupCheck} />}
              {!compact && <StepControls status={status} send={send} />}
              <label class={`switch ${compact ? 'hidden' : ''}`}>
                <input
                  type="checkbox"
                  checked={settings.presenter}
                  disabled={presenterLocked}
                  onChange={(event) =>
                    void send({ type: 'presenter-set', on: event.currentTarget.checked })
                  }
                />
                {t('presenter_mode')}
                {presenterLocked && <span class="managed">{t('set_by_organisation')}</span>}
              </label>
              {!compact && <KeyStatusLine status={status} />}
            </>
          )}
        </div>
      )}
    </section>
  );
}
