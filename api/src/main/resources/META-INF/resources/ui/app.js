// The offloadctl dashboard: one ES module, no dependencies, nothing from elsewhere. Everything it
// shows comes from the API that serves it, with the token its user entered (kept in this tab's
// sessionStorage only). What the API sends is put into the page as text, never as HTML: node,
// interface and policy names come from agents and operators.

const TOKEN_KEY = 'offloadctl.token';
const REFRESH_MS = 5000;
const view = document.getElementById('view');

/** The token of this tab ({id, name, role, node}), once it is known. */
let me = null;
/** The API's contract: the statuses and persistence formats the page offers come from it. */
let contract = null;
let routeSeq = 0;
let refreshTimer = null;

// ---------------------------------------------------------------- page building

/** An element; children are nodes or text (never parsed as HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of nodes(children)) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** What a view returns (nodes, text, nested lists, nulls for what it leaves out) as the nodes to show. */
function nodes(...content) {
  return content.flat(Infinity).filter(c => c != null && c !== false);
}

function badge(status, prefix = 'status') {
  return el('span', { class: `badge ${prefix}-${String(status).replace(/[^a-z-]/g, '')}`, 'data-status': status }, status);
}

function table(headings, rows, attrs) {
  return el('table', attrs, el('thead', null, el('tr', null, headings.map(h => el('th', null, h)))),
    el('tbody', null, rows.length ? rows : el('tr', null, el('td', { colspan: headings.length, class: 'muted' }, 'None.'))));
}

function value(v) {
  if (v === null || v === undefined) return el('span', { class: 'muted' }, '—');
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  return String(v);
}

function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function nodeLink(name) {
  return el('a', { href: '#/node/' + encodeURIComponent(name), class: 'node-link' }, name);
}

/** Only web links: a source's address is data. */
function sourceLink(source) {
  const url = /^https?:\/\//.test(source.url || '') ? source.url : null;
  return url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, source.title) : el('span', null, source.title);
}

function errorBox(error) {
  const problem = error.problem || {};
  const lines = [error.status ? `${error.status}: ${problem.title || ''}` : '', problem.detail || error.message]
    .filter(Boolean).join('\n');
  return el('div', { class: 'error', role: 'alert' }, lines,
    (problem.violations || []).length ? el('ul', { class: 'violations' },
      problem.violations.map(v => el('li', null, el('code', null, v.field), ': ', v.message))) : null);
}

const canEdit = () => me && me.role === 'admin';

// ---------------------------------------------------------------- the API

class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const h = { Accept: 'application/json, application/problem+json;q=0.9, */*;q=0.5', ...headers };
  if (token) h.Authorization = 'Bearer ' + token;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { detail: 'the API did not answer: ' + e.message });
  }
  const type = response.headers.get('Content-Type') || '';
  const payload = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
  if (response.status === 401 && token) {
    sessionStorage.removeItem(TOKEN_KEY);
    me = null;
    location.hash = '#/login';
  }
  if (!response.ok) {
    throw new ApiError(response.status, payload && typeof payload === 'object' ? payload : { detail: payload || response.statusText });
  }
  return { body: payload, etag: response.headers.get('ETag') };
}

const get = async path => (await api(path)).body;

/** An enumeration of the contract: a schema's, or an operation's query parameter's. */
function enumeration({ schema, operation, parameter }) {
  if (schema) return contract.components.schemas[schema].enum;
  for (const item of Object.values(contract.paths)) {
    for (const op of Object.values(item)) {
      if (op && op.operationId === operation) {
        return (op.parameters || []).find(p => p.name === parameter).schema.enum;
      }
    }
  }
  return [];
}

// ---------------------------------------------------------------- routing

const routes = [
  [/^login$/, loginView],
  [/^fleet$/, fleetView],
  [/^node\/(.+)$/, nodeView],
  [/^findings$/, findingsView],
  [/^policies$/, policiesView],
  [/^policies\/(new|\d+)$/, policyView],
  [/^verifications$/, verificationsView],
];

