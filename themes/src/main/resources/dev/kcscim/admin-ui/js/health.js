// A target's health badge, computed from GET .../targets/{id}/status (see README "Admin pages").
import { h } from './dom.js';
import { t } from './i18n.js';

const STUCK_MS = 5 * 60 * 1000;

/** disabled | failing | retrying | ok */
export function health(status) {
  if (!status) return 'unknown';
  if (status.enabled === false) return 'disabled';
  if ((status.deadLetters || 0) > 0) return 'failing';
  if ((status.retrying || 0) > 0) return (status.oldestPendingAgeMs || 0) > STUCK_MS ? 'failing' : 'retrying';
  return 'ok';
}

export function badge(status) {
  const state = health(status);
  return h('span', { class: `badge ${state}`, 'data-testid': 'health', 'data-health': state }, t(`health.${state}`));
}
