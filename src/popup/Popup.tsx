/** The popup: the whole journey with each step's state, and the key the worker holds. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { pageLinkFor } from '../journey/links.ts';
import type { StepState } from '../journey/progress.ts';
import { type Section, type StepId, sections, stepMessageStem, steps } from '../journey/steps.ts';
import { api } from '../shared/extension-api.ts';
import { t } from '../shared/i18n.ts';
import { declareeOrigins } from '../shared/instances.ts';
import type { ToWorker } from '../shared/messages.ts';
import type { PopupStatus } from '../shared/popup-status.ts';
import { ask, type Loaded, loadStatus } from './status.ts';

function CopyKey({ presenter }: { presenter: boolean }) {
  const [asking, setAsking] = useState(false);
  const [copied, setCopied] = useState(false);
  if (presenter) {
    return null;
  }

  const copy = async () => {
    setAsking(false);
    const answer = (await ask({ type: 'key-copy' })) as { key?: string } | undefined;
    if (answer?.key) {
      await navigator.clipboard.writeText(answer.key);
      setCopied(true);
    }
  };

  if (copied) {
    return <p role="status">{t('copy_key_done')}</p>;
  }

  return asking ? (
    <div role="alertdialog" aria-label={t('copy_key_title')}>
      <p>{t('copy_key_warning')}</p>
      <div class="actions">
        <button type="button" onClick={copy}>
          {t('copy_key_confirm')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('confirm_app_no')}
        </button>
      </div>
    </div>
  ) : (
    <button type="button" onClick={() => setAsking(true)}>
      {t('copy_key_title')}
    </button>
  );
}

/** A text the admin can read, copy or download: the support summary or the setup report. */
function TextExport({ kind }: { kind: 'summary' | 'report' }) {
  const [text, setText] = useState<string | undefined>();
  const [includeIds, setIncludeIds] = useState(false);
  const [copied, setCopied] = useState(false);
  const title = t(kind === 'summary' ? 'summary_title' : 'report_title');

  const load = async (withIds: boolean) => {
    const message: ToWorker =
      kind === 'summary'
        ? { type: 'summary-get', includeIds: withIds }
        : { type: 'report-get', includeIds: withIds };
    const answer = (await ask(message)) as { text?: string } | undefined;
    setText(answer?.text);
    setCopied(false);
  };

  if (text === undefined) {
    return (
      <button type="button" onClick={() => load(includeIds)}>
        {t(kind === 'summary' ? 'summary_open' : 'report_open')}
      </button>
    );
  }

  const download = () => {
    const type = kind === 'summary' ? 'text/plain' : 'text/markdown';
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download =
      kind === 'summary' ? 'declaree-setup-support-summary.txt' : 'declaree-setup-report.md';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section class="summary" aria-label={title}>
      <h2>{title}</h2>
      <label class="switch">
        <input
          type="checkbox"
          checked={includeIds}
          onChange={(event) => {
            setIncludeIds(event.currentTarget.checked);
            void load(event.currentTarget.checked);
          }}
        />
        {t('summary_include_ids')}
      </label>
      <textarea readOnly rows={10} aria-label={title} value={text} />
      <div class="actions">
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          }}
        >
          {copied ? t('copy_tenant_url_done') : t('summary_copy')}
        </button>
        <button type="button" onClick={download}>
          {t('summary_download')}
        </button>
      </div>
    </section>
  );
}

