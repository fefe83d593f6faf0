// Threat history: filters, paging with the continuation token, drill-down into findings.
import { $, h, decisionBadge, formatTime, showError } from './dom.js';
import { api, describe } from './api.js';
import { openDetails } from './details.js';

let continuation = null;
let lastQuery = '';
// Each load takes a number; a response that arrives after a newer load started is dropped, so a slow unfiltered
// load (opening the tab) cannot overwrite the rows of a filter submitted after it.
let latestLoad = 0;

function queryFromForm() {
  const form = new FormData($('history-form'));
  const params = new URLSearchParams();
  for (const [name, value] of form.entries()) {
    const v = String(value).trim();
    if (!v) continue;
    params.set(name, name === 'since' || name === 'until' ? new Date(v).toISOString() : v);
  }
  params.set('limit', '25');
  return params.toString();
}

function row(e) {
  const d = e.data ?? {};
  return h('tr', { class: 'clickable', 'data-event-id': e.id, onclick: () => openDetails(e) },
    h('td', {}, formatTime(e.at)),
    h('td', {}, decisionBadge(d.decision)),
    h('td', {}, typeof d.dangerScore === 'number' ? d.dangerScore.toFixed(2) : '–'),
    h('td', {}, (d.ruleIds ?? []).join(', ')),
    h('td', { class: 'msg' }, d.message ?? ''));
}

async function load(append) {
  const ticket = ++latestLoad;
  showError($('history-error'), null);
  const query = append ? `${lastQuery}&continuationToken=${encodeURIComponent(continuation)}` : (lastQuery = queryFromForm());
  try {
    const { data } = await api(`threats?${query}`);
    if (ticket !== latestLoad) return;
    const rows = data.items.map(row);
    if (append) $('history-rows').append(...rows); else $('history-rows').replaceChildren(...rows);
    continuation = data.continuationToken ?? null;
    $('history-more').hidden = !continuation;
    $('history-empty').hidden = $('history-rows').children.length > 0;
  } catch (error) {
    if (ticket !== latestLoad) return;
    showError($('history-error'), describe(error, 'Threat history'));
  }
}

export function initHistory() {
  $('history-form').addEventListener('submit', (e) => { e.preventDefault(); load(false); });
  $('history-more').addEventListener('click', () => load(true));
}

export const refreshHistory = () => load(false);
