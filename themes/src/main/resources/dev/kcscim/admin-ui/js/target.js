// One target: the create/edit form (secrets masked), then its status, test, sync and dead letters.
import { get, post, put, del } from './api.js';
import { h, card, field } from './dom.js';
import { t } from './i18n.js';
import { showError, showSuccess } from './alerts.js';
import { renderStatus } from './target-status.js';

const MASK = '**********';
const AUTH_FIELDS = {
  bearer: [['token', true]],
  basic: [['username', false], ['password', true]],
  oauth2_client_credentials: [['tokenUrl', false], ['clientId', false], ['clientSecret', true], ['scope', false]],
};

export function renderTarget(main, id) {
  const isNew = id === 'new';
  const formCard = card(t(isNew ? 'target.newTitle' : 'target.editTitle'), 'target-form-card', h('p', { class: 'muted' }, t('loading')));
  const live = h('div', {});
  main.append(h('p', {}, h('a', { href: '#/outbound', 'data-testid': 'back' }, t('target.back'))), live, formCard);
  let stop = () => {};
  (async () => {
    let target = { enabled: true, auth: { type: 'bearer' }, deleteMode: 'delete', on404: 'recreate', usePatch: 'auto' };
    if (!isNew) {
      try {
        target = await get(`/targets/${encodeURIComponent(id)}`);
      } catch (e) {
        showError(e);
        return;
      }
    }
    formCard.replaceChildren(h('h2', {}, t(isNew ? 'target.newTitle' : 'target.editTitle')), form(target, isNew));
    if (!isNew) stop = renderStatus(live, target);
  })();
  return () => stop();
}

function form(target, isNew) {
  const input = (name, attrs = {}) => h('input', { name, 'data-testid': `target-${name}`, ...attrs });
  const select = (name, values, current) => h('select', { name, 'data-testid': `target-${name}` },
    values.map(v => h('option', { value: v, selected: v === current }, t(`target.${name}.${v}`))));
  const name = input('name', { type: 'text', required: true, value: target.name || '' });
  const baseUrl = input('baseUrl', { type: 'url', required: true, value: target.baseUrl || '', placeholder: 'https://app.example.com/scim/v2' });
  const enabled = input('enabled', { type: 'checkbox', class: 'switch', checked: target.enabled !== false });
  const authType = select('authType', Object.keys(AUTH_FIELDS), (target.auth && target.auth.type) || 'bearer');
  const authBox = h('div', { class: 'auth-fields' });
  const authInputs = {};
  const showAuth = () => {
    authBox.replaceChildren();
    for (const [key, secret] of AUTH_FIELDS[authType.value]) {
      const value = (target.auth && target.auth.type === authType.value && target.auth[key]) || '';
      authInputs[key] = input(`auth-${key}`, { type: secret ? 'password' : 'text', value, autocomplete: 'off' });
      authBox.append(field(t(`target.auth.${key}`), authInputs[key], secret ? t('target.secretHelp') : null));
    }
  };
  authType.addEventListener('change', showAuth);
  showAuth();
  const number = (key, min, max) => input(key, { type: 'number', min, max, value: target[key] ?? '' });
  const connect = number('connectTimeoutMs', 100, 300000);
  const request = number('requestTimeoutMs', 100, 600000);
  const budget = number('retryBudgetHours', 0, 720);
  const deleteMode = select('deleteMode', ['delete', 'deactivate'], target.deleteMode);
  const on404 = select('on404', ['recreate', 'unlink'], target.on404);
  const usePatch = select('usePatch', ['auto', 'never'], target.usePatch);

  const el = h('form', { class: 'grid-form', 'data-testid': 'target-form' },
    field(t('target.name'), name), field(t('target.baseUrl'), baseUrl, t('target.baseUrlHelp')),
    field(t('target.enabled'), enabled, t('target.enabledHelp')),
    h('fieldset', {}, h('legend', {}, t('target.authTitle')), field(t('target.authType'), authType), authBox),
    h('fieldset', {}, h('legend', {}, t('target.behaviourTitle')),
      field(t('target.deleteMode'), deleteMode, t('target.deleteModeHelp')), field(t('target.on404'), on404, t('target.on404Help')),
      field(t('target.usePatch'), usePatch, t('target.usePatchHelp')),
      field(t('target.connectTimeoutMs'), connect), field(t('target.requestTimeoutMs'), request),
      field(t('target.retryBudgetHours'), budget, t('target.retryBudgetHoursHelp'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn primary', 'data-testid': 'target-save' }, t('save')),
      isNew ? null : deleteButton(target)));
  el.addEventListener('submit', async event => {
    event.preventDefault();
    const auth = { type: authType.value };
    for (const [key] of AUTH_FIELDS[authType.value]) if (authInputs[key].value !== '') auth[key] = authInputs[key].value;
    const body = { name: name.value.trim(), baseUrl: baseUrl.value.trim(), enabled: enabled.checked, auth,
      deleteMode: deleteMode.value, on404: on404.value, usePatch: usePatch.value };
    for (const [key, box] of [['connectTimeoutMs', connect], ['requestTimeoutMs', request], ['retryBudgetHours', budget]]) {
      if (box.value !== '') body[key] = Number(box.value);
    }
    try {
      const saved = isNew ? await post('/targets', body) : await put(`/targets/${encodeURIComponent(target.id)}`, body);
      showSuccess(t('target.saved', saved.name));
      if (isNew) window.location.hash = `#/targets/${encodeURIComponent(saved.id)}`;
      else for (const [key, secret] of AUTH_FIELDS[authType.value]) if (secret) authInputs[key].value = MASK;
    } catch (e) {
      showError(e);
    }
  });
  return el;
}

function deleteButton(target) {
  const button = h('button', { type: 'button', class: 'btn danger', 'data-testid': 'target-delete' }, t('target.delete'));
  let armed = false;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = t('confirm');
      return;
    }
    try {
      await del(`/targets/${encodeURIComponent(target.id)}`);
      showSuccess(t('target.deleted', target.name));
      window.location.hash = '#/outbound';
    } catch (e) {
      showError(e);
    }
  });
  return button;
}
