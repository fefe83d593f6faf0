// Builds elements from data. Every string becomes a text node: attack text is shown as text, never parsed as markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export const $ = (id) => document.getElementById(id);

export function show(el, visible) { el.hidden = !visible; }

export function showError(el, message) {
  el.textContent = message ?? '';
  el.hidden = !message;
}

export function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(undefined, { hour12: false });
}

export function decisionBadge(decision) {
  const d = ['block', 'flag', 'allow'].includes(decision) ? decision : 'info';
  const label = { block: 'blocked', flag: 'flagged', allow: 'allowed', info: decision ?? 'event' }[d];
  return h('span', { class: `badge badge-${d}` }, label);
}

export function micros(value) {
  if (value === null || value === undefined) return '–';
  return value >= 1000 ? `${(value / 1000).toFixed(1)} ms` : `${Math.round(value)} µs`;
}
