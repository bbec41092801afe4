// Control room: OAuth clients (create with the secret shown once, rotate the secret, delete).
import * as api from './api.js';
import { busy, clearErrors, confirmAction, el, notice, row, showError, showSecretOnce, values, viewFromTemplate, when } from './dom.js';

export function show(main) {
    const [view] = viewFromTemplate('view-control-clients');
    const form = view.querySelector('form');
    const rows = view.querySelector('[data-rows]');
    const secret = view.querySelector('[data-slot="secret"]');
    const listError = view.querySelector('[data-error="list"]');
    main.append(view);

    async function load() {
        listError.textContent = '';
        try {
            const list = await api.get('api/admin/clients');
            rows.replaceChildren(...list.map(clientRow));
            if (list.length === 0) {
                rows.append(el('tr', {}, el('td', { colspan: '5', text: 'No OAuth clients yet.' })));
            }
        } catch (error) {
            listError.textContent = error.message;
        }
    }

    function clientRow(client) {
        const label = (text) => el('span', {}, text, el('span', { class: 'visually-hidden', text: ` ${client.name}` }));
        return row(el('code', { text: client.client_id }), client.name, client.grant_types.join(', '), when(client.created),
            el('div', {},
                el('button', { type: 'button', class: 'small secondary', onclick: () => rotate(client) }, label('Rotate secret')),
                el('button', { type: 'button', class: 'small danger', onclick: () => remove(client) }, label('Delete'))));
    }

    async function rotate(client) {
        if (!await confirmAction(`Give ${client.name} a new secret? The current secret stops working at once.`, 'Rotate')) {
            return;
        }
        try {
            const rotated = await api.post(`api/admin/clients/${encodeURIComponent(client.client_id)}/secret`);
            notice(view, '');
            showSecretOnce(secret, `The new secret of ${rotated.name} (${rotated.client_id}).`, 'Client secret', rotated.client_secret);
        } catch (error) {
            listError.textContent = error.message;
        }
    }

    async function remove(client) {
        if (!await confirmAction(`Delete the client ${client.name}? Its tokens stop working.`, 'Delete')) {
            return;
        }
        try {
            await api.del(`api/admin/clients/${encodeURIComponent(client.client_id)}`);
            secret.replaceChildren();
            notice(view, `The client ${client.name} was deleted.`);
            await load();
        } catch (error) {
            listError.textContent = error.message;
        }
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(form);
        notice(view, '');
        const fields = values(form);
        const body = {
            name: fields.name.trim(),
            grant_types: fields.grant_types ?? [],
            scopes: fields.scopes.split(/\s+/).filter(Boolean),
        };
        try {
            const created = await busy(form.querySelector('button[type="submit"]'), () => api.post('api/admin/clients', body));
            form.reset();
            showSecretOnce(secret, `Client ${created.name} was created with the ID ${created.client_id}.`, 'Client secret',
                created.client_secret);
            await load();
        } catch (error) {
            showError(form, error);
        }
    });

    load();
}
