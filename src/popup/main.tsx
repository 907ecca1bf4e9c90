import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { Popup } from './Popup.tsx';
import './popup.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('extension_name');
const app = document.getElementById('app');
if (app) {
  render(<Popup />, app);
}
