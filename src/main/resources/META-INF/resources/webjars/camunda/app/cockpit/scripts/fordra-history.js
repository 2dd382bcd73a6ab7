/*
 * Fordra's Cockpit plugin "Invoice history" (Camunda 7.24 front-end plugin system; registered in
 * app/cockpit/scripts/config.js under customScripts, served from Fordra's jar).
 *
 * For any invoice-to-cash instance, running or finished, found by business key (the invoice number), it shows one
 * chronological timeline: every activity, each user task with its decision, comment and who completed it, messages
 * received (payment, objection …), incidents, job failures and retries, what people did (user operation log), the
 * variables after each step, and Fordra's own record of e-mails, letters and documents sent.
 *
 * Everything is read (GET only) through the engine's history REST API as Cockpit itself calls it (api.engineApi,
 * the Cockpit session and the X-XSRF-TOKEN header), and Fordra's record through GET /cockpit-fordra/invoices/{n}
 * under the same session. Plain DOM, no build step, nothing loaded at run time.
 */

export const PROCESS_KEY = 'invoice-to-cash';
export const ROUTE_PATH = '/fordra-history';
export const RECORD_PATH = '/cockpit-fordra/invoices/';
const PAGE = 500;

export const KIND_LABELS = {
  'activity': 'Activity',
  'user-task': 'User task',
  'message': 'Message received',
  'sent': 'Sent',
  'document': 'Document',
  'invoice-event': 'Invoice event',
  'incident': 'Incident',
  'job-failure': 'Job failed',
  'job-retry': 'Job retried',
  'operation': 'User operation',
  'comment': 'Comment',
  'variable': 'Variables'
};

const MESSAGE_ACTIVITY_TYPES = ['messageStartEvent', 'intermediateMessageCatch', 'boundaryMessage', 'receiveTask'];
const SENT_EVENT_TYPES = ['SENT', 'REMINDER_SENT', 'COLLECTION_NOTICE_SENT', 'CREDIT_NOTE_SENT', 'HANDED_OFF',
  'AGENCY_NOTIFIED', 'OBJECTION_NUDGE', 'IN_PRINT_BATCH', 'DIRECT_DEBIT_REGISTERED', 'SEND_FAILED', 'NOT_SENT',
  'SEND_REFUSED', 'DISTRIBUTION_BOUNCED', 'PAYMENT_PLAN_LETTER_SENT'];

/* ---------- time and values ---------- */

/** Engine dates look like 2026-03-02T09:00:00.000+0100; Fordra's like 2026-03-02T08:00:00Z. */
export function parseTime(value) {
  if (!value) {
    return null;
  }
  const ms = Date.parse(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? null : ms;
}

function formatTime(ms) {
  if (ms === null || ms === undefined) {
    return '';
  }
  return new Date(ms).toLocaleString('sv-SE');
}

function formatValue(detail) {
  let value = detail.value;
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'object') {
    value = JSON.stringify(value);
  }
  value = String(value);
  return value.length > 300 ? value.substring(0, 300) + '…' : value;
}

/* ---------- the timeline, from what the REST calls returned (pure: no DOM, no fetch) ---------- */

/**
 * data: { instances: [historic process instances, the first is the invoice-to-cash one], activities, tasks,
 * comments, operations, details, incidents, jobLogs, record: Fordra's record or null }.
 * Returns the entries in time order: { time, kind, title, by, details: [text], variables: [[name, value]] }.
 */
