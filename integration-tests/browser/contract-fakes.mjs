// Stand-ins for admin endpoints that other branches are building (tokens, settings, user-extension, target sync),
// used ONLY when the server under test answers 404/405 for them: every request first goes to the real server, and
// a real answer is always passed through. They follow the agreed contracts, so the pages' code paths for those
// sections run in the browser before the endpoints land; after the merge they fall away by themselves.

export async function installContractFakes(page, log) {
  const state = {
    settings: null,
    tokens: [],
    extension: { id: 'urn:example:params:scim:schemas:extension:acme:2.0:User', name: 'AcmeUser',
      attributes: [{ name: 'deptCode', type: 'string', multiValued: false, keycloakAttribute: 'deptCode' }] },
    syncPolls: 0,
    syncStarted: null,
  };
  const used = new Set();
  const json = (route, status, body) => route.fulfill({ status, contentType: 'application/json',
    body: body === undefined ? '' : JSON.stringify(body) });

  await page.route(/\/admin\/realms\/[^/]+\/scim-provisioning\/(tokens|settings|user-extension|targets\/[^/]+\/sync)(\/[^/?]+)?(\?.*)?$/, async route => {
    const real = await route.fetch();
    if (real.status() !== 404 && real.status() !== 405) {
      return route.fulfill({ response: real });
    }
    // Our admin API's own 404 ({"error": "not_found"}, e.g. no user extension yet): the endpoint exists
    if (real.status() === 404 && (await real.text()).includes('"not_found"')) {
      return route.fulfill({ response: real });
    }
    const request = route.request();
    const url = new URL(request.url());
    const method = request.method();
    const what = url.pathname.replace(/.*\/scim-provisioning\//, '');
    const endpoint = what.endsWith('/sync') ? 'sync' : what.split('/')[0];
    if (!used.has(endpoint)) log(`contract stand-in used for ${endpoint} (absent on this server)`);
    used.add(endpoint);
    const body = request.postData() ? JSON.parse(request.postData()) : undefined;
    if (what === 'settings') {
      const base = url.origin + url.pathname.replace(/\/admin\/realms\/([^/]+)\/.*/, '/realms/$1/scim-provisioning/v2');
      state.settings = state.settings || { inboundEnabled: true, scimBaseUrl: base };
      if (method === 'PUT') state.settings = { ...state.settings, ...body, scimBaseUrl: state.settings.scimBaseUrl };
      return json(route, 200, state.settings);
    }
    if (what === 'tokens' && method === 'GET') return json(route, 200, state.tokens.map(({ secret, ...t }) => t));
    if (what === 'tokens' && method === 'POST') {
      if (!body || !body.name) return json(route, 400, { error: 'invalid_token', errorMessage: 'name: is required' });
      const prefix = `kcscim_${Math.random().toString(36).slice(2, 8)}`;
      const token = { id: crypto.randomUUID(), name: body.name, scope: body.scope, prefix, created: Date.now(),
        expires: body.expiresInDays ? Date.now() + body.expiresInDays * 86400000 : null, lastUsed: null,
        secret: `${prefix}_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')}` };
      state.tokens.push(token);
      return json(route, 201, token);
    }
    if (what.startsWith('tokens/') && method === 'DELETE') {
      state.tokens = state.tokens.filter(t => t.id !== what.slice(7));
      return json(route, 204);
    }
    if (what === 'user-extension') {
      if (method === 'PUT') state.extension = body;
      return json(route, 200, state.extension);
    }
    if (what.endsWith('/sync') && method === 'POST') {
      state.syncStarted = Date.now();
      state.syncPolls = 0;
      return json(route, 202, { jobId: 'sync-1' });
    }
    if (what.endsWith('/sync') && method === 'GET') {
      if (!state.syncStarted) return json(route, 200, []);
      state.syncPolls += 1;
      const done = state.syncPolls > 2;
      return json(route, 200, [{ id: 'sync-1', state: done ? 'done' : 'running', startedAt: state.syncStarted,
        finishedAt: done ? Date.now() : null, usersChecked: done ? 2 : 1, groupsChecked: done ? 0 : 0,
        drift: done ? { usersMissingOnTarget: 0, usersDiffering: 0, usersOnlyOnTarget: 0, repaired: 0 } : undefined }]);
    }
    return json(route, 404, { error: 'not_found', errorMessage: `no stand-in for ${method} ${what}` });
  });
  return used;
}
