// Entry point: sign in, check access, then route between the Inbound, Outbound and target pages (hash routes).
import { login, logout, username, realm } from './auth.js';
import { get } from './api.js';
import { h, clear } from './dom.js';
import { loadMessages, t } from './i18n.js';
import { clearAlerts, showError } from './alerts.js';
import { renderInbound } from './inbound.js';
import { renderOutbound } from './outbound.js';
import { renderTarget } from './target.js';

const main = document.getElementById('main');
let stopCurrent = () => {};

async function start() {
  await loadMessages();
  document.title = t('pageTitle');
  document.getElementById('brand').textContent = t('pageTitle');
  document.getElementById('realm').textContent = t('realmLabel', realm);
  try {
    await login();
  } catch (e) {
    clear(main, h('div', { class: 'alert danger', 'data-testid': 'login-error' }, t('loginFailed'), ' ', e.message));
    return;
  }
  document.getElementById('user').textContent = username();
  const out = document.getElementById('logout');
  out.textContent = t('signOut');
  out.hidden = false;
  out.addEventListener('click', event => { event.preventDefault(); logout(); });
  for (const link of document.querySelectorAll('#tabs a')) link.textContent = t(`nav.${link.dataset.route}`);
  try {
    await get('/targets');
  } catch (e) {
    if (e.forbidden) {
      clear(main, h('section', { class: 'card no-access', 'data-testid': 'no-access' },
        h('h2', {}, t('noAccessTitle')), h('p', {}, t('noAccessText', realm))));
      return;
    }
    showError(e);
  }
  document.getElementById('tabs').hidden = false;
  window.addEventListener('hashchange', route);
  route();
}

function route() {
  stopCurrent();
  clearAlerts();
  const hash = window.location.hash || '#/outbound';
  const parts = hash.slice(2).split('/');
  for (const link of document.querySelectorAll('#tabs a')) {
    link.classList.toggle('active', link.dataset.route === parts[0] || (link.dataset.route === 'outbound' && parts[0] === 'targets'));
  }
  clear(main);
  if (parts[0] === 'inbound') stopCurrent = renderInbound(main) || (() => {});
  else if (parts[0] === 'targets' && parts[1]) stopCurrent = renderTarget(main, decodeURIComponent(parts[1])) || (() => {});
  else stopCurrent = renderOutbound(main) || (() => {});
}

start();