function parseHash() {
  const [path, query] = (location.hash.replace(/^#\/?/, '') || 'fleet').split('?');
  return { path, query: new URLSearchParams(query || '') };
}

async function route() {
  clearTimeout(refreshTimer);
  const seq = ++routeSeq;
  const { path, query } = parseHash();
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token && path !== 'login') {
    location.hash = '#/login';
    return;
  }
  try {
    if (token && !me) {
      me = await get('/api/v1/tokens/self');
      contract = await get('/q/openapi?format=json');
    }
  } catch (e) {
    show(seq, errorBox(e));
    return;
  }
  header(path);
  const match = routes.map(([pattern, handler]) => [path.match(pattern), handler]).find(([m]) => m);
  if (!match) {
    show(seq, el('div', { class: 'error' }, 'No such page: ' + path), el('p', null, el('a', { href: '#/fleet' }, 'The fleet')));
    return;
  }
  const [m, handler] = match;
  try {
    const content = await handler(query, ...m.slice(1).map(decodeURIComponent));
    show(seq, content);
    if (handler.refreshes) {
      refreshTimer = setTimeout(() => {
        if (!view.contains(document.activeElement) || document.activeElement === document.body) route();
        else refreshTimer = setTimeout(route, REFRESH_MS);
      }, REFRESH_MS);
    }
  } catch (e) {
    show(seq, errorBox(e));
  }
}

function show(seq, ...content) {
  if (seq === routeSeq) view.replaceChildren(...nodes(content));
}

function header(path) {
  const nav = document.getElementById('nav');
  nav.hidden = !me;
  document.getElementById('logout').hidden = !me;
  document.getElementById('who').textContent = me ? `${me.name} (${me.role})` : '';
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', path.startsWith(a.dataset.view));
}

document.getElementById('logout').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  me = null;
  location.hash = '#/login';
});
window.addEventListener('hashchange', route);
route();

// ---------------------------------------------------------------- login

async function loginView() {
  const input = el('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true,
    placeholder: 'oc_…', 'aria-label': 'API token' });
  const message = el('div');
  const form = el('form', { class: 'card login', onsubmit: async event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    me = null;
    try {
      const self = await get('/api/v1/tokens/self');
      if (self.role !== 'admin' && self.role !== 'viewer') {
        sessionStorage.removeItem(TOKEN_KEY);
        message.replaceChildren(el('div', { class: 'error' }, `This is an ${self.role} token`
          + (self.node ? ` (node ${self.node})` : '') + ': it cannot read the fleet. Use a viewer or admin token.'));
        return;
      }
      location.hash = '#/fleet';
      if (parseHash().path === 'fleet') route();
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      message.replaceChildren(errorBox(e.status === 401 ? new ApiError(401, { detail: 'unknown or revoked token' }) : e));
    }
  } },
  el('h1', null, 'Log in'),
  el('p', { class: 'muted' }, 'An API token with the viewer or admin role. It is kept for this tab only.'),
  el('label', { for: 'token' }, 'Token'), input, el('button', { type: 'submit' }, 'Log in'), message);
  setTimeout(() => input.focus());
  return form;
}

// ---------------------------------------------------------------- the fleet

