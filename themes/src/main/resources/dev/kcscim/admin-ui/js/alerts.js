// The alert area under the tabs: every failed call is shown with the server's detail.
import { h } from './dom.js';
import { t } from './i18n.js';

export function showError(error) {
  const problems = error && error.problems && error.problems.length
    ? h('ul', {}, error.problems.map(p => h('li', {}, p))) : null;
  const alert = h('div', { class: 'alert danger', role: 'alert', 'data-testid': 'alert-error' },
    h('strong', {}, t('errorTitle')), ' ', (error && error.message) || String(error), problems,
    h('button', { class: 'close', type: 'button', 'aria-label': 'close', onclick: () => alert.remove() }, '×'));
  document.getElementById('alerts').append(alert);
}

export function showSuccess(message) {
  const alert = h('div', { class: 'alert success', role: 'status', 'data-testid': 'alert-success' }, message);
  document.getElementById('alerts').append(alert);
  setTimeout(() => alert.remove(), 4000);
}

export function clearAlerts() {
  document.getElementById('alerts').replaceChildren();
}

/** What a section shows in place of its content when its endpoint is missing (404) or forbidden (403). */
export function unavailable(error, testid) {
  if (error && error.notAvailable) return h('p', { class: 'muted', 'data-testid': `${testid}-unavailable` }, t('notAvailable'));
  if (error && error.forbidden) return h('p', { class: 'muted', 'data-testid': `${testid}-forbidden` }, t('sectionForbidden'));
  return null;
}
