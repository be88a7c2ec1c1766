// The dashboard end to end in headless Chromium, against a live API with a real agent (DashboardIT
// starts both and passes what it made in the environment). Each step leaves a screenshot in SHOTS;
// the last line printed is a JSON summary; any failed check, page error, console error or refused
// request exits 1.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const { BASE, ADMIN_TOKEN, VIEWER_TOKEN, NODE, RUN, HOSTILE, SHOTS } = process.env;
mkdirSync(SHOTS, { recursive: true });
const problems = [];
const steps = [];

function check(condition, what) {
  if (!condition) throw new Error('check failed: ' + what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
const page = await context.newPage();
page.on('pageerror', e => problems.push('page error: ' + e.message));
page.on('console', m => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push('console: ' + m.text()); });
page.on('dialog', d => d.accept());
// Anything the page asks of another origin would break "works offline".
page.on('request', r => { if (!r.url().startsWith(BASE) && !r.url().startsWith('data:')) problems.push('request elsewhere: ' + r.url()); });

async function shot(name) {
  // What the page says in its own words (not the JSON editor or a rendered artifact) has no
  // programming leftovers in it.
  const words = await page.evaluate(() => {
    const copy = document.getElementById('view').cloneNode(true);
    copy.querySelectorAll('textarea, pre').forEach(e => e.remove());
    return copy.textContent;
  });
  const leftover = words.match(/\[object \w+\]|\bundefined\b|\bnull\b|\bNaN\b/);
  if (leftover) problems.push(`${name}: the page shows '${leftover[0]}'`);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  steps.push(name);
}

async function login(token) {
  await page.goto(BASE + '/ui/#/login');
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.locator('#fleet').waitFor({ timeout: 15000 });
}

try {
  // The root leads to the dashboard; without a token, to the login.
  const root = await page.goto(BASE + '/');
  check(new URL(page.url()).pathname === '/ui/', 'the root redirects to /ui/: ' + page.url());
  check((await page.evaluate(() => location.hash)) === '#/login', 'without a token the page asks for one');
  await page.locator('#token').waitFor();
  await shot('01-login');

  // A wrong token is refused on the page.
  await page.fill('#token', 'oc_not-a-token');
  await page.click('button[type=submit]');
  await page.getByRole('alert').waitFor();
  check((await page.getByRole('alert').textContent()).includes('unknown or revoked'), 'a wrong token is refused');

  // The admin sees the agent's node and its interfaces, hostile names as plain text.
  await login(ADMIN_TOKEN);
  const row = page.locator(`tr[data-node="${NODE}"]`);
  await row.waitFor({ timeout: 30000 });
  check(await row.locator('[data-interface="vb"]').count() === 1, 'the fleet shows interface vb of ' + NODE);
  check(await row.locator(`[data-interface="${HOSTILE.replace(/["\\]/g, '\\$&')}"]`).count() === 1, 'the hostile interface is listed');
  check((await row.textContent()).includes(HOSTILE), 'the hostile name is shown as text');
  check(await page.locator('#fleet b').count() === 0, 'no markup from an interface name reached the page');
  await shot('02-fleet');

  // An interface that appears while the page is open: the agent reports it at once, the page refreshes itself.
  execFileSync('ip', ['-n', NODE, 'link', 'add', 'mid0', 'type', 'veth', 'peer', 'name', 'mid1']);
  await row.locator('[data-interface="mid0"]').waitFor({ timeout: 30000 });

  // Filters: a label that matches nothing, then the run's label.
  await page.fill('input[name=selector]', 'run=nobody');
  await page.click('form.filters button');
  await page.locator('#fleet td.muted').waitFor();
  await page.fill('input[name=selector]', 'run=' + RUN);
  await page.selectOption('select[name=status]', '');
  await page.click('form.filters button');
  await row.waitFor();

  // A policy through the page: an invalid one is refused with the API's message, then a valid one is
  // previewed (what would change where) and created.
  await page.click('nav a[data-view=policies]');
  await page.locator('#policies').waitFor();
  await page.click('#new-policy');
  await page.locator('#policy-json').waitFor();
  const policy = {
    name: 'dashboard-no-gro', description: 'made in the dashboard test', priority: 50, mode: 'enforce',
    selector: { matchLabels: { run: RUN }, interfaces: ['vb'] }, features: { gro: false, gorp: false },
    rollout: { canary: 0, maxUnavailable: '100%', soak: '0s' },
  };
  await page.fill('#policy-json', JSON.stringify(policy, null, 2));
  await page.click('#preview');
  await page.locator('#policy-result .error').waitFor();
  const refusal = await page.locator('#policy-result .error').textContent();
  check(refusal.includes('features.gorp') && refusal.includes('did you mean'), 'the API names the mistyped feature: ' + refusal);
  await shot('03-policy-invalid');
  delete policy.features.gorp;
  await page.fill('#policy-json', JSON.stringify(policy, null, 2));
  await page.click('#preview');
  await page.locator('#preview-changes tbody tr td:nth-child(3)').first().waitFor();
  const preview = await page.locator('#preview-changes').textContent();
  check(preview.includes('rx-gro') && preview.includes(NODE), 'the preview shows rx-gro changing on the node: ' + preview);
  await shot('04-policy-preview');
  await page.click('#save');
  await page.waitForURL(/#\/policies\/\d+$/);
  await page.locator('#render').waitFor();
  await page.selectOption('#render-format', 'networkd');
  await page.click('#render');
  await page.locator('#render-output pre').waitFor();
  const rendered = await page.locator('#render-output pre').textContent();
  check(rendered.includes('GenericReceiveOffload=no'), 'the networkd artifact sets GRO off: ' + rendered);
  await shot('05-policy');

  // The agent applies it: the node page turns compliant (it refreshes itself), with the managed setting.
  await page.goto(BASE + '/ui/#/node/' + encodeURIComponent(NODE));
  await page.locator('#node-name').waitFor();
  await page.locator('h1 [data-status=compliant]').waitFor({ timeout: 60000 });
  await page.locator('#managed td', { hasText: 'rx-gro' }).first().waitFor({ timeout: 15000 });
  const managed = await page.locator('#managed').textContent();
  check(managed.includes('dashboard-no-gro'), 'the managed setting names its policy: ' + managed);
  check((await page.locator('#interfaces').textContent()).includes(HOSTILE), 'the node page shows the hostile name as text');

  // A finding with its evidence, fix and sources.
  const finding = page.locator('.finding').first();
  await finding.waitFor();
  check(await finding.locator('a[href^="http"]').count() > 0, 'the finding names its sources');
  await shot('06-node');

  await page.click('nav a[data-view=findings]');
  await page.locator('section.rule').first().waitFor();
  await page.locator('section.rule details summary').first().click();
  check((await page.locator('section.rule').first().textContent()).includes(NODE), 'the findings list the node');
  await shot('07-findings');

  await page.click('nav a[data-view=verifications]');
  await page.locator(`.verification[data-node="${NODE}"] svg`).waitFor();
  await shot('08-verifications');

  // A viewer sees no edit controls, and the API refuses an edit anyway.
  await page.click('#logout');
  await login(VIEWER_TOKEN);
  await page.click('nav a[data-view=policies]');
  await page.locator('#policies').waitFor();
  check(await page.locator('#new-policy').count() === 0, 'a viewer has no New policy');
  await page.click('#policies a');
  await page.locator('#policy-json').waitFor();
  check(await page.locator('#save').count() === 0 && await page.locator('#delete').count() === 0, 'a viewer has no Save or Delete');
  check(await page.locator('#policy-json').getAttribute('readonly') !== null, "a viewer's editor is read only");
  const refused = await page.evaluate(async () => (await fetch('/api/v1/policies', {
    method: 'POST', headers: { Authorization: 'Bearer ' + sessionStorage.getItem('offloadctl.token'), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'viewer-try', mode: 'audit', features: { gro: false } }),
  })).status);
  check(refused === 403, 'the API refuses a viewer\'s edit: ' + refused);
  await shot('09-viewer-policy');

  // The token lives in this tab only: a new tab of the same browser starts at the login.
  const other = await context.newPage();
  await other.goto(BASE + '/ui/#/fleet');
  await other.locator('#token').waitFor();
  await other.close();
} catch (e) {
  problems.push(e.message);
  await shot('failure').catch(() => {});
}
await browser.close();
console.log(JSON.stringify({ steps, problems }));
process.exit(problems.length ? 1 : 0);