async function fleetView(query) {
  const filters = { selector: query.get('selector') || '', driver: query.get('driver') || '', status: query.get('status') || '' };
  const params = new URLSearchParams({ size: '500' });
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const [page, compliance] = await Promise.all([get('/api/v1/nodes?' + params), get('/api/v1/compliance')]);
  const byNode = new Map(compliance.details.map(d => [d.node, d]));
  const statuses = enumeration({ schema: 'ComplianceStatus' });

  const field = (name, label, input) => el('label', null, label, input);
  const selector = el('input', { name: 'selector', value: filters.selector, placeholder: 'role=hypervisor,rack!=r3' });
  const driver = el('input', { name: 'driver', value: filters.driver, placeholder: 'bnxt_en' });
  const status = el('select', { name: 'status' }, el('option', { value: '' }, 'any'),
    statuses.map(s => el('option', { value: s, selected: s === filters.status }, s)));
  const form = el('form', { class: 'filters', onsubmit: e => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (selector.value.trim()) q.set('selector', selector.value.trim());
    if (driver.value.trim()) q.set('driver', driver.value.trim());
    if (status.value) q.set('status', status.value);
    location.hash = '#/fleet' + (q.toString() ? '?' + q : '');
  } }, field('selector', 'Labels', selector), field('driver', 'Driver', driver), field('status', 'Status', status),
  el('button', { type: 'submit' }, 'Filter'));

  const counts = el('div', { class: 'counts' }, statuses.filter(s => compliance.nodes[s])
    .map(s => el('span', null, badge(s), ' ', compliance.nodes[s], ' node', compliance.nodes[s] === 1 ? '' : 's')));

  const rows = page.items.map(n => {
    const c = byNode.get(n.name);
    const cells = (c ? c.interfaces : []).map(i => el('a', {
      class: `cell status-${i.status}`, href: '#/node/' + encodeURIComponent(n.name), 'data-interface': i.name,
      title: i.deviations.length ? i.deviations.map(d => `${d.setting}: ${JSON.stringify(d.actual)} → ${JSON.stringify(d.desired)} (${d.status})`).join('\n') : i.status,
    }, i.name));
    return el('tr', { 'data-node': n.name },
      el('td', null, nodeLink(n.name)), el('td', null, badge(n.status)),
      el('td', null, Object.entries(n.labels).map(([k, v]) => el('code', null, `${k}=${v} `))),
      el('td', null, el('div', { class: 'cells' }, cells)), el('td', null, when(n.reportedAt)));
  });
  return [el('h1', null, 'Fleet'), counts, form,
    el('p', { class: 'muted' }, `${page.total} node${page.total === 1 ? '' : 's'}`, page.total > page.items.length ? `, the first ${page.items.length} shown` : ''),
    table(['Node', 'Status', 'Labels', 'Interfaces', 'Reported'], rows, { id: 'fleet' })];
}
fleetView.refreshes = true;

// ---------------------------------------------------------------- a node

async function nodeView(query, name) {
  const path = '/api/v1/nodes/' + encodeURIComponent(name);
  const [node, events, verifications] = await Promise.all([get(path),
    get('/api/v1/events?size=50&node=' + encodeURIComponent(name)),
    get('/api/v1/verifications?latest=true&size=100&node=' + encodeURIComponent(name))]);
  const s = node.summary;
  const compliance = new Map(node.compliance.map(c => [c.name, c]));
  const agent = node.report.agent;

  const retry = canEdit() && agent && agent.quarantine ? el('button', { type: 'button', onclick: async e => {
    e.target.disabled = true;
    try { await api(path + '/retry', { method: 'POST' }); route(); } catch (err) { e.target.after(errorBox(err)); }
  } }, 'Retry the failed revision') : null;

  const interfaces = node.report.interfaces.map(i => {
    const c = compliance.get(i.name);
    const features = Object.entries(i.features).map(([f, r]) =>
      el('tr', null, el('td', null, f), el('td', null, r.active ? 'on' : 'off'), el('td', null, r.fixed ? 'fixed' : '')));
    return el('tr', { 'data-interface': i.name },
      el('td', null, el('strong', null, i.name)), el('td', null, i.kind), el('td', null, value(i.driver)),
      el('td', null, i.mtu), el('td', null, value(i.master)), el('td', null, c ? badge(c.status) : badge('unmanaged')),
      el('td', null, c && c.deviations.length ? el('ul', null, c.deviations.map(d => el('li', null,
        el('code', null, d.setting), ': ', value(d.actual), ' → ', value(d.desired), ` (${d.status}, ${d.policy})`,
        d.reason ? ' — ' + d.reason : ''))) : ''),
      el('td', null, el('details', null, el('summary', null, `${features.length} features`),
        table(['Feature', 'Active', ''], features))));
  });

  const managed = node.managed.map(m => el('tr', null, el('td', null, m.interfaceName), el('td', null, el('code', null, m.setting)),
    el('td', null, value(m.original)), el('td', null, value(m.desired)), el('td', null, value(m.actual)),
    el('td', null, value(m.policy)), el('td', null, m.onRemove)));

  return [
    el('h1', null, 'Node ', el('span', { id: 'node-name' }, s.name), ' ', badge(s.status)),
    el('div', { class: 'card' },
      el('div', null, 'Labels: ', Object.entries(s.labels).map(([k, v]) => el('code', null, `${k}=${v} `))),
      el('div', null, `Kernel ${s.kernel || '—'} · agent ${s.agentVersion || '—'} · reported ${when(s.reportedAt)} · desired revision ${s.desiredRevision}`),
      agent && agent.quarantine ? el('div', { class: 'error' }, `Revision ${agent.quarantine.revision} failed at ${when(agent.quarantine.at)}: `
        + agent.quarantine.reason + '. The agent does not try it again until the revision changes or an admin asks for a retry.', ' ', retry) : null,
      agent && agent.contested.length ? el('div', { class: 'error' }, 'Contested (the agent stopped repairing): ',
        agent.contested.map(c => `${c.interfaceName} ${c.setting}`).join(', ')) : null),
    el('h2', null, 'Interfaces'),
    table(['Interface', 'Kind', 'Driver', 'MTU', 'Master', 'Status', 'Deviations', 'Features'], interfaces, { id: 'interfaces' }),
    el('h2', null, 'Managed settings'),
    table(['Interface', 'Setting', 'Original', 'Desired', 'Actual', 'Policy', 'On removal'], managed, { id: 'managed' }),
    el('h2', null, 'Findings'),
    node.findings.length ? node.findings.map(findingCard) : el('p', { class: 'muted' }, 'The rules found nothing.'),
    el('h2', null, 'Throughput verifications'), verificationCharts(verifications.items),
    el('h2', null, 'Events'),
    table(['When', 'Type', 'Policy', 'What'], events.items.map(e => el('tr', null, el('td', null, when(e.at)),
      el('td', null, e.type), el('td', null, value(e.policy)), el('td', null, e.detail))), { id: 'events' }),
  ];
}
nodeView.refreshes = true;

