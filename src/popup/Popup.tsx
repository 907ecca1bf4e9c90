/** The popup: the whole journey with each step's state, and the key the worker holds. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type Section, sections, stepMessageStem, steps } from '../journey/steps.ts';
import { t } from '../shared/i18n.ts';
import { type PopupStatus, popupStatusSchema, type ToWorker } from '../shared/messages.ts';

async function ask(message: ToWorker): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

async function loadStatus(): Promise<PopupStatus | undefined> {
  const parsed = popupStatusSchema.safeParse(await ask({ type: 'popup-get' }));
  return parsed.success ? parsed.data : undefined;
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
      <button type="button" onClick={onForget}>
        {t('forget_key')}
      </button>
    </div>
  );
}

function SectionSteps({ section, status }: { section: Section; status: PopupStatus }) {
  const states = new Map(status.steps.map((step) => [step.id, step.state]));
  const sectionSteps = steps.filter((step) => step.section === section);

  return (
    <section aria-labelledby={`section-${section}`}>
      <h2 id={`section-${section}`}>{t(`section_${section}`)}</h2>
      <ol>
        {sectionSteps.map((step) => {
          const state = states.get(step.id) ?? 'todo';
          const stem = stepMessageStem(step.id);
          return (
            <li
              key={step.id}
              class={`step ${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span class="state">{t(`state_${state}`)}</span>
              <span class="step-title">{t(`${stem}_title`)}</span>
              {state === 'current' && <p class="help">{t(`${stem}_help`)}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function Popup() {
  const [status, setStatus] = useState<PopupStatus | undefined>();
  const [failed, setFailed] = useState(false);

  const refresh = () => {
    loadStatus().then(
      (loaded) => {
        setStatus(loaded);
        setFailed(loaded === undefined);
      },
      () => setFailed(true),
    );
  };

  useEffect(refresh, []);

  const forget = async () => {
    await ask({ type: 'key-forget' });
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
          {sections.map((section) => (
            <SectionSteps key={section} section={section} status={status} />
          ))}
        </>
      )}
    </main>
  );
}
