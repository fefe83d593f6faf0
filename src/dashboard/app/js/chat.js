// Chat console for the protected chatbot: POST /api/chat {message, sessionId} -> {blocked, response, verdict}.
import { $, h, showError } from './dom.js';
import { api, describe } from './api.js';

function sessionId() {
  let id = sessionStorage.getItem('soc.chatSession');
  if (!id) {
    id = 'dash-' + crypto.randomUUID();
    sessionStorage.setItem('soc.chatSession', id);
  }
  return id;
}

function say(who, text, blocked) {
  const item = h('li', { class: `${who}${blocked ? ' blocked' : ''}` }, h('span', { class: 'who' }, who === 'user' ? 'You' : blocked ? 'SOC Guard (blocked)' : 'Bot'), text);
  $('chat-log').append(item);
  item.scrollIntoView({ block: 'nearest' });
}

async function send(event) {
  event.preventDefault();
  const input = event.target.elements.message;
  const message = input.value;
  if (!message.trim()) return;
  showError($('chat-error'), null);
  say('user', message, false);
  input.value = '';
  try {
    const { data } = await api('chat', { method: 'POST', body: { message, sessionId: sessionId() } });
    const verdict = data.verdict ?? {};
    const reason = data.blocked && verdict.ruleIds?.length ? `\n(rules: ${verdict.ruleIds.join(', ')})` : '';
    say('bot', `${data.response ?? ''}${reason}`, Boolean(data.blocked));
  } catch (error) {
    showError($('chat-error'), describe(error, 'The chat console'));
  }
}

export function initChat() {
  $('chat-form').addEventListener('submit', send);
}