function findingCard(f) {
  return el('div', { class: 'card finding', 'data-rule': f.rule },
    el('div', { class: 'row' }, badge(f.severity, 'severity'), el('strong', null, f.title),
      el('span', { class: 'muted' }, f.interfaceName, ' · ', f.rule)),
    f.evidence.length ? el('ul', null, f.evidence.map(e => el('li', null, e))) : null,
    f.fix ? el('div', null, 'Fix: ', el('code', null, `offloadctl set ${f.interfaceName} ${f.fix}`)) : null,
    el('p', null, f.explanation),
    el('div', { class: 'muted' }, 'Sources: ', f.sources.map((s, i) => [i ? ' · ' : '', sourceLink(s)])));
}

// ---------------------------------------------------------------- findings

async function findingsView() {
  const page = await get('/api/v1/findings?size=500');
  const rules = new Map();
  for (const item of page.items) {
    if (!rules.has(item.finding.rule)) rules.set(item.finding.rule, []);
    rules.get(item.finding.rule).push(item);
  }
  const groups = [...rules.entries()].map(([rule, items]) => {
    const first = items[0].finding;
    return el('section', { class: 'card rule', 'data-rule': rule },
      el('div', { class: 'row' }, badge(first.severity, 'severity'), el('strong', null, first.title),
        el('span', { class: 'muted' }, `${rule} · ${page.byRule[rule] || items.length} finding(s)`)),
      el('p', null, first.explanation),
      el('div', { class: 'muted' }, 'Sources: ', first.sources.map((s, i) => [i ? ' · ' : '', sourceLink(s)])),
      el('details', null, el('summary', null, 'Where'),
        table(['Node', 'Interface', 'Evidence', 'Fix'], items.map(({ node, finding }) => el('tr', null,
          el('td', null, nodeLink(node)), el('td', null, finding.interfaceName),
          el('td', null, el('ul', null, finding.evidence.map(e => el('li', null, e)))),
          el('td', null, finding.fix ? el('code', null, `offloadctl set ${finding.interfaceName} ${finding.fix}`) : '—'))))));
  });
  return [el('h1', null, 'Findings'),
    el('p', { class: 'muted' }, `${page.total} finding(s) on ${page.nodes} node(s)`),
    groups.length ? groups : el('p', { class: 'muted' }, 'The rules found nothing anywhere.')];
}
findingsView.refreshes = true;

