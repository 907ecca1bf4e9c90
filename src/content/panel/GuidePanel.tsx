import { useState } from 'preact/hooks';
import { guidanceFor, type Line } from '../../journey/guidance.ts';
import { t } from '../../shared/i18n.ts';
import { fillResultSchema, type TabStatus, type ToWorker } from '../../shared/messages.ts';

export type Send = (message: ToWorker) => Promise<unknown>;

interface Props {
  status: TabStatus;
  send: Send;
  orphaned: boolean;
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

export function GuidePanel({ status, send, orphaned }: Props) {
  const [collapsed, setCollapsed] = useState(false);
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
    <section class="panel" aria-label={t('panel_name')}>
      <div class="header">
        <h2 class="title">{t('panel_name')}</h2>
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
              <KeyStatusLine status={status} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
