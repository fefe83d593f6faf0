// Learning panel: report a miss and watch its orchestration step by step; review pending patterns.
import { $, h, showError } from './dom.js';
import { describe } from './api.js';
import { reportMiss, reportStatus, pendingPatterns, reviewPattern } from './learning-api.js';

const POLL_MS = 500;
const POLL_LIMIT = 120;

function stepItems(status) {
  const steps = status?.steps ?? status?.output?.steps ?? [];
  const items = steps.map((s) => {
    const state = String(s.status ?? s.state ?? (s.completed ? 'completed' : 'pending'));
    const css = /complete|done|succeed|promot/i.test(state) ? 'done' : /fail|reject|error/i.test(state) ? 'failed' : '';
    const detail = s.summary ?? s.result ?? s.detail ?? '';
    return h('li', { 'data-step': s.name ?? s.step ?? '' },
      h('span', { class: `state ${css}` }, state),
      h('strong', {}, s.name ?? s.step ?? 'step'),
      typeof detail === 'string' ? detail : JSON.stringify(detail));
  });
  const runtime = status?.runtimeStatus ?? status?.status;
  if (runtime) items.unshift(h('li', { 'data-step': 'orchestration' }, h('span', { class: 'state' }, String(runtime)), h('strong', {}, 'orchestration')));
  const patterns = status?.patterns ?? status?.output?.patterns ?? [];
  for (const p of patterns) {
    items.push(h('li', { 'data-step': 'pattern' }, h('span', { class: 'state done' }, String(p.status ?? 'learned')), h('strong', {}, 'new pattern'), p.text ?? (p.tokens ?? []).join(' ')));
  }
  return items;
}

function finished(status) {
  const s = String(status?.runtimeStatus ?? status?.status ?? '');
  return /completed|failed|terminated|rejected|promoted/i.test(s);
}

async function submitReport(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  showError($('report-error'), null);
  $('report-steps').replaceChildren(h('li', {}, h('span', { class: 'state' }, 'sending'), 'Reporting the miss…'));
  let report;
  try {
    report = await reportMiss({ message: String(form.get('message')), actualThreatType: String(form.get('actualThreatType') ?? ''), severity: String(form.get('severity')) });
  } catch (error) {
    $('report-steps').replaceChildren();
    const signed = error?.status === 401 || error?.status === 403;
    showError($('report-error'), signed
      ? `Reporting a miss was refused (HTTP ${error.status}): the report webhook takes signed requests only; this server needs a dashboard route for reports (js/learning-api.js). ${error.detail ?? ''}`.trim()
      : describe(error, 'Reporting a miss'));
    return;
  }
  $('report-steps').replaceChildren(h('li', {}, h('span', { class: 'state done' }, 'accepted'), `Report ${report.reportId ?? ''} accepted; following its steps…`));
  for (let i = 0; i < POLL_LIMIT; i++) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    try {
      const status = await reportStatus(report.statusPath);
      $('report-steps').replaceChildren(...stepItems(status));
      if (finished(status)) {
        await refreshPatterns();
        return;
      }
    } catch (error) {
      showError($('report-error'), describe(error, 'Report status'));
      return;
    }
  }
}

export async function refreshPatterns() {
  showError($('patterns-error'), null);
  try {
    const patterns = await pendingPatterns();
    $('patterns').replaceChildren(...patterns.map((p) => h('li', { 'data-pattern-id': p.id },
      h('span', { class: 'ptext' }, p.text ?? (p.tokens ?? []).join(' ')),
      h('span', { class: 'chip' }, p.category ?? ''),
      h('span', { class: 'muted' }, p.provenance?.reportId ? `report ${p.provenance.reportId}` : ''),
      ...['approve', 'reject', 'rollback'].map((action) => h('button', {
        type: 'button', class: `small ${action === 'approve' ? '' : 'ghost'}`,
        onclick: async () => {
          try { await reviewPattern(p.id, action); await refreshPatterns(); } catch (error) { showError($('patterns-error'), describe(error, `Pattern ${action}`)); }
        },
      }, action)))));
    $('patterns-empty').hidden = patterns.length > 0;
  } catch (error) {
    $('patterns').replaceChildren();
    $('patterns-empty').hidden = true;
    showError($('patterns-error'), describe(error, 'Pattern review'));
  }
}

export function initLearning() {
  $('report-form').addEventListener('submit', submitReport);
  $('patterns-refresh').addEventListener('click', refreshPatterns);
}