// ---------------------------------------------------------------- policies

/** The sections of a policy beside its features, as the contract has them: the properties that are a *Request schema. */
function settingSections() {
  return Object.entries(contract.components.schemas.Policy.properties)
    .filter(([, prop]) => (prop.anyOf || [prop]).some(s => (s.$ref || '').endsWith('Request')))
    .map(([name]) => name);
}

function settingsSummary(p) {
  const parts = Object.entries(p.features || {}).map(([f, on]) => `${f} ${on ? 'on' : 'off'}`);
  for (const section of settingSections()) {
    for (const [k, v] of Object.entries(p[section] || {})) if (v !== null) parts.push(`${section}.${k} ${value(v)}`);
  }
  return parts.join(', ');
}

async function policiesView() {
  const [policies, rollouts] = await Promise.all([get('/api/v1/policies'), get('/api/v1/rollouts')]);
  const latest = new Map();
  for (const r of rollouts) if (!latest.has(r.policyId)) latest.set(r.policyId, r);
  const rows = policies.map(sp => {
    const p = sp.policy;
    const r = latest.get(sp.id);
    return el('tr', { 'data-policy': p.name },
      el('td', null, el('a', { href: '#/policies/' + sp.id }, p.name)), el('td', null, p.mode), el('td', null, p.priority),
      el('td', null, el('code', null, JSON.stringify(p.selector))), el('td', null, settingsSummary(p)),
      el('td', null, r ? `${r.state} (wave ${r.currentWave} of ${r.waves.length})` : '—'), el('td', null, when(sp.updatedAt)));
  });
  return [el('div', { class: 'row' }, el('h1', null, 'Policies'),
    canEdit() ? el('a', { href: '#/policies/new', id: 'new-policy' }, el('button', { type: 'button' }, 'New policy')) : null),
  table(['Name', 'Mode', 'Priority', 'Selector', 'Settings', 'Rollout', 'Updated'], rows, { id: 'policies' })];
}

const NEW_POLICY = {
  name: 'bridge-ports-no-gro', description: 'Why this policy exists, for the next operator', priority: 100, mode: 'audit',
  selector: { matchLabels: { role: 'hypervisor' }, interfaces: ['eno*'] }, features: { gro: false, gso: false },
};

