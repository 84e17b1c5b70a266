// Small DOM helpers. Text always goes through textContent (never innerHTML): server data cannot inject markup.

/** h('div', {class: 'x', onclick: fn, 'data-testid': 'y'}, child, 'text', [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked') el.checked = !!value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function card(title, testid, ...body) {
  return h('section', { class: 'card', 'data-testid': testid }, h('h2', {}, title), ...body);
}

export function field(label, input, help) {
  return h('label', { class: 'field' }, h('span', { class: 'label' }, label), input,
    help ? h('span', { class: 'help' }, help) : null);
}

export function when(value) {
  if (!value) return '—';
  // Epoch milliseconds (targets, dead letters) or an ISO-8601 instant (tokens)
  const date = typeof value === 'number' || /^\d+$/.test(String(value)) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

/** A button that asks for a second click before running a destructive action. */
export function confirmButton(label, confirmLabel, action, attrs = {}) {
  const button = h('button', { ...attrs, class: 'btn danger' }, label);
  let armed = false;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      setTimeout(() => { armed = false; button.textContent = label; }, 5000);
      return;
    }
    button.disabled = true;
    try { await action(); } finally { button.disabled = false; }
  });
  return button;
}

export function copyButton(label, text, testid) {
  const button = h('button', { class: 'btn secondary', type: 'button', 'data-testid': testid }, label);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'function' ? text() : text);
      button.textContent = '✓';
    } catch (e) {
      button.textContent = '✗';
    }
    setTimeout(() => { button.textContent = label; }, 1500);
  });
  return button;
}
