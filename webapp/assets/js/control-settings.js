// Control room: security settings. The form is built from what the server answers; the server
// checks every value and its message appears beside the field it names.
import * as api from './api.js';
import { busy, clearErrors, el, notice, showError, viewFromTemplate } from './dom.js';

const GROUPS = [
    ['One-time passwords', 'otp.'],
    ['Sessions and tokens', 'session.', 'authToken.', 'accessToken.', 'refreshToken.', 'signingKey.'],
    ['Lockout', 'lockout.'],
    ['Operations', ''],
];

const LABELS = {
    'otp.enabled': ['One-time passwords on', 'POST /otp/send answers 403 while off.'],
    'otp.allowNewUsers': ['Allow new users', 'An unknown address asking for a code becomes a user.'],
    'otp.ttlMinutes': ['Code lifetime (minutes)', '1 to 30.'],
    'otp.newUserPartnerId': ['Organisation of new users (partnerid)', '0: each new user gets an organisation of its own.'],
    'session.idleMinutes': ['Session idle timeout (minutes)', 'A session ends after this long without a request.'],
    'session.maxHours': ['Session maximum (hours)', 'A session ends after this long in any case.'],
    'authToken.ttlMinutes': ['auth_token lifetime (minutes)', 'emnify auth tokens.'],
    'accessToken.ttlSeconds': ['OAuth access token lifetime (seconds)', ''],
    'refreshToken.ttlDays': ['Refresh token lifetime (days)', ''],
    'signingKey.rotationDays': ['Signing key rotation (days)', 'A new JWT signing key after this many days.'],
    'lockout.maxFailures': ['Failed logins before a lockout', 'In a row, per account, on every password path.'],
    'lockout.waitSeconds': ['First lockout (seconds)', 'Doubles with each further failure.'],
    'lockout.maxWaitSeconds': ['Longest lockout (seconds)', ''],
    'lockout.addressMaxFailures': ['Failed logins per address per hour', 'Then the address gets 429 for the rest of the hour.'],
    'operations.requireAdmin': ['Operations endpoints for admins only', '/metrics, /health and /health/ready.'],
};

export function show(main) {
    const [view] = viewFromTemplate('view-control-settings');
    const form = view.querySelector('form');
    const groups = view.querySelector('[data-groups]');
    main.append(view);
    let saved = {};

    function fieldId(name) {
        return `setting-${name.replace(/[^A-Za-z0-9]/g, '-')}`;
    }

    function field(name, value) {
        const [label, hint] = LABELS[name] ?? [name, ''];
        const id = fieldId(name);
        const error = el('p', { class: 'error', id: `${id}-error`, 'data-error': name });
        const hintNode = el('p', { class: 'hint', id: `${id}-hint` }, hint ? `${hint} ` : '', el('code', { text: name }));
        const described = `${id}-hint ${id}-error`;
        if (typeof value === 'boolean') {
            const box = el('input', { type: 'checkbox', id, name, 'aria-describedby': described });
            box.checked = value;
            return el('div', { class: 'field' }, el('label', { class: 'check', for: id }, box, label), hintNode, error);
        }
        const input = el('input', { type: 'number', id, name, inputmode: 'numeric', 'aria-describedby': described });
        input.value = String(value);
        return el('div', { class: 'field' }, el('label', { for: id, text: label }), input, hintNode, error);
    }

    function render() {
        const names = Object.keys(saved);
        const placed = new Set();
        const fieldsets = [];
        for (const [legend, ...prefixes] of GROUPS) {
            const mine = names.filter((n) => !placed.has(n) && prefixes.some((p) => n.startsWith(p)));
            mine.forEach((n) => placed.add(n));
            if (mine.length) {
                fieldsets.push(el('fieldset', {}, el('legend', { text: legend }), ...mine.map((n) => field(n, saved[n]))));
            }
        }
        groups.replaceChildren(...fieldsets);
    }

    /** Only what the admin changed; a number field's text as typed when it is no whole number, for the server to judge. */
    function changes() {
        const changed = {};
        for (const [name, before] of Object.entries(saved)) {
            const input = form.elements.namedItem(name);
            let value;
            if (typeof before === 'boolean') {
                value = input.checked;
            } else {
                const text = input.value.trim();
                value = /^-?\d+$/.test(text) ? Number(text) : text;
            }
            if (value !== before) changed[name] = value;
        }
        return changed;
    }

    async function load() {
        try {
            saved = await api.get('api/admin/settings');
            render();
        } catch (error) {
            showError(form, error);
        }
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(form);
        notice(form, '');
        const body = changes();
        if (Object.keys(body).length === 0) {
            notice(form, 'Nothing changed.');
            return;
        }
        try {
            saved = await busy(form.querySelector('button[type="submit"]'), () => api.put('api/admin/settings', body));
            render();
            notice(form, `Saved: ${Object.keys(body).join(', ')}.`);
        } catch (error) {
            showError(form, error);
            form.querySelector('[aria-invalid="true"]')?.focus();
        }
    });

    load();
}