async function policyView(query, id) {
  const isNew = id === 'new';
  let stored = null;
  let etag = null;
  if (!isNew) {
    const answer = await api('/api/v1/policies/' + id);
    stored = answer.body;
    etag = answer.etag;
  }
  const editor = el('textarea', { id: 'policy-json', spellcheck: 'false', readonly: !canEdit(), 'aria-label': 'Policy (JSON)' },
    JSON.stringify(isNew ? NEW_POLICY : stored.policy, null, 2));
  const result = el('div', { id: 'policy-result' });
  const parsed = () => {
    try {
      return JSON.parse(editor.value);
    } catch (e) {
      result.replaceChildren(el('div', { class: 'error' }, 'Not JSON: ' + e.message));
      return undefined;
    }
  };
  const run = async (what, action) => {
    const body = parsed();
    if (body === undefined) return;
    result.replaceChildren(el('p', { class: 'muted' }, what + '…'));
    try {
      result.replaceChildren(...nodes(await action(body)));
    } catch (e) {
      result.replaceChildren(errorBox(e));
    }
  };
  const preview = () => run('Previewing', async body => previewOf((await api('/api/v1/policies/preview', { method: 'POST', body })).body));
  const save = () => run('Saving', async body => {
    const answer = isNew ? await api('/api/v1/policies', { method: 'POST', body })
      : await api('/api/v1/policies/' + id, { method: 'PUT', body, headers: etag ? { 'If-Match': etag } : {} });
    etag = answer.etag;
    if (isNew) {
      location.hash = '#/policies/' + answer.body.id;
      return [];
    }
    stored = answer.body;
    editor.value = JSON.stringify(stored.policy, null, 2);
    return el('div', { class: 'ok' }, `Saved: version ${stored.version}.`);
  });
  const remove = () => run('Deleting', async () => {
    const removal = (await api(`/api/v1/policies/${id}/removal`)).body;
    if (!confirm(`Delete policy ${stored.policy.name}? ${JSON.stringify(removal).slice(0, 400)}`)) return [];
    await api('/api/v1/policies/' + id, { method: 'DELETE', headers: etag ? { 'If-Match': etag } : {} });
    location.hash = '#/policies';
    return [];
  });

  const buttons = el('div', { class: 'row' },
    el('button', { type: 'button', id: 'preview', class: 'secondary', onclick: preview }, 'Preview'),
    canEdit() ? el('button', { type: 'button', id: 'save', onclick: save }, isNew ? 'Create' : 'Save') : null,
    canEdit() && !isNew ? el('button', { type: 'button', id: 'delete', class: 'secondary', onclick: remove }, 'Delete') : null,
    el('span', { class: 'muted' }, canEdit() ? 'Preview shows what would change where before anything is saved.' : 'Read only: a viewer token.'));

  const sections = [el('h1', null, isNew ? 'New policy' : 'Policy ' + stored.policy.name),
    stored ? el('p', { class: 'muted' }, `Version ${stored.version} · created ${when(stored.createdAt)} · updated ${when(stored.updatedAt)}`) : null,
    el('div', { class: 'grid2' }, el('div', null, editor, buttons), result)];
  if (!isNew) sections.push(await rolloutSection(id), renderSection(id));
  return sections;
}

function previewOf(p) {
  return [el('div', { class: 'ok' }, `Selects ${p.selectedInterfaces} interface(s) on ${p.selectedNodes} node(s); would change ${p.changes.length} setting(s).`),
    table(['Node', 'Interface', 'Setting', 'Now', 'Desired', 'Enforceable'], p.changes.map(c => el('tr', null,
      el('td', null, nodeLink(c.node)), el('td', null, c.interfaceName), el('td', null, el('code', null, c.setting)),
      el('td', null, value(c.from)), el('td', null, value(c.to)), el('td', null, c.enforceable ? 'yes' : 'no'))), { id: 'preview-changes' }),
    p.conflicts.length ? el('div', { class: 'error' }, 'Conflicts: ' + JSON.stringify(p.conflicts)) : null,
    p.suspensions.length ? el('div', { class: 'error' }, 'Suspensions: ' + JSON.stringify(p.suspensions)) : null];
}

/** What an admin may do to a rollout in each state (the API refuses the others). */
const ROLLOUT_ACTIONS = { progressing: ['pause', 'abort'], paused: ['resume', 'abort'] };

async function rolloutSection(id) {
  let rollout;
  try {
    rollout = await get(`/api/v1/policies/${id}/rollout`);
  } catch (e) {
    if (e.status === 404) return el('div', null, el('h2', null, 'Rollout'), el('p', { class: 'muted' }, 'No rollout.'));
    throw e;
  }
  const action = verb => el('button', { type: 'button', class: 'secondary', onclick: async ev => {
    try { await api(`/api/v1/policies/${id}/rollout/${verb}`, { method: 'POST' }); route(); } catch (err) { ev.target.after(errorBox(err)); }
  } }, verb);
  return el('div', { id: 'rollout' }, el('h2', null, 'Rollout'),
    el('div', { class: 'row' }, el('strong', null, rollout.state), `wave ${rollout.currentWave} of ${rollout.waves.length}`,
      rollout.reason ? el('span', { class: 'muted' }, rollout.reason) : null,
      canEdit() ? (ROLLOUT_ACTIONS[rollout.state] || []).map(action) : null),
    table(['Wave', 'State', 'Node', 'Node state', 'Status', 'Detail'], rollout.waves.flatMap(w => w.nodes.map(n => el('tr', null,
      el('td', null, w.number), el('td', null, w.state), el('td', null, nodeLink(n.node)), el('td', null, n.state),
      el('td', null, n.status ? badge(n.status) : '—'), el('td', null, value(n.detail)))))));
}

