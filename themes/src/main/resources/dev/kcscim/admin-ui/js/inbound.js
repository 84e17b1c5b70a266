// Inbound: SCIM on/off and base URL, provisioning tokens, the custom schema extension mapping.
import { get, post, put, del } from './api.js';
import { realm, serverUrl } from './auth.js';
import { h, clear, card, field, when, confirmButton, copyButton } from './dom.js';
import { t } from './i18n.js';
import { showError, showSuccess, unavailable } from './alerts.js';
import { renderMapping } from './mapping.js';

export function renderInbound(main) {
  const settings = card(t('inbound.settings'), 'settings-card');
  const tokens = card(t('tokens.title'), 'tokens-card');
  const mapping = card(t('mapping.title'), 'mapping-card');
  main.append(settings, tokens, mapping);
  renderSettings(settings);
  renderTokens(tokens);
  renderMapping(mapping);
}

async function renderSettings(section) {
  const fallbackUrl = `${serverUrl}/realms/${encodeURIComponent(realm)}/scim-provisioning/v2`;
  let settings = null;
  let problem = null;
  try {
    settings = await get('/settings');
  } catch (e) {
    problem = unavailable(e, 'settings');
    if (!problem) showError(e);
  }
  const url = (settings && (settings.scimBaseUrl || settings.baseUrl)) || fallbackUrl;
  const urlInput = h('input', { type: 'text', readonly: true, value: url, 'data-testid': 'scim-base-url' });
  const body = [field(t('scimBaseUrl'), h('div', { class: 'input-group' }, urlInput, copyButton(t('copy'), url, 'copy-base-url')),
    t('scimBaseUrlHelp'))];
  if (settings) {
    const toggle = h('input', { type: 'checkbox', class: 'switch', checked: !!settings.inboundEnabled, 'data-testid': 'inbound-enabled' });
    toggle.addEventListener('change', async () => {
      toggle.disabled = true;
      try {
        settings = await put('/settings', { ...settings, inboundEnabled: toggle.checked }) || { ...settings, inboundEnabled: toggle.checked };
        showSuccess(t(toggle.checked ? 'inbound.enabledNow' : 'inbound.disabledNow'));
      } catch (e) {
        toggle.checked = !toggle.checked;
        showError(e);
      } finally {
        toggle.disabled = false;
      }
    });
    body.unshift(field(t('inbound.enabled'), toggle, t('inbound.enabledHelp')));
  } else if (problem) {
    body.unshift(h('div', { class: 'field' }, h('span', { class: 'label' }, t('inbound.enabled')), problem));
  }
  section.append(...body);
}

async function renderTokens(section) {
  const list = h('div', {});
  const secretBox = h('div', {});
  const name = h('input', { type: 'text', required: true, maxlength: 100, 'data-testid': 'token-name' });
  const scope = h('select', { 'data-testid': 'token-scope' },
    h('option', { value: 'read-write' }, t('tokens.readWrite')), h('option', { value: 'read-only' }, t('tokens.readOnly')));
  const days = h('input', { type: 'number', min: 1, max: 3650, placeholder: t('tokens.never'), 'data-testid': 'token-expires' });
  const form = h('form', { class: 'inline-form' },
    field(t('tokens.name'), name), field(t('tokens.scope'), scope), field(t('tokens.expiresInDays'), days),
    h('button', { class: 'btn primary', type: 'submit', 'data-testid': 'token-create' }, t('tokens.create')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { name: name.value.trim(), scope: scope.value };
    if (days.value) body.expiresInDays = Number(days.value);
    try {
      const created = await post('/tokens', body);
      const secret = created.secret || created.token || '';
      clear(secretBox, h('div', { class: 'alert info', 'data-testid': 'token-secret-box' },
        h('strong', {}, t('tokens.secretOnce')),
        h('div', { class: 'input-group' }, h('input', { type: 'text', readonly: true, value: secret, 'data-testid': 'token-secret' }),
          copyButton(t('copy'), secret, 'copy-token'))));
      name.value = '';
      await load();
    } catch (e) {
      showError(e);
    }
  });

  async function load() {
    try {
      const tokens = await get('/tokens');
      const items = Array.isArray(tokens) ? tokens : (tokens && tokens.tokens) || [];
      clear(list, items.length === 0 ? h('p', { class: 'muted' }, t('tokens.none')) : h('table', { 'data-testid': 'tokens-table' },
        h('thead', {}, h('tr', {}, ['tokens.name', 'tokens.prefix', 'tokens.scope', 'tokens.created', 'tokens.expires', 'tokens.lastUsed', '']
          .map(k => h('th', {}, k ? t(k) : '')))),
        h('tbody', {}, items.map(token => h('tr', { 'data-testid': 'token-row' },
          h('td', {}, token.name), h('td', {}, h('code', {}, token.prefix || '')), h('td', {}, token.scope),
          h('td', {}, when(token.created)), h('td', {}, token.expires ? when(token.expires) : t('tokens.never')),
          h('td', {}, when(token.lastUsed)),
          h('td', {}, confirmButton(t('tokens.revoke'), t('confirm'), async () => {
            try {
              await del(`/tokens/${encodeURIComponent(token.id)}`);
              showSuccess(t('tokens.revoked', token.name));
              await load();
            } catch (e) {
              showError(e);
            }
          }, { 'data-testid': 'token-revoke' })))))));
      return true;
    } catch (e) {
      const problem = unavailable(e, 'tokens');
      if (!problem) showError(e);
      clear(section, h('h2', {}, t('tokens.title')), problem || h('p', { class: 'muted' }, t('loadFailed')));
      return false;
    }
  }

  section.append(h('p', { class: 'help' }, t('tokens.help')), form, secretBox, list);
  await load();
}
