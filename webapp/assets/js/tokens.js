// Integrations: Application Tokens (emnify's /api/v1/application_token).
import * as api from './api.js';
import { busy, clearErrors, confirmAction, el, notice, row, showError, showSecretOnce, values, viewFromTemplate, when } from './dom.js';

const REVOKED = 1;

export function show(main, { me } = {}) {
    const [view] = viewFromTemplate('view-tokens');
    const form = view.querySelector('form');
    const rows = view.querySelector('[data-rows]');
    const secret = view.querySelector('[data-slot="secret"]');
    const expiry = form.querySelector('[name="expiry_date"]');
    expiry.min = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
    main.append(view);

    async function load() {
        try {
            const list = await api.get('api/v1/application_token');
            rows.replaceChildren(...list.map(tokenRow));
            if (list.length === 0) {
                rows.append(el('tr', {}, el('td', { colspan: '6', text: 'No application tokens yet.' })));
            }
        } catch (error) {
            notice(view, '');
            showError(form, error);
        }
    }

    function tokenRow(token) {
        const active = token.status?.id !== REVOKED;
        // Another member's token: only an admin may revoke it (the server answers 403 to anyone else).
        const mayRevoke = !me || me.role === 'admin' || token.creator?.id === me.userid;
        const creator = token.creator ? (token.creator.name || token.creator.username || `#${token.creator.id}`) : '';
        const action = active && mayRevoke
            ? el('button', { type: 'button', class: 'small danger', onclick: () => revoke(token) },
                'Revoke', el('span', { class: 'visually-hidden', text: ` ${token.description ?? `token ${token.id}`}` }))
            : '';
        return row(token.description ?? '', when(token.created), token.expiry_date ? when(token.expiry_date) : 'Never',
            token.status?.description ?? '', creator, action);
    }

    async function revoke(token) {
        const name = token.description ? `"${token.description}"` : `number ${token.id}`;
        if (!await confirmAction(`Revoke the application token ${name}? Programs using it stop working.`, 'Revoke')) {
            return;
        }
        try {
            await api.patch(`api/v1/application_token/${encodeURIComponent(token.id)}`, { status: { id: REVOKED } });
            notice(view, `The token ${name} was revoked.`);
            secret.replaceChildren();
            await load();
        } catch (error) {
            showError(form, error);
        }
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(form);
        notice(view, '');
        const { description, expiry_date } = values(form);
        const body = {};
        if (description.trim()) body.description = description.trim();
        if (expiry_date) body.expiry_date = expiry_date;
        try {
            const created = await busy(form.querySelector('button[type="submit"]'), () => api.post('api/v1/application_token', body));
            form.reset();
            // Kept only in this page's DOM: never in storage, gone when the view changes.
            showSecretOnce(secret, 'Your new application token.', 'Application token', created.application_token);
            await load();
        } catch (error) {
            showError(form, error);
        }
    });

    load();
}
