// 监察总览 (province overview): a Cockpit plugin of the efficiency-supervision platform.
// Cockpit (7.14 and later) loads this ES module and calls render(node, { api }) for each plugin point. Every text
// comes from the server in the reader's language (GET …/plugin/supervision-dashboard/{engine}/overview), so this file
// carries none of its own; the data is the same the staff pages show, under the same access rules.

const ROUTE = '/supervision-overview';

// The language Cockpit itself shows: the one chosen in its menu (localStorage 'camunda-locale'), else the browser's
// first language, Chinese unless that is English (config.js: availableLocales zh, en; fallbackLocale zh). Not
// <html lang>, which Cockpit's page leaves at "en" whatever it shows.
function language() {
  const chosen = (window.localStorage && window.localStorage.getItem('camunda-locale'))
    || (navigator.languages && navigator.languages[0]) || navigator.language || 'zh';
  return chosen.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

function load(api) {
  const url = `${api.cockpitApi}/plugin/supervision-dashboard/${api.engine}/overview?lang=${language()}`;
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => response.json().then((body) => ({ ok: response.ok, body })));
}

function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function table(headers, rows) {
  const t = el('table', null, { class: 'cam-table supervision-overview' });
  const head = el('tr');
  headers.forEach((h) => head.appendChild(el('th', h)));
  t.appendChild(el('thead')).appendChild(head);
  const body = t.appendChild(el('tbody'));
  rows.forEach((cells) => {
    const tr = body.appendChild(el('tr'));
    cells.forEach((cell) => {
      const td = tr.appendChild(el('td'));
      if (cell instanceof Node) {
        td.appendChild(cell);
      } else {
        td.textContent = cell === null || cell === undefined ? '' : String(cell);
      }
    });
  });
  return t;
}

function number(value, warn) {
  const span = el('span', value);
  if (warn && value > 0) {
    span.setAttribute('style', 'color:#b5152b;font-weight:bold');
  }
  return span;
}

function links(c, labels) {
  const span = el('span');
  if (c.instanceLink) {
    span.appendChild(el('a', labels.instance, { href: c.instanceLink }));
    span.appendChild(document.createTextNode(' · '));
  }
  span.appendChild(el('a', labels.caseFile, { href: c.caseLink, target: '_blank', rel: 'noopener' }));
  return span;
}

function caseTable(cases, data, withNotice) {
  const l = data.labels;
  if (!cases.length) {
    return el('p', l.none);
  }
  const headers = [l.trackingNumber, l.caseTitle, l.department, l.status, l.deadline,
    withNotice ? l.noticeDueAt : l.dueAt, l.links];
  const rows = cases.map((c) => [c.trackingNumber, c.title, c.department, c.status,
    withNotice && c.criticised ? `${c.deadline}（${l.criticised}）` : c.deadline,
    withNotice ? c.noticeDueAt : c.dueAt, links(c, l)]);
  const box = el('div');
  box.appendChild(table(headers, rows));
  if (cases.length >= data.listLimit) {
    box.appendChild(el('p', l.more.replace('{0}', data.listLimit)));
  }
  return box;
}

function departmentTable(data) {
  const l = data.labels;
  return table([l.department, l.nearDeadline, l.overdue, l.breachesThisWeek, l.openNotices],
    data.departments.map((d) => [d.name, number(d.nearDeadline, false), number(d.overdue, true),
      number(d.breachesThisWeek, true), number(d.openNotices, true)]));
}

function renderInto(node, api, full) {
  node.textContent = '';
  const box = node.appendChild(el('section', null, { class: 'supervision-overview', 'data-full': String(full) }));
  box.appendChild(el('p', '…'));
  load(api).then(({ ok, body }) => {
    box.textContent = '';
    if (!ok) {
      box.appendChild(el('h3', body.title || 'Error'));
      box.appendChild(el('p', body.detail || ''));
      return;
    }
    const l = body.labels;
    box.appendChild(el(full ? 'h1' : 'h3', l.title));
    box.appendChild(el('p', `${l.asOf}: ${body.asOf} · ${l.weekFrom} ${body.weekFrom}`));
    if (full) {
      box.appendChild(el('p', l.intro));
    }
    box.appendChild(departmentTable(body));
    if (full) {
      box.appendChild(el('h3', l.overdue));
      box.appendChild(caseTable(body.overdue, body, false));
      box.appendChild(el('h3', l.nearDeadline));
      box.appendChild(caseTable(body.nearDeadline, body, false));
      box.appendChild(el('h3', l.openNotices));
      box.appendChild(caseTable(body.openNotices, body, true));
    } else {
      box.appendChild(el('a', l.openPage, { href: `#${ROUTE}` }));
    }
  }).catch(() => {
    box.textContent = '';
    box.appendChild(el('p', language() === 'en' ? 'The province overview could not be loaded' : '无法加载监察总览'));
  });
}

export default [
  {
    id: 'supervision-overview-tile',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node, { api }) => renderInto(node, api, false),
  },
  {
    id: 'supervision-overview-page',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE },
    render: (node, { api }) => renderInto(node, api, true),
  },
  {
    id: 'supervision-overview-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 60,
    properties: { path: ROUTE, checkActive: (path) => path.indexOf(`#${ROUTE}`) > -1 },
    render: (node) => {
      node.appendChild(el('a', language() === 'en' ? 'Province overview' : '监察总览', { href: `#${ROUTE}` }));
    },
  },
];
