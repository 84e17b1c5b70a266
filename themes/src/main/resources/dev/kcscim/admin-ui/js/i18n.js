// Labels and help texts from the themes module's message bundle, served as messages.json next to the page.
let messages = {};

export async function loadMessages() {
  const response = await fetch('messages.json', { headers: { Accept: 'application/json' } });
  if (response.ok) messages = await response.json();
}

/** t('key', arg0, arg1): the message with {0}, {1} replaced; the key itself when missing. */
export function t(key, ...args) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined ? String(args[i]) : m));
}
