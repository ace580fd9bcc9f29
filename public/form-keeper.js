// Keeps what a staff member typed when a form was sent after the session had ended, so that it can be put back.
//
// A form marked data-keep="NAME" is copied into this tab's sessionStorage when it is sent (its visible fields and
// its hidden `version`, never passwords, files or the CSRF token). The next page this tab loads decides what the
// copy was: the sign-in page with `unsaved=1` means the server refused the form for want of a session, and the copy
// is kept for the form's page; any other page means the form reached the server, and the copy is dropped. When
// the form's page is shown again (after signing in), it offers to put the copy back, or to discard it.
// The texts come from the script element's data attributes, in the page's language.
(() => {
  const PREFIX = 'koryu:form:';
  const PENDING = `${PREFIX}pending`;
  const KEEP_MS = 24 * 60 * 60 * 1000;
  const script = document.currentScript;
  let storage;
  try {
    storage = window.sessionStorage;
    storage.getItem(PENDING);
  } catch {
    return;
  }
  const lostKey = (page, form) => `${PREFIX}lost:${page}#${form}`;

  function keptFields(form) {
    const fields = [];
    for (const el of form.elements) {
      if (!el.name || el.disabled || el.name === '_csrf') continue;
      const type = (el.type || '').toLowerCase();
      if (type === 'password' || type === 'file' || type === 'submit' || type === 'button' || type === 'reset') continue;
      if (type === 'hidden' && el.name !== 'version') continue;
      if ((type === 'checkbox' || type === 'radio') && !el.checked) continue;
      fields.push([el.name, el.value]);
    }
    return fields;
  }

  function putBack(form, fields) {
    const byName = new Map();
    for (const [name, value] of fields) byName.set(name, [...(byName.get(name) || []), value]);
    for (const el of form.elements) {
      if (!byName.has(el.name) || el.name === '_csrf') continue;
      const type = (el.type || '').toLowerCase();
      if (type === 'password' || type === 'file') continue;
      const values = byName.get(el.name);
      if (type === 'checkbox' || type === 'radio') el.checked = values.includes(el.value);
      else el.value = values.shift() ?? el.value;
    }
  }

  // 1. What became of the form this tab sent last.
  const pending = storage.getItem(PENDING);
  if (pending !== null) {
    storage.removeItem(PENDING);
    const params = new URLSearchParams(location.search);
    if (script && script.dataset.signIn === 'true' && params.get('unsaved') === '1') {
      try {
        const sent = JSON.parse(pending);
        storage.setItem(lostKey(sent.page, sent.form), pending);
      } catch {
        // A copy that cannot be read is no copy.
      }
    }
  }

  // 2. Forms of this page: copied when sent, and offered back when a copy of them was lost.
  for (const form of document.querySelectorAll('form[data-keep]')) {
    const name = form.dataset.keep;
    form.addEventListener('submit', () => {
      const copy = { page: location.pathname, form: name, at: Date.now(), fields: keptFields(form) };
      try {
        storage.setItem(PENDING, JSON.stringify(copy));
      } catch {
        // Storage full or refused: the form is sent all the same.
      }
    });
    const key = lostKey(location.pathname, name);
    const lost = storage.getItem(key);
    if (lost === null || !script) continue;
    let copy;
    try {
      copy = JSON.parse(lost);
    } catch {
      storage.removeItem(key);
      continue;
    }
    if (!copy || !Array.isArray(copy.fields) || Date.now() - copy.at > KEEP_MS) {
      storage.removeItem(key);
      continue;
    }
    const note = document.createElement('div');
    note.className = 'unsaved-note';
    note.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = script.dataset.note || '';
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.textContent = script.dataset.restore || '';
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.textContent = script.dataset.discard || '';
    restore.addEventListener('click', () => {
      putBack(form, copy.fields);
      storage.removeItem(key);
      text.textContent = script.dataset.restored || '';
      restore.remove();
      discard.remove();
      const first = form.querySelector('textarea, input:not([type="hidden"]), select');
      if (first) first.focus();
    });
    discard.addEventListener('click', () => {
      storage.removeItem(key);
      note.remove();
    });
    note.append(text, restore, ' ', discard);
    form.prepend(note);
  }
})();
