// OIDC authorization code flow with PKCE S256 (RFC 6749 §4.1, RFC 7636) against this page's own realm, with the
// public client scim-provisioning-admin-ui. Tokens live in memory only; the PKCE verifier and state survive the
// redirect in sessionStorage and are removed as soon as the code is redeemed.

export const CLIENT_ID = 'scim-provisioning-admin-ui';
const KEY = 'kcscim.admin-ui.login';

const path = window.location.pathname;
const at = path.indexOf('/realms/');
export const contextPath = path.slice(0, at);
export const realm = decodeURIComponent(path.slice(at + 8).split('/')[0]);
export const serverUrl = window.location.origin + contextPath;
export const pageUrl = `${serverUrl}/realms/${encodeURIComponent(realm)}/scim-provisioning/admin-ui/`;
const oidc = `${serverUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect`;

let tokens = null;
let refreshTimer = null;

export function accessToken() {
  return tokens ? tokens.access_token : null;
}

/** The signed-in user's name from the ID token. */
export function username() {
  if (!tokens || !tokens.id_token) return '';
  const claims = decodeJwt(tokens.id_token);
  return claims.preferred_username || claims.sub || '';
}

/**
 * Completes a login when the page is the redirect target, otherwise starts one (an existing SSO session of the
 * realm, e.g. the admin console's, answers without a login form). Resolves to true once tokens are in memory.
 */
export async function login() {
  const params = new URLSearchParams(window.location.search);
  if (params.has('error')) {
    sessionStorage.removeItem(KEY);
    throw new Error(`${params.get('error')}: ${params.get('error_description') || ''}`);
  }
  if (params.has('code')) {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    sessionStorage.removeItem(KEY);
    window.history.replaceState(null, '', pageUrl + ((saved && saved.hash) || ''));
    if (!saved || saved.state !== params.get('state')) {
      return redirectToLogin();
    }
    await tokenRequest({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: pageUrl,
      client_id: CLIENT_ID, code_verifier: saved.verifier,
    });
    return true;
  }
  return redirectToLogin();
}

async function redirectToLogin() {
  if (!window.crypto || !window.crypto.subtle) {
    throw new Error('This page needs HTTPS (or localhost): the browser offers no Web Crypto for PKCE here.');
  }
  const verifier = random(32);
  const state = random(16);
  const nonce = random(16);
  sessionStorage.setItem(KEY, JSON.stringify({ verifier, state, hash: window.location.hash }));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const query = new URLSearchParams({
    client_id: CLIENT_ID, redirect_uri: pageUrl, response_type: 'code', scope: 'openid',
    state, nonce, code_challenge: challenge, code_challenge_method: 'S256',
  });
  window.location.assign(`${oidc}/auth?${query}`);
  return new Promise(() => {});
}

async function tokenRequest(form) {
  const response = await fetch(`${oidc}/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form), credentials: 'omit',
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`Token request failed: ${body.error || response.status} ${body.error_description || ''}`);
  }
  tokens = body;
  scheduleRefresh(body.expires_in);
}

function scheduleRefresh(expiresIn) {
  clearTimeout(refreshTimer);
  const seconds = Math.max(5, (Number(expiresIn) || 60) - 30);
  refreshTimer = setTimeout(refresh, seconds * 1000);
}

/** Uses the refresh token 30 s before the access token expires; a failed refresh starts a new login. */
export async function refresh() {
  try {
    await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT_ID });
  } catch (e) {
    tokens = null;
    await redirectToLogin();
  }
}

/** RP-initiated logout (OIDC RP-Initiated Logout 1.0): ends the realm's SSO session and comes back here. */
export function logout() {
  const query = new URLSearchParams({ client_id: CLIENT_ID, post_logout_redirect_uri: pageUrl });
  if (tokens && tokens.id_token) query.set('id_token_hint', tokens.id_token);
  tokens = null;
  window.location.assign(`${oidc}/logout?${query}`);
}

function random(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeJwt(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch (e) {
    return {};
  }
}
