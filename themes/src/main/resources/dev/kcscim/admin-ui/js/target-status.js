// A target's live status, "Test connection", "Sync now" with its drift report, and the dead letters.
import { get, post, del } from './api.js';
import { h, clear, card, when, confirmButton } from './dom.js';
import { t } from './i18n.js';
import { showError, showSuccess, unavailable } from './alerts.js';
import { badge } from './health.js';

export function renderStatus(main, target) {
  const path = `/targets/${encodeURIComponent(target.id)}`;
  const statusBody = h('div', {});
  const testResult = h('div', {});
  const syncBody = h('div', {});
  const letters = h('div', {});
  const testButton = h('button', { type: 'button', class: 'btn secondary', 'data-testid': 'target-test' }, t('test.run'));
  testButton.addEventListener('click', async () => {
    testButton.disabled = true;
    clear(testResult, h('p', { class: 'muted' }, t('test.running')));
    try {
      clear(testResult, testView(await post(`${path}/test`)));
    } catch (e) {
      clear(testResult);
      showError(e);
    } finally {
      testButton.disabled = false;
    }
  });
  const syncButton = h('button', { type: 'button', class: 'btn secondary', 'data-testid': 'target-sync' }, t('sync.run'));
  syncButton.addEventListener('click', async () => {
    try {
      const job = await post(`${path}/sync`);
      showSuccess(t('sync.started', (job && (job.jobId || job.id)) || ''));
      loadSync();
    } catch (e) {
      const problem = unavailable(e, 'sync');
      if (problem) clear(syncBody, problem); else showError(e);
    }
  });
  main.append(
    card(t('status.title'), 'status-card', statusBody, h('div', { class: 'actions' }, testButton), testResult),
    card(t('sync.title'), 'sync-card', h('p', { class: 'help' }, t('sync.help')), h('div', { class: 'actions' }, syncButton), syncBody),
    card(t('dead.title'), 'dead-card', h('p', { class: 'help' }, t('dead.help')), letters));

  let reported = false;
  const report = e => { if (!reported) showError(e); reported = true; };
  const loadStatus = async () => {
    try { clear(statusBody, statusView(await get(`${path}/status`))); } catch (e) { report(e); }
  };
  const loadSync = async () => {
    try {
      clear(syncBody, syncView(await get(`${path}/sync`)));
    } catch (e) {
      const problem = unavailable(e, 'sync');
      if (problem) { clear(syncBody, problem); syncButton.disabled = e.notAvailable; } else report(e);
    }
  };
  const loadLetters = async () => {
    try { clear(letters, lettersView(await get(`${path}/dead-letters?first=0&max=100`), path, refresh)); } catch (e) { report(e); }
  };
  const refresh = () => Promise.all([loadStatus(), loadLetters()]);
  refresh();
  loadSync();
  const timer = setInterval(() => { refresh(); if (!syncButton.disabled) loadSync(); }, 3000);
  return () => clearInterval(timer);
}

function statusView(s) {
  const row = (key, value, testid) => [h('dt', {}, t(key)), h('dd', testid ? { 'data-testid': testid } : {}, value)];
  return h('dl', { class: 'status' },
    row('targets.health', badge(s)),
    row('status.queueDepth', String(s.queueDepth ?? 0), 'status-queue'),
    row('status.retrying', String(s.retrying ?? 0), 'status-retrying'),
    row('status.deadLetters', String(s.deadLetters ?? 0), 'status-dead'),
    row('status.delivered24h', String((s.delivered && s.delivered.last24h) ?? 0), 'status-delivered'),
    row('targets.lastSuccess', when(s.delivered && s.delivered.lastSuccessAt)),
    row('status.oldestPending', s.oldestPendingAgeMs ? `${Math.round(s.oldestPendingAgeMs / 1000)} s` : '—'),
    row('status.latency', s.latencyMs ? t('status.latencyValue', s.latencyMs.average ?? 0, s.latencyMs.max ?? 0) : '—'),
    row('status.lastError', s.lastError ? `${when(s.lastError.at)}: ${s.lastError.message || ''} (HTTP ${s.lastError.status ?? '—'})` : '—', 'status-last-error'),
    row('status.links', s.links ? t('status.linksValue', s.links.user ?? 0, s.links.group ?? 0) : '—'));
}