export function buildTimeline(data) {
  const entries = [];
  const add = (time, kind, title, details = [], extra = {}) => {
    const entry = { time, kind, title, details: details.filter(Boolean), by: null, variables: null, ...extra };
    entry.seq = entries.length;
    entries.push(entry);
    return entry;
  };
  const instanceNames = new Map((data.instances || []).map(p => [p.id, p.processDefinitionKey]));
  const mainId = data.instances && data.instances[0] ? data.instances[0].id : null;
  const where = id => (id && id !== mainId && instanceNames.has(id) ? ` (in ${instanceNames.get(id)})` : '');

  const tasks = new Map((data.tasks || []).map(t => [t.id, t]));
  const commentsByTask = new Map();
  for (const c of data.comments || []) {
    if (c.taskId && tasks.has(c.taskId)) {
      commentsByTask.set(c.taskId, [...(commentsByTask.get(c.taskId) || []), c]);
    } else {
      add(parseTime(c.time), 'comment', c.message, [], { by: c.userId });
    }
  }
  const detailsByActivity = new Map();
  const detailsByTask = new Map();
  for (const d of data.details || []) {
    if (d.taskId) {
      detailsByTask.set(d.taskId, [...(detailsByTask.get(d.taskId) || []), d]);
    } else if (d.activityInstanceId) {
      detailsByActivity.set(d.activityInstanceId, [...(detailsByActivity.get(d.activityInstanceId) || []), d]);
    }
  }
  const operationsByTask = new Map();
  const operations = new Map();
  for (const op of data.operations || []) {
    if (op.taskId && tasks.has(op.taskId)) {
      operationsByTask.set(op.taskId, [...(operationsByTask.get(op.taskId) || []), op]);
    } else {
      const key = op.operationId || op.id;
      operations.set(key, [...(operations.get(key) || []), op]);
    }
  }
  const changes = list => list.map(d => `${d.variableName} = ${formatValue(d)}`);

  const activityIds = new Set();
  for (const a of data.activities || []) {
    activityIds.add(a.id);
    const start = parseTime(a.startTime);
    const end = parseTime(a.endTime);
    const name = a.activityName || a.activityId;
    const state = a.canceled ? 'cancelled' : (a.endTime ? '' : 'active');
    const timing = a.endTime && end !== start ? `ended ${formatTime(end)}` : null;
    const set = changes(detailsByActivity.get(a.id) || []);
    if (a.activityType === 'userTask') {
      const task = tasks.get(a.taskId) || {};
      const ops = operationsByTask.get(a.taskId) || [];
      const completed = ops.find(op => op.operationType === 'Complete');
      // Task-local variables are what the task showed the case handler; what completing it set on the process
      // (the activity instance's updates) is the decision.
      const decision = changes(detailsByActivity.get(a.id) || []);
      const context = (detailsByTask.get(a.taskId) || []).map(d => d.variableName);
      const by = (completed && completed.userId) || task.assignee || null;
      const outcome = a.endTime ? (a.canceled ? 'cancelled' : `completed ${formatTime(end)}${by ? ' by ' + by : ''}`)
        : `open${task.assignee ? ', assigned to ' + task.assignee : ''}`;
      add(start, 'user-task', name + where(a.processInstanceId), [
        outcome,
        decision.length ? 'decision: ' + decision.join('; ') : null,
        context.length ? 'the task showed: ' + [...new Set(context)].join(', ') : null,
        ...(commentsByTask.get(a.taskId) || []).map(c => `comment by ${c.userId || 'the engine'} (${formatTime(parseTime(c.time))}): ${c.message}`),
        ...ops.filter(op => op !== completed && op.operationType !== 'Complete')
          .map(op => `${op.operationType}${op.property ? ' ' + op.property : ''}${op.newValue ? ' → ' + op.newValue : ''} by ${op.userId || '?'} (${formatTime(parseTime(op.timestamp))})`)
      ], { by, endTime: end, activityInstanceId: a.id });
    } else if (MESSAGE_ACTIVITY_TYPES.includes(a.activityType)) {
      add(start, 'message', name + where(a.processInstanceId), [a.activityType, timing,
        set.length ? 'set: ' + set.join('; ') : null], { endTime: end, activityInstanceId: a.id });
    } else {
      add(start, 'activity', name + where(a.processInstanceId), [a.activityType, state, timing,
        set.length ? 'set: ' + set.join('; ') : null], { endTime: end, activityInstanceId: a.id });
    }
  }
  // Variables set outside any activity of the history (at the start, or through the API).
  const outside = new Map();
  for (const d of data.details || []) {
    if (!d.taskId && !activityIds.has(d.activityInstanceId)) {
      // one entry per scope and second (the start variables come a few milliseconds apart)
      const key = `${String(d.time).substring(0, 19)}|${d.processInstanceId}`;
      outside.set(key, [...(outside.get(key) || []), d]);
    }
  }
  for (const list of outside.values()) {
    add(parseTime(list[0].time), 'variable', 'Variables set', changes(list));
  }

  for (const i of data.incidents || []) {
    const state = i.open ? 'open' : (i.resolved ? `resolved ${formatTime(parseTime(i.endTime))}` : `deleted ${formatTime(parseTime(i.endTime))}`);
    add(parseTime(i.createTime), 'incident', `${i.incidentType} at ${i.activityId}${where(i.processInstanceId)}`,
      [i.incidentMessage, state]);
  }
  const failedJobs = new Set();
  for (const log of data.jobLogs || []) {
    if (log.failureLog) {
      failedJobs.add(log.jobId);
      add(parseTime(log.timestamp), 'job-failure', `${log.jobDefinitionType || 'job'} at ${log.activityId}${where(log.processInstanceId)}`,
        [log.jobExceptionMessage, `retries left: ${Math.max(0, (log.jobRetries || 1) - 1)}`]);
    } else if (log.successLog && failedJobs.has(log.jobId)) {
      add(parseTime(log.timestamp), 'job-retry', `${log.jobDefinitionType || 'job'} at ${log.activityId}${where(log.processInstanceId)}`,
        ['succeeded on retry']);
    }
  }
  for (const ops of operations.values()) {
    const op = ops[0];
    add(parseTime(op.timestamp), 'operation', `${op.operationType} (${op.entityType})`,
      ops.map(o => o.property ? `${o.property}: ${o.orgValue ?? ''} → ${o.newValue ?? ''}` : null)
        .concat(op.annotation ? ['annotation: ' + op.annotation] : []), { by: op.userId });
  }

  const record = data.record;
  if (record) {
    for (const e of record.events || []) {
      const sent = SENT_EVENT_TYPES.includes(e.type) || Boolean(e.channel);
      add(parseTime(e.at), sent ? 'sent' : 'invoice-event', e.type,
        [e.channel ? 'channel: ' + e.channel : null, e.recipient ? 'to: ' + e.recipient : null, e.message]);
    }
    for (const d of record.documents || []) {
      add(parseTime(d.createdAt), 'document', `${d.kind}${d.sequenceNumber > 1 ? ' #' + d.sequenceNumber : ''}: ${d.fileName}`,
        [d.sentAt ? `sent ${formatTime(parseTime(d.sentAt))}${d.sentChannel ? ' by ' + d.sentChannel : ''}${d.sentTo ? ' to ' + d.sentTo : ''}` : 'not sent',
          d.mediaType], { href: d.href });
    }
  }

  entries.sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity) || a.seq - b.seq);

  // The variables after each activity step: every update up to the step's end (or start), newest value per name.
  const updates = (data.details || []).map(d => ({ ...d, ms: parseTime(d.time) }))
    .sort((a, b) => a.ms - b.ms);
  for (const entry of entries) {
    if (entry.activityInstanceId) {
      const until = entry.endTime ?? entry.time;
      const state = new Map();
      for (const d of updates) {
        if (d.ms !== null && d.ms <= until) {
          state.set(d.variableName, formatValue(d));
        }
      }
      entry.variables = [...state.entries()].sort((a, b) => a[0].localeCompare(b[0]));
    }
  }
  return entries;
}

