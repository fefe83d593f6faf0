// The live threat feed (newest first) and the learning-event list.
import { $, h, decisionBadge, formatTime, micros } from './dom.js';
import { openDetails } from './details.js';

const MAX_ITEMS = 200;
let count = 0;

function feedItem(e) {
  const d = e.data ?? {};
  return h('li', { class: `decision-${d.decision ?? 'info'}`, 'data-event-id': e.id, tabindex: '0', onclick: () => openDetails(e), onkeydown: (k) => { if (k.key === 'Enter') openDetails(e); } },
    decisionBadge(d.decision),
    h('span', { class: 'meta' },
      h('time', { datetime: e.at }, formatTime(e.at)),
      typeof d.dangerScore === 'number' ? h('span', {}, `score ${d.dangerScore.toFixed(2)}`) : null,
      ...(d.ruleIds ?? []).map((r) => h('span', { class: 'chip' }, r)),
      ...(d.categories ?? []).map((c) => h('span', { class: 'chip' }, c)),
      h('span', {}, micros(d.elapsedMicros))),
    h('span', { class: 'text' }, d.message ?? ''));
}

function learningItem(e) {
  const d = e.data ?? {};
  const summary = d.step ?? d.status ?? d.reportId ?? d.patternId ?? '';
  return h('li', { 'data-event-id': e.id },
    h('span', { class: 'badge badge-info' }, e.type),
    h('span', { class: 'meta' }, h('time', { datetime: e.at }, formatTime(e.at)), h('span', {}, String(summary))),
    h('span', { class: 'text' }, JSON.stringify(d)));
}

function insertSorted(list, item, at) {
  // Newest first; backfilled events may arrive after newer live ones.
  const next = [...list.children].find((li) => (li.querySelector('time')?.getAttribute('datetime') ?? '') < at);
  list.insertBefore(item, next ?? null);
  while (list.children.length > MAX_ITEMS) list.lastElementChild.remove();
}

export function addEvent(e) {
  if (e.type?.startsWith('threat.') || e.type === 'message.allowed') {
    insertSorted($('feed'), feedItem(e), e.at);
    count++;
    $('feed-count').textContent = `${count} event${count === 1 ? '' : 's'}`;
    $('feed-empty').hidden = true;
  } else if (e.type?.startsWith('learning.') || e.type === 'detector.updated' || e.type?.startsWith('pattern.')) {
    insertSorted($('learning-events'), learningItem(e), e.at);
    $('learning-empty').hidden = true;
  }
}