function renderSection(id) {
  const format = el('select', { id: 'render-format' },
    enumeration({ operation: 'renderPolicy', parameter: 'format' }).map(f => el('option', { value: f }, f)));
  const tool = el('select', { id: 'render-tool' }, el('option', { value: '' }, 'default tool'),
    ['offloadctl', 'ethtool'].map(t => el('option', { value: t }, t)));
  const out = el('div', { id: 'render-output' });
  const render = async () => {
    const q = new URLSearchParams({ format: format.value });
    if (tool.value) q.set('tool', tool.value);
    try {
      const text = (await api(`/api/v1/policies/${id}/render?${q}`, { headers: { Accept: '*/*' } })).body;
      const pre = el('pre', null, text);
      const copy = el('button', { type: 'button', class: 'secondary', onclick: async () => {
        try {
          await navigator.clipboard.writeText(text);
          copy.textContent = 'Copied';
        } catch {
          getSelection().selectAllChildren(pre);
          copy.textContent = 'Selected: press Ctrl+C';
        }
      } }, 'Copy');
      out.replaceChildren(copy, pre);
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  };
  return el('div', null, el('h2', null, 'Persistence artifacts'),
    el('div', { class: 'row' }, format, tool, el('button', { type: 'button', id: 'render', onclick: render }, 'Render')), out);
}

// ---------------------------------------------------------------- verifications

/** Before/after throughput of each node and peer, as bars on a logarithmic scale (KB/s to many Gb/s). */
function verificationCharts(items) {
  if (!items.length) return el('p', { class: 'muted' }, 'No verifications.');
  const ns = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs, ...children) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  };
  const max = Math.max(...items.flatMap(v => [v.result.beforeBitsPerSecond, v.result.afterBitsPerSecond]), 1e4);
  const low = 1e3;
  const width = 420;
  const scale = bps => Math.max(2, width * (Math.log10(Math.max(bps, low)) - Math.log10(low)) / (Math.log10(max) - Math.log10(low)));
  const rate = bps => bps >= 1e9 ? (bps / 1e9).toFixed(2) + ' Gb/s' : bps >= 1e6 ? (bps / 1e6).toFixed(1) + ' Mb/s' : (bps / 1e3).toFixed(1) + ' kb/s';
  return el('div', { class: 'charts' }, items.map(v => {
    const r = v.result;
    const chart = svg('svg', { class: 'chart', width: width + 190, height: 64, role: 'img',
      'aria-label': `${v.node} to ${r.peer}: before ${rate(r.beforeBitsPerSecond)}, after ${rate(r.afterBitsPerSecond)}` },
    svg('text', { x: 0, y: 18 }, 'before'), svg('rect', { class: 'before', x: 50, y: 6, height: 18, width: scale(r.beforeBitsPerSecond) }),
    svg('text', { x: 56 + scale(r.beforeBitsPerSecond), y: 19 }, rate(r.beforeBitsPerSecond)),
    svg('text', { x: 0, y: 48 }, 'after'), svg('rect', { class: 'after', x: 50, y: 36, height: 18, width: scale(r.afterBitsPerSecond) }),
    svg('text', { x: 56 + scale(r.afterBitsPerSecond), y: 49 }, rate(r.afterBitsPerSecond)));
    return el('div', { class: 'card verification', 'data-node': v.node },
      el('div', null, nodeLink(v.node), ' → ', r.peer, ' · ', when(v.at), ' · ', r.kept ? 'kept' : 'rolled back', ' · ',
        Object.entries(r.settings).map(([k, s]) => `${k} ${value(s)}`).join(', '), ' on ', r.interfaces.join(', ')),
      chart);
  }));
}

async function verificationsView() {
  const page = await get('/api/v1/verifications?latest=true&size=500');
  return [el('h1', null, 'Throughput verifications'),
    el('p', { class: 'muted' }, 'The newest verification of each node and peer: throughput before and after the change.'),
    verificationCharts(page.items)];
}