/* ---------- REST ---------- */

function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

/** Fordra's context path: the Camunda webapps live one level below it (/camunda). */
function fordraRoot() {
  const root = appRoot();
  return root.substring(0, root.lastIndexOf('/'));
}

function client(api) {
  const request = async url => {
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
    });
    if (!response.ok) {
      throw new Error(`${url.split('?')[0]}: HTTP ${response.status}`);
    }
    return response.json();
  };
  const get = (path, params = {}) => {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null));
    return request(`${api.engineApi}/${path}${query.toString() ? '?' + query : ''}`);
  };
  const all = async (path, params) => {
    const rows = [];
    for (let first = 0; ; first += PAGE) {
      const page = await get(path, { ...params, firstResult: first, maxResults: PAGE });
      rows.push(...page);
      if (page.length < PAGE) {
        return rows;
      }
    }
  };
  return { get, all, record: n => request(fordraRoot() + RECORD_PATH + encodeURIComponent(n)) };
}

/** The instances of an invoice: exact business key first, else a contains-search. */
async function findInstances(rest, invoiceNumber) {
  const query = { processDefinitionKey: PROCESS_KEY, sortBy: 'startTime', sortOrder: 'desc', maxResults: 50 };
  const exact = await rest.get('history/process-instance', { ...query, processInstanceBusinessKey: invoiceNumber });
  if (exact.length) {
    return exact;
  }
  return rest.get('history/process-instance', { ...query, processInstanceBusinessKeyLike: `%${invoiceNumber}%` });
}

