/**
 * The portal's notifications (toasts with role="alert", top right of the shell): what Entra says
 * after Test Connection and after a save. Matched on the stable phrases of each message.
 */
import { normaliseText } from '../dom/text.ts';

export type Notice = 'test-success' | 'test-failure' | 'saved';

const phrases: Record<Notice, readonly string[]> = {
  'test-success': [
    'supplied credentials are authorized to enable provisioning',
    // German wording is not documented; these are the words any translation of it must use.
    'zum aktivieren der bereitstellung autorisiert',
  ],
  'test-failure': [
    'you appear to have entered invalid credentials',
    'ungültige anmeldeinformationen',
  ],
  saved: [
    'saved provisioning',
    'successfully saved',
    'successfully created',
    'provisioning configuration created',
    'gespeichert',
    'erfolgreich erstellt',
  ],
};

export function noticeOf(text: string): Notice | undefined {
  const normalised = normaliseText(text);
  for (const notice of ['test-failure', 'test-success', 'saved'] as const) {
    if (phrases[notice].some((phrase) => normalised.includes(phrase))) {
      return notice;
    }
  }

  return undefined;
}

/** Notifications on the page now, each with the element that shows it. */
export function notificationsShown(root: Document): Array<{ element: Element; notice: Notice }> {
  const found: Array<{ element: Element; notice: Notice }> = [];
  for (const element of root.querySelectorAll('[role="alert"], [role="status"]')) {
    const notice = noticeOf(element.textContent ?? '');
    if (notice) {
      found.push({ element, notice });
    }
  }

  return found;
}
