// Drives the SCIM admin pages in headless Debian chromium (playwright-core, no browser download).
// Started by dev.kcscim.it.ui.AdminUiIT with everything it needs in environment variables; prints one line per
// step and exits 0 on success, 1 on the first failed expectation (after a screenshot "failure-<mode>.png").
//   MODE=admin      console login, our page by SSO, token, target, user in the console, delivery, dead letter, retry
//   MODE=no-access  a user without realm-management roles gets the "no access" view and 403s from the API
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installContractFakes } from './contract-fakes.mjs';

const env = name => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`missing environment variable ${name}`);
  return value;
};
const MODE = env('MODE');
const BASE = env('KC_BASE_URL');
const REALM = env('REALM');
const USER = env('KC_USER');
const PASSWORD = env('KC_PASSWORD');
const SHOTS = env('SCREENSHOT_DIR');
const PAGE = `${BASE}/realms/${REALM}/scim-provisioning/admin-ui/`;
const CONSOLE = `${BASE}/admin/${REALM}/console/`;
const TIMEOUT = Number(process.env.STEP_TIMEOUT_MS || 60000);

mkdirSync(SHOTS, { recursive: true });
rmSync(join(SHOTS, `failure-${MODE}.png`), { force: true });
const profile = mkdtempSync(join(tmpdir(), 'kcscim-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1360, height: 900 },
});
context.setDefaultTimeout(TIMEOUT);
const page = context.pages()[0] || await context.newPage();
const apiStatuses = [];
page.on('response', r => { if (r.url().includes('/scim-provisioning/') && r.url().includes('/admin/realms/')) apiStatuses.push([r.request().method(), r.url(), r.status()]); });
page.on('pageerror', e => console.log(`page error: ${e.message}`));
// Token requests of our page (not the admin console's): [grant_type, status]
const tokenGrants = [];
page.on('requestfinished', async request => {
  if (!request.url().endsWith('/protocol/openid-connect/token')) return;
  const form = new URLSearchParams(request.postData() || '');
  if (form.get('client_id') !== 'scim-provisioning-admin-ui') return;
  const response = await request.response();
  tokenGrants.push([form.get('grant_type'), response ? response.status() : 0]);
});