/** Everything the timeline needs for one invoice-to-cash instance and the instances it called. */
export async function loadTimelineData(rest, processInstanceId) {
  const main = await rest.get(`history/process-instance/${encodeURIComponent(processInstanceId)}`);
  const instances = [main];
  for (let i = 0; i < instances.length && instances.length < 200; i++) {
    instances.push(...await rest.all('history/process-instance', { superProcessInstanceId: instances[i].id }));
  }
  const data = { instances, activities: [], tasks: [], comments: [], operations: [], details: [], incidents: [], jobLogs: [] };
  await Promise.all(instances.map(async p => {
    const id = { processInstanceId: p.id };
    const [activities, tasks, comments, operations, details, incidents, jobLogs] = await Promise.all([
      rest.all('history/activity-instance', { ...id, sortBy: 'startTime', sortOrder: 'asc' }),
      rest.all('history/task', id),
      rest.get(`process-instance/${encodeURIComponent(p.id)}/comment`),
      rest.all('history/user-operation', { ...id, sortBy: 'timestamp', sortOrder: 'asc' }),
      rest.all('history/detail', { ...id, variableUpdates: true, deserializeValues: false, sortBy: 'time', sortOrder: 'asc' }),
      rest.all('history/incident', id),
      rest.all('history/job-log', { ...id, sortBy: 'timestamp', sortOrder: 'asc' })
    ]);
    data.activities.push(...activities);
    data.tasks.push(...tasks);
    data.comments.push(...comments.map(c => ({ ...c, processInstanceId: p.id })));
    data.operations.push(...operations);
    data.details.push(...details);
    data.incidents.push(...incidents);
    data.jobLogs.push(...jobLogs);
  }));
  try {
    data.record = main.businessKey ? await rest.record(main.businessKey) : null;
  } catch (e) {
    data.record = null;
    data.recordError = e.message;
  }
  return data;
}

/* ---------- DOM ---------- */

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function hashParams() {
  const hash = window.location.hash || '';
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.substring(q + 1));
}

function historyLink(invoiceNumber, instanceId) {
  const params = new URLSearchParams({ invoice: invoiceNumber || '' });
  if (instanceId) {
    params.set('instance', instanceId);
  }
  return `#${ROUTE_PATH}?${params}`;
}

