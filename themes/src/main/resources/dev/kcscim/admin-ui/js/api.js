// The documented admin REST API (/admin/realms/{realm}/scim-provisioning/...) with the signed-in admin's token.
import { accessToken, realm, serverUrl } from './auth.js';

export const adminBase = `${serverUrl}/admin/realms/${encodeURIComponent(realm)}/scim-provisioning`;

/** A failed call: HTTP status plus the server's detail (admin errorMessage/errors, or SCIM detail/scimType). */
export class ApiError extends Error {
  constructor(status, body, what) {
    const detail = body && (body.errorMessage || body.detail || body.error_description || body.error);
    super(`${what}: HTTP ${status}${detail ? ' — ' + detail : ''}${body && body.scimType ? ` (${body.scimType})` : ''}`);
    this.status = status;
    this.body = body;
    this.problems = (body && Array.isArray(body.errors)) ? body.errors : [];
  }

  // A server without the endpoint: 404, or 405 when another admin resource matched the path
  get notAvailable() { return this.status === 404 || this.status === 405; }
  get forbidden() { return this.status === 403; }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${accessToken()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(adminBase + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
    });
  } catch (e) {
    throw new ApiError(0, { errorMessage: `network error (${e.message})` }, `${method} ${path}`);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = { errorMessage: text.slice(0, 300) }; }
  }
  if (!response.ok) throw new ApiError(response.status, json, `${method} ${path}`);
  return { status: response.status, body: json };
}

export const get = path => api('GET', path).then(r => r.body);
export const post = (path, body) => api('POST', path, body).then(r => r.body);
export const put = (path, body) => api('PUT', path, body).then(r => r.body);
export const del = path => api('DELETE', path).then(r => r.body);
