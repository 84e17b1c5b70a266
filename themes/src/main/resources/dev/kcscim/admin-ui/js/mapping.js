// The realm's custom SCIM schema extension for users: SCIM attribute -> Keycloak user attribute
// (GET/PUT .../user-extension, the shape of a /Schemas resource plus "keycloakAttribute"; RFC 7643 §3.3, §7).
import { get, put } from './api.js';
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { showError, showSuccess, unavailable } from './alerts.js';

const TYPES = ['string', 'boolean', 'integer', 'decimal', 'dateTime', 'reference'];

export async function renderMapping(section) {
  let current;
  try {
    current = await get('/user-extension');
  } catch (e) {
    // The endpoint answers 404 {"error": "not_found"} while the realm has no extension yet: start an empty one
    if (e.status === 404 && e.body && e.body.error === 'not_found') {
      current = null;
    } else {
      const problem = unavailable(e, 'mapping');
      if (!problem) showError(e);
      section.append(problem || h('p', { class: 'muted' }, t('loadFailed')));
      return;
    }
  }
  current = current || { id: '', name: '', attributes: [] };
  const id = h('input', { type: 'text', value: current.id || '', placeholder: 'urn:example:params:scim:schemas:extension:acme:2.0:User', 'data-testid': 'mapping-urn' });
  const name = h('input', { type: 'text', value: current.name || '', 'data-testid': 'mapping-name' });
  const rows = h('tbody', {});
  const addRow = attr => {
    const row = h('tr', { 'data-testid': 'mapping-row' },
      h('td', {}, h('input', { type: 'text', value: attr.name || '', class: 'm-name' })),
      h('td', {}, h('select', { class: 'm-type' }, TYPES.map(type => h('option', { value: type, selected: (attr.type || 'string') === type }, type)))),
      h('td', {}, h('input', { type: 'checkbox', class: 'm-multi', checked: !!attr.multiValued })),
      h('td', {}, h('input', { type: 'text', value: attr.keycloakAttribute || '', class: 'm-kc', placeholder: t('mapping.sameName') })),
      h('td', {}, h('input', { type: 'text', value: attr.description || '', class: 'm-desc' })),
      h('td', {}, h('button', { type: 'button', class: 'btn link', onclick: () => row.remove() }, t('mapping.remove'))));
    rows.append(row);
  };
  (current.attributes || []).forEach(addRow);
  const save = async event => {
    event.preventDefault();
    const attributes = [...rows.querySelectorAll('tr')].map(row => {
      const attr = { name: row.querySelector('.m-name').value.trim(), type: row.querySelector('.m-type').value,
        multiValued: row.querySelector('.m-multi').checked, keycloakAttribute: row.querySelector('.m-kc').value.trim() };
      const description = row.querySelector('.m-desc').value.trim();
      if (description) attr.description = description;
      if (!attr.keycloakAttribute) delete attr.keycloakAttribute;
      return attr;
    });
    try {
      const saved = await put('/user-extension', { ...current, id: id.value.trim(), name: name.value.trim(), attributes });
      current = saved || current;
      showSuccess(t('mapping.saved'));
    } catch (e) {
      showError(e);
    }
  };
  const form = h('form', {},
    h('p', { class: 'help' }, t('mapping.help')),
    h('div', { class: 'inline-form' }, h('label', { class: 'field wide' }, h('span', { class: 'label' }, t('mapping.urn')), id),
      h('label', { class: 'field' }, h('span', { class: 'label' }, t('mapping.schemaName')), name)),
    h('table', {}, h('thead', {}, h('tr', {}, ['mapping.attribute', 'mapping.type', 'mapping.multiValued', 'mapping.keycloakAttribute', 'mapping.description', '']
      .map(k => h('th', {}, k ? t(k) : '')))), rows),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn secondary', 'data-testid': 'mapping-add', onclick: () => addRow({}) }, t('mapping.add')),
      h('button', { type: 'submit', class: 'btn primary', 'data-testid': 'mapping-save' }, t('save'))));
  form.addEventListener('submit', save);
  clear(section, h('h2', {}, t('mapping.title')), form);
}