const STYLE = `
#fordra-history, .fordra-history-tab { padding: 10px 20px; }
#fordra-history-form { margin: 10px 0; }
#fordra-history-form input { width: 260px; display: inline-block; }
.fordra-history-instances td, .fordra-history-instances th { padding: 3px 12px 3px 0; }
.fordra-timeline { list-style: none; padding: 0; margin-top: 10px; }
.fordra-timeline-entry { border-left: 4px solid #b5152b; padding: 4px 10px; margin: 0 0 6px 0; background: #f7f7f7; }
.fordra-timeline-entry[data-kind="activity"] { border-left-color: #999; }
.fordra-timeline-entry[data-kind="user-task"] { border-left-color: #1f78b4; }
.fordra-timeline-entry[data-kind="message"] { border-left-color: #33a02c; }
.fordra-timeline-entry[data-kind="sent"], .fordra-timeline-entry[data-kind="document"] { border-left-color: #ff7f00; }
.fordra-timeline-entry[data-kind="incident"], .fordra-timeline-entry[data-kind="job-failure"] { border-left-color: #e31a1c; }
.fordra-timeline-time { font-family: monospace; margin-right: 10px; }
.fordra-timeline-kind { font-weight: bold; margin-right: 10px; }
.fordra-timeline-by { margin-left: 10px; font-style: italic; }
.fordra-timeline-details { margin: 2px 0 0 0; padding-left: 18px; }
.fordra-timeline-variables table td { padding: 0 10px 0 0; font-family: monospace; vertical-align: top; }
`;

function styled(node) {
  node.append(el('style', {}, STYLE));
  return node;
}

function renderTimeline(container, entries) {
  const kinds = [...new Set(entries.map(e => e.kind))];
  const filter = el('select', { id: 'fordra-history-filter', class: 'form-control', style: 'width: auto; display: inline-block' },
    el('option', { value: '' }, `all (${entries.length})`),
    kinds.map(k => el('option', { value: k }, `${KIND_LABELS[k] || k} (${entries.filter(e => e.kind === k).length})`)));
  const list = el('ol', { id: 'fordra-timeline', class: 'fordra-timeline' },
    entries.map(e => el('li', { class: 'fordra-timeline-entry', 'data-kind': e.kind },
      el('span', { class: 'fordra-timeline-time' }, formatTime(e.time)),
      el('span', { class: 'fordra-timeline-kind' }, KIND_LABELS[e.kind] || e.kind),
      e.href ? el('a', { class: 'fordra-timeline-title', href: fordraRoot() + e.href, target: '_blank', rel: 'noopener' }, e.title)
        : el('span', { class: 'fordra-timeline-title' }, e.title),
      e.by ? el('span', { class: 'fordra-timeline-by' }, `by ${e.by}`) : null,
      e.details.length ? el('ul', { class: 'fordra-timeline-details' }, e.details.map(d => el('li', {}, d))) : null,
      e.variables && e.variables.length ? el('details', { class: 'fordra-timeline-variables' },
        el('summary', {}, `Variables after this step (${e.variables.length})`),
        el('table', {}, e.variables.map(([name, value]) => el('tr', {}, el('td', {}, name), el('td', {}, value)))))
        : null)));
  filter.addEventListener('change', () => {
    for (const item of list.children) {
      item.style.display = !filter.value || item.getAttribute('data-kind') === filter.value ? '' : 'none';
    }
  });
  container.append(el('label', {}, 'Show ', filter), list);
}

async function showInstance(container, rest, processInstanceId) {
  container.replaceChildren(el('p', { class: 'fordra-history-loading' }, 'Loading the history …'));
  try {
    const data = await loadTimelineData(rest, processInstanceId);
    const p = data.instances[0];
    const entries = buildTimeline(data);
    container.replaceChildren(
      el('h3', { id: 'fordra-history-title' }, `Invoice ${p.businessKey || '?'} — ${p.processDefinitionKey} (${p.state})`),
      el('p', { id: 'fordra-history-summary' },
        `Instance ${p.id}, started ${formatTime(parseTime(p.startTime))}`,
        p.endTime ? `, ended ${formatTime(parseTime(p.endTime))}` : ', running',
        data.record ? ` · invoice status ${data.record.status}, open ${data.record.openAmount} ${data.record.currency}` : '',
        p.endTime ? '' : el('a', { href: `#/process-instance/${p.id}/runtime`, style: 'margin-left: 10px' }, 'open in Cockpit')),
      data.recordError ? el('p', { id: 'fordra-history-record-error', class: 'text-warning' },
        `Fordra's record of e-mails and documents is not shown: ${data.recordError}`) : '');
    renderTimeline(container, entries);
  } catch (e) {
    container.replaceChildren(el('p', { id: 'fordra-history-error', class: 'text-danger' }, `Could not read the history: ${e.message}`));
  }
}

