// Wires the dashboard: API key, tabs, live events, metrics, history, learning and chat.
import { $, showError } from './dom.js';
import { api, apiKey, setApiKey, loadConfig, whenUnauthorized, describe } from './api.js';
import { startLive } from './live.js';
import { addEvent } from './feed.js';
import { refreshMetrics } from './charts.js';
import { initDetails } from './details.js';
import { initHistory, refreshHistory } from './history.js';
import { initLearning, refreshPatterns } from './learning.js';
import { initChat } from './chat.js';

const tabs = ['overview', 'history', 'learning', 'chat'];
let live = null;
let metricsTimer = null;
let metricsInterval = null;

function route() {
  const tab = tabs.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'overview';
  for (const name of tabs) {
    $(name).hidden = name !== tab;
    document.querySelector(`[data-tab="${name}"]`).toggleAttribute('aria-current', name === tab);
    if (name === tab) document.querySelector(`[data-tab="${name}"]`).setAttribute('aria-current', 'page');
  }
  if (tab === 'history' && apiKey()) refreshHistory();
  if (tab === 'learning' && apiKey()) refreshPatterns();
}

function setStatus(state, detail) {
  const pill = $('live-status');
  pill.dataset.state = state;
  pill.textContent = state;
  pill.title = detail ?? '';
  pill.className = `pill ${state === 'live' ? 'pill-live' : state === 'offline' ? 'pill-off' : 'pill-wait'}`;
}

function scheduleMetrics() {
  clearTimeout(metricsTimer);
  metricsTimer = setTimeout(() => refreshMetrics().catch(() => {}), 800);
}

function askKey(message) {
  showError($('key-error'), message);
  const dialog = $('key-dialog');
  if (!dialog.open) dialog.showModal();
}

async function start() {
  try {
    await api('dashboard/metrics?hours=1&buckets=1');
  } catch (error) {
    askKey(describe(error, 'Connecting'));
    return;
  }
  live?.stop();
  live = startLive({ onEvent: (e) => { addEvent(e); scheduleMetrics(); }, onStatus: setStatus });
  window.socDashboard = { live };
  await refreshMetrics().catch(() => {});
  metricsInterval ??= setInterval(() => refreshMetrics().catch(() => {}), 15000);
  route();
}

async function main() {
  await loadConfig();
  initDetails();
  initHistory();
  initLearning();
  initChat();
  window.addEventListener('hashchange', route);
  route();
  whenUnauthorized(() => askKey('The API key was refused; enter a valid key.'));
  $('change-key').addEventListener('click', () => askKey(null));
  $('key-form').addEventListener('submit', (e) => {
    const key = String(new FormData(e.target).get('key') ?? '').trim();
    if (!key) { e.preventDefault(); return; }
    setApiKey(key);
    start();
  });
  if (apiKey()) await start(); else askKey(null);
}

main();