function testView(r) {
  const yesNo = v => h('span', { class: `badge ${v ? 'ok' : 'failing'}` }, t(v ? 'yes' : 'no'));
  const supported = v => h('span', { class: `badge ${v ? 'ok' : 'disabled'}` }, t(v ? 'yes' : 'no'));
  const spc = r.serviceProviderConfig || {};
  return h('div', { class: 'test-result', 'data-testid': 'test-result', 'data-ok': String(!!r.ok) },
    h('dl', { class: 'status' },
      h('dt', {}, t('test.reachable')), h('dd', {}, yesNo(r.reachable)),
      h('dt', {}, t('test.authenticated')), h('dd', {}, yesNo(r.authenticated)),
      h('dt', {}, t('test.overall')), h('dd', { 'data-testid': 'test-ok' }, yesNo(r.ok))),
    r.error || r.message ? h('p', { class: 'alert danger' }, r.error || r.message) : null,
    h('h3', {}, t('test.supports')),
    h('ul', { class: 'features', 'data-testid': 'test-features' },
      ['patch', 'bulk', 'filter', 'sort', 'etag', 'changePassword'].filter(k => k in spc).map(k =>
        h('li', {}, supported(spc[k]), ' ', t(`test.feature.${k}`), k === 'filter' && spc.filterMaxResults ? ` (max ${spc.filterMaxResults})` : ''))));
}

/** The last sync runs, newest first, each with its progress and drift report (shape from the sync endpoint). */
function syncView(body) {
  const runs = Array.isArray(body) ? body : (body && (body.runs || body.jobs)) || (body ? [body] : []);
  if (runs.length === 0) return h('p', { class: 'muted' }, t('sync.none'));
  return h('div', { 'data-testid': 'sync-runs' }, runs.slice(0, 5).map(run => {
    const { drift, driftReport, ...rest } = run;
    const report = drift || driftReport;
    return h('div', { class: 'sync-run', 'data-testid': 'sync-run', 'data-state': run.state || run.status || '' },
      h('dl', { class: 'status' }, Object.entries(rest).filter(([, v]) => typeof v !== 'object' || v === null)
        .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, /At$|started|finished/i.test(k) && typeof v === 'number' ? when(v) : String(v))])),
      report ? h('details', { open: true }, h('summary', {}, t('sync.drift')), h('pre', { 'data-testid': 'drift-report' }, JSON.stringify(report, null, 2))) : null);
  }));
}

function lettersView(list, path, refresh) {
  if (!list || list.length === 0) return h('p', { class: 'muted', 'data-testid': 'dead-empty' }, t('dead.none'));
  const act = async (what, call) => {
    try { await call(); showSuccess(t(what)); } catch (e) { showError(e); }
    await refresh();
  };
  return h('div', {},
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn secondary', 'data-testid': 'dead-retry-all',
        onclick: () => act('dead.retried', () => post(`${path}/dead-letters/retry`)) }, t('dead.retryAll')),
      confirmButton(t('dead.discardAll'), t('confirm'), () => act('dead.discarded', () => del(`${path}/dead-letters`)), { 'data-testid': 'dead-discard-all' })),
    h('table', { 'data-testid': 'dead-table' },
      h('thead', {}, h('tr', {}, ['dead.id', 'dead.resource', 'dead.operation', 'dead.attempts', 'dead.failedAt', 'dead.status', 'dead.error', '']
        .map(k => h('th', {}, k ? t(k) : '')))),
      h('tbody', {}, list.map(letter => h('tr', { 'data-testid': 'dead-row' },
        h('td', {}, letter.id), h('td', {}, `${letter.resourceType} `, h('code', {}, letter.resourceId)),
        h('td', {}, letter.operation + (letter.memberId ? ` (${letter.memberId})` : '')), h('td', {}, String(letter.attempts)),
        h('td', {}, when(letter.failedAt)), h('td', {}, String(letter.status ?? '—')),
        h('td', { class: 'error-detail', 'data-testid': 'dead-error' }, letter.error || ''),
        h('td', { class: 'row-actions' },
          h('button', { type: 'button', class: 'btn secondary', 'data-testid': 'dead-retry',
            onclick: () => act('dead.retried', () => post(`${path}/dead-letters/${encodeURIComponent(letter.id)}/retry`)) }, t('dead.retry')),
          confirmButton(t('dead.discard'), t('confirm'), () => act('dead.discarded', () => del(`${path}/dead-letters/${encodeURIComponent(letter.id)}`)), { 'data-testid': 'dead-discard' })))))));
}
