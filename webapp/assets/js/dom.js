// Small DOM helpers. Data goes into the page only as text (textContent, Text nodes, input values),
// never as markup: a name or a description cannot become HTML.

/** A fresh copy of a <template id="..."> from index.html. */
export function fromTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

/** The view's other top-level nodes (a dialog beside the section) come along too. */
export function viewFromTemplate(id) {
    const fragment = document.getElementById(id).content.cloneNode(true);
    return [...fragment.children];
}

/** An element with properties (class, text, on*) and children; strings become Text nodes. */
export function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
        if (name === 'class') node.className = value;
        else if (name === 'text') node.textContent = value;
        else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value);
    }
    for (const child of children) {
        if (child !== null && child !== undefined) node.append(child);
    }
    return node;
}

/** A table row of cells; each cell is text or a node. */
export function row(...cells) {
    return el('tr', {}, ...cells.map((cell) => el('td', {}, cell ?? '')));
}

/** The form's fields as an object of strings (checkbox groups as arrays). */
export function values(form) {
    const result = {};
    for (const [name, value] of new FormData(form)) {
        if (form.querySelectorAll(`[name="${CSS.escape(name)}"][type="checkbox"]`).length > 0) {
            (result[name] ??= []).push(value);
        } else {
            result[name] = value;
        }
    }
    return result;
}

/** Clears the messages beside the fields. */
export function clearErrors(root) {
    for (const node of root.querySelectorAll('[data-error]')) node.textContent = '';
    for (const node of root.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
}

/**
 * Shows an error beside the field it is about: the field named by the server (emnify's errors[]),
 * else the field the message starts with ("otp.ttlMinutes must be ..."), else the form's own line.
 */
export function showError(root, error) {
    const fields = error.fields && Object.keys(error.fields).length ? error.fields : { [firstWord(error.message)]: error.message };
    let shown = false;
    for (const [field, message] of Object.entries(fields)) {
        const slot = root.querySelector(`[data-error~="${CSS.escape(field)}"]`);
        if (slot) {
            slot.textContent = message;
            markInvalid(root, field);
            shown = true;
        }
    }
    if (!shown) {
        const slot = root.querySelector('[data-error~="form"]') ?? root.querySelector('[data-error]');
        slot.textContent = error.message;
    }
}

function firstWord(message) {
    return String(message).split(/[\s:,]/, 1)[0];
}

function markInvalid(root, field) {
    const input = root.querySelector(`[name="${CSS.escape(field)}"]`);
    if (input) input.setAttribute('aria-invalid', 'true');
}

/** Sets the text of the view's status line. */
export function notice(root, text) {
    const slot = root.querySelector('[data-notice]');
    slot.textContent = text;
    slot.hidden = !text;
}

/** Asks before something that cannot be undone; resolves true when confirmed. */
export function confirmAction(message, yesLabel) {
    const dialog = document.getElementById('confirm');
    dialog.querySelector('[data-message]').textContent = message;
    dialog.querySelector('[data-yes]').textContent = yesLabel;
    dialog.returnValue = '';
    return new Promise((resolve) => {
        dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
        dialog.showModal();
    });
}

/** Copies an input's value to the clipboard and says so beside the button. */
export async function copyFrom(input, button) {
    try {
        await navigator.clipboard.writeText(input.value);
    } catch (e) {
        // No clipboard API (a plain-HTTP page that is not localhost): the older way.
        input.select();
        document.execCommand('copy');
    }
    button.textContent = 'Copied';
    button.setAttribute('aria-live', 'polite');
    setTimeout(() => { button.textContent = 'Copy'; }, 4000);
}

/** Wires every [data-copy] button inside root to its input. */
export function wireCopyButtons(root) {
    for (const button of root.querySelectorAll('[data-copy]')) {
        button.addEventListener('click', () => {
            const id = button.dataset.copy;
            const input = id ? root.querySelector(`#${CSS.escape(id)}`) : button.parentElement.querySelector('input');
            copyFrom(input, button);
        });
    }
}

/** A secret shown once (a token, a client secret), with its copy button; put into slot, replacing what was there. */
export function showSecretOnce(slot, title, label, value) {
    const box = fromTemplate('part-secret');
    const id = `secret-${Date.now()}`;
    box.querySelector('[data-title]').textContent = title;
    const labelNode = box.querySelector('[data-label]');
    labelNode.textContent = label;
    labelNode.htmlFor = id;
    const input = box.querySelector('[data-value]');
    input.id = id;
    input.value = value;
    wireCopyButtons(box);
    slot.replaceChildren(box);
    input.focus();
    input.select();
}

/** A time from the server (ISO-8601) in the reader's own format; empty for none. */
export function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
}

/** Runs an async action with the button disabled, so a double click does not send twice. */
export async function busy(button, action) {
    button.disabled = true;
    try {
        return await action();
    } finally {
        button.disabled = false;
    }
}
