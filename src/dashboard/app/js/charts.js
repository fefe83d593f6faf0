// Metric cards and charts (Chart.js from npm, copied into /vendor by the build).
import { $, micros } from './dom.js';
import { api } from './api.js';

const palette = ['#f43f5e', '#f59e0b', '#22d3ee', '#a78bfa', '#10b981', '#60a5fa', '#f472b6', '#facc15'];
let categoryChart = null;
let learningChart = null;

function label(iso, bucketMinutes) {
  const d = new Date(iso);
  return bucketMinutes >= 1440 ? d.toLocaleDateString() : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
}

function datasets(series, pick) {
  const names = [...new Set(series.flatMap((b) => Object.keys(pick(b) ?? {})))].sort();
  return names.map((name, i) => ({
    label: name,
    data: series.map((b) => (pick(b) ?? {})[name] ?? 0),
    backgroundColor: palette[i % palette.length],
    borderColor: palette[i % palette.length],
    tension: 0.3,
  }));
}

function chartOptions(stacked) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { labels: { color: '#c7d2fe', boxWidth: 12 } } },
    scales: {
      x: { stacked, ticks: { color: '#9aa3c7', maxRotation: 0, autoSkip: true }, grid: { color: 'rgba(255,255,255,0.06)' } },
      y: { stacked, beginAtZero: true, ticks: { color: '#9aa3c7', precision: 0 }, grid: { color: 'rgba(255,255,255,0.06)' } },
    },
  };
}

function draw(metrics) {
  const Chart = window.Chart;
  if (!Chart) {
    const note = $('chart-note');
    note.textContent = 'Charts need the charting library: run `npm ci && npm run build` in src/dashboard.';
    note.hidden = false;
    return;
  }
  const labels = metrics.series.map((b) => label(b.start, metrics.bucketMinutes));
  const categories = datasets(metrics.series, (b) => b.byCategory);
  const learning = datasets(metrics.series, (b) => b.learning);
  if (!categoryChart) {
    categoryChart = new Chart($('chart-categories'), { type: 'bar', data: { labels, datasets: categories }, options: chartOptions(true) });
    learningChart = new Chart($('chart-learning'), { type: 'line', data: { labels, datasets: learning }, options: chartOptions(false) });
  } else {
    categoryChart.data = { labels, datasets: categories };
    learningChart.data = { labels, datasets: learning };
    categoryChart.update();
    learningChart.update();
  }
}

export async function refreshMetrics() {
  const { data: m } = await api('dashboard/metrics?hours=24&buckets=24');
  $('m-screened').textContent = m.messagesScreened.toLocaleString();
  $('m-blocked').textContent = m.blocked.toLocaleString();
  $('m-rate').textContent = `${(m.blockRate * 100).toFixed(1)} %`;
  $('m-latency').textContent = `${micros(m.latencyP50Micros)} / ${micros(m.latencyP99Micros)}`;
  $('m-patterns').textContent = m.patternsLearned.toLocaleString();
  $('m-improvement').textContent = m.detectionImprovement === null || m.detectionImprovement === undefined
    ? 'n/a' : `${(m.detectionImprovement * 100).toFixed(1)} %`;
  draw(m);
}