function Setups({ status, onChange }: { status: PopupStatus; onChange: () => void }) {
  const { current, others } = status.setups;
  if (!current && others.length === 0) {
    return null;
  }

  const act = async (message: ToWorker) => {
    await ask(message);
    onChange();
  };

  return (
    <section class="setups" aria-labelledby="setups-title">
      <h2 id="setups-title">{t('setups_title')}</h2>
      {current && <p>{t('setups_current', [current.label])}</p>}
      <ul>
        {others.map(({ tenant, done }) => (
          <li key={tenant.key}>
            <span>{t('setups_other', [tenant.label, String(done)])}</span>
            <button type="button" onClick={() => act({ type: 'setup-switch', key: tenant.key })}>
              {t('setups_switch')}
            </button>
            <button
              type="button"
              aria-label={t('setups_forget_named', [tenant.label])}
              onClick={() => act({ type: 'setup-forget', key: tenant.key })}
            >
              {t('setups_forget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResetSetup({ onReset }: { onReset: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t('reset_setup')}
      </button>
    );
  }

  return (
    <div role="alertdialog" aria-label={t('reset_setup')}>
      <p>{t('reset_setup_warning')}</p>
      <div class="actions">
        <button
          type="button"
          onClick={async () => {
            await ask({ type: 'setup-reset' });
            setAsking(false);
            onReset();
          }}
        >
          {t('reset_setup_confirm')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('confirm_app_no')}
        </button>
      </div>
    </div>
  );
}

function ManagedNote() {
  return <span class="managed">{t('set_by_organisation')}</span>;
}

/** The settings the organisation fixed by policy, in words; nothing when there are none. */
function Organisation({ status }: { status: PopupStatus }) {
  const { organisation: set, presenter, preflightEnabled } = status;
  const lines = [
    set.instance && t('organisation_instance', [new URL(declareeOrigins[set.instance]).host]),
    set.applicationName && t('organisation_app_name', [set.applicationName]),
    set.keyLifetimeMinutes && t('organisation_key_lifetime', [String(set.keyLifetimeMinutes)]),
    set.presenterLocked && presenter && t('organisation_presenter_forced'),
    set.presenterDefault && t('organisation_presenter_on'),
    set.preflightLocked &&
      t(preflightEnabled ? 'organisation_preflight_on' : 'organisation_preflight_off'),
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0 && set.ignored.length === 0) {
    return null;
  }

  return (
    <section class="organisation" aria-labelledby="organisation-title">
      <h2 id="organisation-title">{t('organisation_title')}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {set.ignored.length > 0 && (
        <p class="warning">{t('organisation_ignored', [set.ignored.join(', ')])}</p>
      )}
    </section>
  );
}

function Preflight({ status, onChange }: { status: PopupStatus; onChange: () => void }) {
  const [checking, setChecking] = useState(false);
  const checkAgain = async () => {
    setChecking(true);
    await ask({ type: 'preflight-run' });
    setChecking(false);
    onChange();
  };

  return (
    <div class="preflight">
      {status.key.held && status.preflight && (
        <p role="status" class={status.preflight === 'works' ? 'good' : 'warning'}>
          {t(`preflight_${status.preflight.replaceAll('-', '_')}`)}
        </p>
      )}
      <div class="actions">
        {status.key.held && (
          <button type="button" disabled={checking} onClick={checkAgain}>
            {checking ? t('preflight_checking') : t('preflight_check_again')}
          </button>
        )}
        <label class="switch">
          <input
            type="checkbox"
            checked={status.preflightEnabled}
            disabled={status.organisation.preflightLocked}
            onChange={async (event) => {
              await ask({ type: 'preflight-set', on: event.currentTarget.checked });
              onChange();
            }}
          />
          {t('preflight_setting')}
          {status.organisation.preflightLocked && <ManagedNote />}
        </label>
      </div>
    </div>
  );
}

function KeySummary({ status, onForget }: { status: PopupStatus; onForget: () => void }) {
  const { key } = status;
  if (!key.held) {
    return <p class="key">{t('status_no_key')}</p>;
  }

  const instance = t(key.instance === 'de' ? 'instance_de' : 'instance_com');
  return (
    <div class="key">
      <p>
        {key.hint
          ? t('popup_key_held_hint', [instance, key.hint])
          : t('popup_key_held', [instance])}
      </p>
      <div class="actions">
        <button type="button" onClick={onForget}>
          {t('forget_key')}
        </button>
        <CopyKey presenter={status.presenter} />
      </div>
    </div>
  );
}

interface StepRowProps {
  id: StepId;
  state: StepState;
  link: string | undefined;
  onSet: (id: StepId, state: 'done' | 'skipped' | 'todo') => void;
}

function StepRow({ id, state, link, onSet }: StepRowProps) {
  const stem = stepMessageStem(id);
  const title = t(`${stem}_title`);

  return (
    <li class={`step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
      <span class="state">{t(`state_${state}`)}</span>
      <span class="step-title">{title}</span>
      {state === 'current' && (
        <div class="help">
          <p>{t(`${stem}_help`)}</p>
          <div class="actions">
            {link && (
              <button type="button" onClick={() => void api.tabs.create({ url: link })}>
                {t('popup_open_page')}
              </button>
            )}
            <button type="button" onClick={() => onSet(id, 'done')}>
              {t('step_mark_done')}
            </button>
            <button type="button" onClick={() => onSet(id, 'skipped')}>
              {t('step_skip')}
            </button>
          </div>
        </div>
      )}
      {(state === 'done' || state === 'skipped') && (
        <button
          type="button"
          class="undo"
          aria-label={t('popup_undo_step', [title])}
          onClick={() => onSet(id, 'todo')}
        >
          {t('popup_undo')}
        </button>
      )}
    </li>
  );
}

interface SectionProps {
  section: Section;
  status: PopupStatus;
  onSet: StepRowProps['onSet'];
}

function SectionSteps({ section, status, onSet }: SectionProps) {
  const states = new Map(status.steps.map((step) => [step.id, step.state]));
  const sectionSteps = steps.filter((step) => step.section === section);
  const known = {
    ...(status.key.instance ? { instance: status.key.instance } : {}),
    ...(status.application ? { application: status.application } : {}),
  };

  return (
    <section aria-labelledby={`section-${section}`}>
      <h2 id={`section-${section}`}>{t(`section_${section}`)}</h2>
      <ol>
        {sectionSteps.map((step) => (
          <StepRow
            key={step.id}
            id={step.id}
            state={states.get(step.id) ?? 'todo'}
            link={pageLinkFor(step.id, known)}
            onSet={onSet}
          />
        ))}
      </ol>
    </section>
  );
}

/** `first` is the worker's first answer, asked for before the popup was drawn. */
export function Popup({ first }: { first: Loaded }) {
  const [status, setStatus] = useState<PopupStatus | undefined>(first.status);
  const [failed, setFailed] = useState(first.failed);

  const refresh = useCallback(() => {
    void loadStatus().then((loaded) => {
      setStatus(loaded.status);
      setFailed(loaded.failed);
    });
  }, []);

  // A policy can change while the popup is open, and the key can be dropped: shown at once.
  useEffect(() => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || (area === 'session' && 'vault' in changes)) {
        refresh();
      }
    };
    api.storage.onChanged.addListener(onChanged);
    return () => api.storage.onChanged.removeListener(onChanged);
  }, [refresh]);

  const forget = async () => {
    await ask({ type: 'key-forget' });
    refresh();
  };

  const setStep = async (step: StepId, state: 'done' | 'skipped' | 'todo') => {
    await ask({ type: 'step-set', step, state });
    refresh();
  };

  return (
    <main>
      <h1>{t('extension_name')}</h1>
      {failed && <p role="alert">{t('popup_unavailable')}</p>}
      {status && (
        <>
          {status.progressWasReset && <p role="status">{t('popup_progress_reset')}</p>}
          <KeySummary status={status} onForget={forget} />
          <Preflight status={status} onChange={refresh} />
          <label class="switch">
            <input
              type="checkbox"
              checked={status.presenter}
              disabled={status.organisation.presenterLocked}
              onChange={async (event) => {
                await ask({ type: 'presenter-set', on: event.currentTarget.checked });
                refresh();
              }}
            />
            {t('presenter_mode')}
            {status.organisation.presenterLocked && <ManagedNote />}
          </label>
          <Organisation status={status} />
          {status.groupCheck && (
            <p class="groups">
              {t('popup_group_check', [
                String(status.groupCheck.checked),
                String(status.groupCheck.collisions.length),
              ])}
            </p>
          )}
          <Setups status={status} onChange={refresh} />
          <div class="actions exports">
            <TextExport kind="report" />
            <TextExport kind="summary" />
            <ResetSetup onReset={refresh} />
          </div>
          {sections.map((section) => (
            <SectionSteps key={section} section={section} status={status} onSet={setStep} />
          ))}
        </>
      )}
    </main>
  );
}
