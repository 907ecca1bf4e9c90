import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { Popup } from './Popup.tsx';
import { loadStatus } from './status.ts';
import './popup.css';

// Asked before anything is drawn, and drawn once answered: the popup opens showing the journey,
// rather than growing and jumping as the answer comes in.
const first = loadStatus();
document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('extension_name');
const app = document.getElementById('app');
if (app) {
  void first.then((loaded) => render(<Popup first={loaded} />, app));
}
