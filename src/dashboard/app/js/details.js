// Drill-down into one screened message: verdict, message (as text) and every finding with its evidence.
import { $, h, decisionBadge, formatTime, micros } from './dom.js';

export function openDetails(e) {
  const d = e.data ?? {};
  $('details-title').replaceChildren(decisionBadge(d.decision), ' ', e.type);
  const rows = [
    ['Time', formatTime(e.at)],
    ['Event id', e.id],
    ['Danger score', d.dangerScore ?? '–'],
    ['Certainty', d.certainty ?? '–'],
    ['Categories', (d.categories ?? []).join(', ') || '–'],
    ['Rule ids', (d.ruleIds ?? []).join(', ') || '–'],
    ['Session', d.sessionId ?? '–'],
    ['Tenant', d.tenantId ?? '–'],
    ['Pattern set', d.patternSetVersion ?? '–'],
    ['Screening time', micros(d.elapsedMicros)],
  ];
  $('details-kv').replaceChildren(...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]));
  $('details-message').textContent = d.message ?? '';
  const findings = d.findings ?? [];
  $('details-findings').replaceChildren(...(findings.length
    ? findings.map((f) => h('tr', {}, h('td', {}, f.ruleId), h('td', {}, f.category), h('td', {}, f.severity), h('td', {}, f.view), h('td', { class: 'msg' }, f.evidence)))
    : [h('tr', {}, h('td', { colspan: '5' }, 'No findings.'))]));
  const dialog = $('details');
  if (!dialog.open) dialog.showModal();
}

export function initDetails() {
  $('details-close').addEventListener('click', () => $('details').close());
}