const step = message => console.log(`step: ${message}`);
const shot = name => page.screenshot({ path: join(SHOTS, name), fullPage: true });
function expect(condition, message) {
  if (!condition) throw new Error(`expectation failed: ${message}`);
}
const byTest = id => page.locator(`[data-testid="${id}"]`);
async function textOf(id) {
  return (await byTest(id).first().textContent()).trim();
}
async function waitText(id, predicate, what) {
  const deadline = Date.now() + TIMEOUT;
  let last = null;
  while (Date.now() < deadline) {
    if (await byTest(id).count() > 0) {
      last = await textOf(id);
      if (predicate(last)) return last;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`timed out waiting for ${what} (last "${last}")`);
}

async function loginForm() {
  await page.locator('#username').fill(USER);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
}

async function createUserInConsole(username) {
  step(`create user ${username} in the admin console`);
  await page.goto(`${CONSOLE}#/${REALM}/users/add-user`);
  const input = page.locator('input[name="username"], #username').first();
  await input.waitFor();
  await input.fill(username);
  await byTest('user-creation-save').click();
  await page.waitForURL(url => /\/users\/[0-9a-f-]{36}\//.test(url.toString()));
}

async function adminFlow() {
  step('log into the admin console of the realm');
  await page.goto(CONSOLE);
  await loginForm();
  await page.waitForURL(url => url.toString().startsWith(CONSOLE));
  await page.locator('#page-sidebar, nav').first().waitFor();
  await shot('ui-console.png');

  step('open the SCIM page: single sign-on, no second login form');
  await page.goto(`${PAGE}#/inbound`);
  await byTest('settings-card').waitFor();
  expect((await textOf('user')) === USER, 'the signed-in user is shown');
  expect((await page.locator('[data-testid="scim-base-url"]').inputValue()) === `${BASE}/realms/${REALM}/scim-provisioning/v2`, 'the SCIM base URL');

  if (process.env.TOKENS_AVAILABLE !== 'true') {
    step('endpoints absent on this server are shown as "not available"');
    await byTest('tokens-unavailable').waitFor();
    await byTest('settings-unavailable').waitFor();
    await byTest('mapping-unavailable').waitFor();
  }
  await installContractFakes(page, message => console.log(message));
  await page.reload();
  await byTest('inbound-enabled').waitFor();

  step('switch inbound SCIM off and on');
  const toggle = byTest('inbound-enabled');
  const initially = await toggle.isChecked();
  const flip = async () => {
    const saved = page.waitForResponse(r => r.url().includes('/scim-provisioning/settings') && r.request().method() === 'PUT');
    await toggle.click();
    expect((await saved).status() === 200, 'the settings were saved');
  };
  await flip();
  expect(await toggle.isChecked() === !initially, 'the switch flipped');
  await flip();
  expect(await toggle.isChecked() === initially, 'the switch flipped back');
  if (!(await toggle.isChecked())) await flip();
  expect(await toggle.isChecked(), 'inbound SCIM is on');

  step('create a provisioning token: the secret is shown once');
  await byTest('token-name').fill('entra');
  await byTest('token-create').click();
  const secret = await byTest('token-secret').inputValue();
  expect(secret.length >= 32, `the secret is shown (${secret.length} characters)`);
  await page.locator('[data-testid="token-row"]', { hasText: 'entra' }).waitFor();

  step('create and revoke a second token');
  await byTest('token-name').fill('temporary');
  await byTest('token-create').click();
  const temporary = page.locator('[data-testid="token-row"]', { hasText: 'temporary' });
  await temporary.waitFor();
  await temporary.locator('[data-testid="token-revoke"]').click();
  await temporary.locator('[data-testid="token-revoke"]').click();
  await temporary.waitFor({ state: 'detached' });
  expect(await byTest('token-row').count() === 1, 'one token left');

  step('save the custom schema extension mapping');
  if (await byTest('mapping-row').count() === 0) {
    // No extension yet on this realm: define one attribute
    await byTest('mapping-urn').fill('urn:example:params:scim:schemas:extension:acme:2.0:User');
    await byTest('mapping-name').fill('AcmeUser');
    await byTest('mapping-add').click();
    await page.locator('[data-testid="mapping-row"] .m-name').first().fill('costCenter');
  }
  expect(await byTest('mapping-row').count() >= 1, 'the mapping rows are shown');
  await byTest('mapping-save').click();
  await page.locator('[data-testid="alert-success"]', { hasText: 'Mapping saved' }).waitFor();
  await byTest('token-create').scrollIntoViewIfNeeded();
  await shot('ui-inbound.png');

  step('register a target pointing at the mock SCIM server');
  await byTest('nav-outbound').click();
  await byTest('targets-card').waitFor();
  await byTest('target-add').click();
  await byTest('target-name').fill('mock');
  await byTest('target-baseUrl').fill(env('TARGET_URL'));
  await byTest('target-auth-token').fill(env('TARGET_TOKEN'));
  await byTest('target-connectTimeoutMs').fill('1000');
  await byTest('target-requestTimeoutMs').fill('3000');
  await byTest('target-save').click();
  await byTest('status-card').waitFor();
  expect(/#\/targets\/[0-9a-f-]{36}$/.test(page.url()), 'the new target is opened');
  const targetPage = page.url();
  expect((await byTest('target-auth-token').inputValue()) === '**********', 'the stored token comes back masked');

  step('test the connection');
  await byTest('target-test').click();
  await waitText('test-ok', t => t === 'yes', 'a usable target');
  expect((await textOf('test-features')).includes('PATCH'), 'the supported features are listed');
  await shot('ui-target.png');

  await createUserInConsole('alice-ui');
  await shot('ui-console-add-user.png');

  step('the target status shows one delivered change');
  await page.goto(targetPage);
  await waitText('status-delivered', t => t === '1', 'one delivered change');
  await waitText('health', t => t === 'ok', 'health ok');
  await byTest('nav-outbound').click();
  await waitText('delivered-count', t => t === '1', 'one delivered change in the list');
  await shot('ui-outbound.png');

  step('force a failure: the target now gets a wrong token, so it answers 401');
  await page.goto(targetPage);
  await byTest('target-auth-token').fill('wrong-token-0123456789');
  await byTest('target-save').click();
  await byTest('alert-success').waitFor();
  await createUserInConsole('bob-ui');
  await page.goto(targetPage);
  await waitText('dead-error', t => t.includes('401'), 'the dead letter with the target\'s error');
  await waitText('health', t => t === 'failing', 'health failing');
  await shot('ui-dead-letters.png');

  step('fix the token and retry the dead letter');
  await byTest('target-auth-token').fill(env('TARGET_TOKEN'));
  await byTest('target-save').click();
  await byTest('alert-success').waitFor();
  await byTest('dead-retry').first().click();
  await byTest('dead-empty').waitFor();
  await waitText('status-delivered', t => t === '2', 'two delivered changes');
  await waitText('health', t => t === 'ok', 'health ok again');

  step('sync now: progress, then the drift report');
  await byTest('target-sync').click();
  await page.locator('[data-testid="sync-run"][data-state="done"]').waitFor();
  await byTest('drift-report').waitFor();
  await shot('ui-target-status.png');

  const refreshes = tokenGrants.filter(([grant]) => grant === 'refresh_token');
  expect(refreshes.length > 0 && refreshes.every(([, status]) => status === 200),
    `the access token was refreshed before it expired: ${JSON.stringify(tokenGrants)}`);
  expect(tokenGrants.every(([, status]) => status === 200), `every token request succeeded: ${JSON.stringify(tokenGrants)}`);
  console.log(`token requests: ${tokenGrants.length} (${refreshes.length} refreshes)`);

  const failed = apiStatuses.filter(([, url, status]) => status >= 400 && !/\/(tokens|settings|user-extension|sync)(\?|$)/.test(url));
  expect(failed.length === 0, `no failed admin call besides the absent endpoints: ${JSON.stringify(failed)}`);
}

async function noAccessFlow() {
  step('a user without realm-management roles opens the page');
  await page.goto(PAGE);
  await loginForm();
  await byTest('no-access').waitFor();
  await shot('ui-no-access.png');
  const targets = apiStatuses.filter(([method, url]) => method === 'GET' && url.endsWith('/scim-provisioning/targets'));
  expect(targets.length > 0 && targets.every(([, , status]) => status === 403), `GET targets answered 403: ${JSON.stringify(targets)}`);
  expect(!(await page.locator('#tabs').isVisible()), 'no navigation is offered');
}

let code = 0;
try {
  if (MODE === 'admin') await adminFlow();
  else if (MODE === 'no-access') await noAccessFlow();
  else throw new Error(`unknown MODE ${MODE}`);
  console.log(`ok: ${MODE}`);
} catch (e) {
  code = 1;
  console.log(`FAILED: ${e.message}`);
  console.log(`at ${page.url()}`);
  await page.screenshot({ path: join(SHOTS, `failure-${MODE}.png`), fullPage: true }).catch(() => {});
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(code);
