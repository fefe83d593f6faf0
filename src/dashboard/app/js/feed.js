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

// One readable line per learning event; the full payload stays one click away (details) for anything unusual.
function learningSummary(type, d) {
  const n = (v) => (typeof v === 'number' ? v : 0);
  const texts = (items) => (items ?? []).slice(0, 3).map((x) => `"${x.text ?? ''}"`).join(', ');
  switch (type) {
    case 'learning.reported':
      return `${d.falsePositive ? 'False positive' : 'Missed attack'} reported by ${d.reportedBy ?? 'unknown'}: ${d.message ?? ''}`;
    case 'learning.variations':
      return `${n(d.count)} variations generated, ${n(d.blockedBefore)} already blocked`;
    case 'learning.candidates':
      return `${n(d.count)} candidate patterns: ${texts(d.candidates)}${n(d.count) > 3 ? ', ...' : ''}`;
    case 'learning.promoted':
      return `${(d.patternIds ?? []).length} patterns live: ${texts(d.patterns)}${(d.patternIds ?? []).length > 3 ? ', ...' : ''}`;
    case 'learning.rejected':
      return `${n(d.count)} candidates not live (review or rejected): ${texts(d.decisions)}${n(d.count) > 3 ? ', ...' : ''}`;
    case 'detector.updated':
      return d.review
        ? `Pattern ${d.patternId ?? ''} ${d.review}: pattern set v${d.patternSetVersion ?? '?'}`
        : `Pattern set v${d.patternSetVersion ?? '?'}: +${n(d.livePatternsAdded)} live; variations blocked ${n(d.blockedBefore)} -> ${n(d.blockedAfter)} of ${n(d.variations)}`;
    default:
      return JSON.stringify(d);
  }
}

function learningItem(e) {
  const d = e.data ?? {};
  return h('li', { 'data-event-id': e.id, title: JSON.stringify(d) },
    h('span', { class: 'badge badge-info' }, e.type),
    h('span', { class: 'meta' }, h('time', { datetime: e.at }, formatTime(e.at)), h('span', {}, String(d.reportId ?? ''))),
    h('span', { class: 'text' }, learningSummary(e.type, d)));
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