function renderPage(node, api) {
  const rest = client(api);
  const params = hashParams();
  const input = el('input', { id: 'fordra-history-search', class: 'form-control', type: 'search',
    placeholder: 'Invoice number (business key)', value: params.get('invoice') || '' });
  const form = el('form', { id: 'fordra-history-form' }, input, ' ',
    el('button', { id: 'fordra-history-search-button', class: 'btn btn-primary', type: 'submit' }, 'Search'));
  const status = el('div', { id: 'fordra-history-status', role: 'status' });
  const results = el('div', { id: 'fordra-history-results' });
  const timeline = el('div', { id: 'fordra-history-timeline' });
  node.append(styled(el('div', { id: 'fordra-history' },
    el('h2', {}, 'Invoice history'),
    el('p', {}, 'Every invoice-to-cash instance, running or finished, by invoice number: activities, decisions, ' +
      'messages, letters and documents sent, incidents and retries, and the variables at each step. Read-only.'),
    form, status, results, timeline)));

  const search = async (invoiceNumber, instanceId) => {
    results.replaceChildren();
    timeline.replaceChildren();
    if (!invoiceNumber) {
      return;
    }
    status.textContent = `Searching ${invoiceNumber} …`;
    try {
      const instances = await findInstances(rest, invoiceNumber);
      status.textContent = instances.length ? `${instances.length} instance(s) of ${PROCESS_KEY}`
        : `No ${PROCESS_KEY} instance has the invoice number ${invoiceNumber}.`;
      if (instances.length) {
        results.append(el('table', { id: 'fordra-history-instances', class: 'fordra-history-instances' },
          el('tr', {}, ['Invoice', 'State', 'Started', 'Ended', ''].map(h => el('th', {}, h))),
          instances.map(p => el('tr', { class: 'fordra-history-instance', 'data-instance-id': p.id },
            el('td', {}, p.businessKey), el('td', {}, p.state), el('td', {}, formatTime(parseTime(p.startTime))),
            el('td', {}, formatTime(parseTime(p.endTime))),
            el('td', {}, el('a', { class: 'fordra-history-show', href: historyLink(p.businessKey, p.id) }, 'Show timeline'))))));
        const chosen = instances.find(p => p.id === instanceId) || (instances.length === 1 ? instances[0] : null);
        if (chosen) {
          await showInstance(timeline, rest, chosen.id);
        }
      }
    } catch (e) {
      status.textContent = `Could not search: ${e.message}`;
    }
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    const target = historyLink(input.value.trim());
    if (window.location.hash === target) {
      search(input.value.trim());
    } else {
      window.location.hash = target; // Cockpit re-renders the route with the new search
    }
  });
  search(params.get('invoice'), params.get('instance'));
}

export default [
  {
    id: 'fordra-history-route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: ROUTE_PATH, label: 'Invoice history' },
    render: (node, { api }) => renderPage(node, api)
  },
  {
    id: 'fordra-history-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: ROUTE_PATH, label: 'Invoice history' },
    render: node => {
      node.append(el('a', { id: 'fordra-history-nav', href: `#${ROUTE_PATH}` }, 'Invoice history'));
    }
  },
  {
    id: 'fordra-history-instance-tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 1,
    properties: { label: 'Invoice history' },
    render: (node, { api, processInstanceId }) => {
      const container = el('div', { id: 'fordra-history-tab-timeline' });
      node.append(styled(el('div', { class: 'fordra-history-tab' }, container)));
      showInstance(container, client(api), processInstanceId);
    }
  }
];
