// Outbound: the realm's targets with health, queue depth and last success; refreshed every 5 s.
import { get } from './api.js';
import { h, clear, card, when } from './dom.js';
import { t } from './i18n.js';
import { showError } from './alerts.js';
import { badge } from './health.js';

export function renderOutbound(main) {
  const table = h('div', {}, h('p', { class: 'muted' }, t('loading')));
  main.append(card(t('targets.title'), 'targets-card',
    h('p', { class: 'help' }, t('targets.help')),
    h('div', { class: 'actions' }, h('a', { class: 'btn primary', href: '#/targets/new', 'data-testid': 'target-add' }, t('targets.add'))),
    table));
  let failedOnce = false;
  const load = async () => {
    try {
      const targets = await get('/targets');
      const statuses = await Promise.all(targets.map(target =>
        get(`/targets/${encodeURIComponent(target.id)}/status`).catch(() => null)));
      clear(table, targets.length === 0 ? h('p', { class: 'muted', 'data-testid': 'targets-empty' }, t('targets.none')) :
        h('table', { 'data-testid': 'targets-table' },
          h('thead', {}, h('tr', {}, ['targets.name', 'targets.baseUrl', 'targets.health', 'targets.queue', 'targets.deadLetters', 'targets.delivered24h', 'targets.lastSuccess']
            .map(k => h('th', {}, t(k))))),
          h('tbody', {}, targets.map((target, i) => {
            const status = statuses[i] || { enabled: target.enabled };
            return h('tr', { 'data-testid': 'target-row', 'data-name': target.name },
              h('td', {}, h('a', { href: `#/targets/${encodeURIComponent(target.id)}`, 'data-testid': 'target-link' }, target.name)),
              h('td', {}, h('code', {}, target.baseUrl)),
              h('td', {}, badge(status)),
              h('td', { 'data-testid': 'queue-depth' }, String(status.queueDepth ?? '—')),
              h('td', { 'data-testid': 'dead-letter-count' }, String(status.deadLetters ?? '—')),
              h('td', { 'data-testid': 'delivered-count' }, String((status.delivered && status.delivered.last24h) ?? '—')),
              h('td', {}, when(status.delivered && status.delivered.lastSuccessAt)));
          }))));
    } catch (e) {
      if (!failedOnce) showError(e);
      failedOnce = true;
    }
  };
  load();
  const timer = setInterval(load, 5000);
  return () => clearInterval(timer);
}
