// The signed-in user's own pages: account, API key, password.
import * as api from './api.js';
import { busy, clearErrors, confirmAction, notice, showError, values, viewFromTemplate, wireCopyButtons } from './dom.js';

export function showAccount(main, { me }) {
    const [view] = viewFromTemplate('view-account');
    for (const [name, value] of Object.entries({ ...me, role: me.role === 'admin' ? 'Admin' : 'User' })) {
        const slot = view.querySelector(`[data-field="${name}"]`);
        if (slot) slot.textContent = String(value ?? '');
    }
    main.append(view);
}

export function showApiKey(main) {
    const [view] = viewFromTemplate('view-apikey');
    const input = view.querySelector('#apikey-value');
    const regenerate = view.querySelector('[data-action="regenerate"]');
    wireCopyButtons(view);
    main.append(view);

    api.get('api/1/users/me/apikey')
        .then((data) => { input.value = data.apikey; })
        .catch((error) => showError(view, error));

    regenerate.addEventListener('click', async () => {
        clearErrors(view);
        notice(view, '');
        const sure = await confirmAction('Generate a new API key? The current key stops working at once, '
            + 'for every program that uses it.', 'Regenerate');
        if (!sure) {
            regenerate.focus();
            return;
        }
        try {
            const data = await busy(regenerate, () => api.post('api/1/users/me/apikey'));
            input.value = data.apikey;
            notice(view, 'A new API key was generated. The old one no longer works.');
        } catch (error) {
            showError(view, error);
        }
    });
}

export function showPassword(main) {
    const [view] = viewFromTemplate('view-password');
    const form = view.querySelector('form');
    main.append(view);

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(form);
        notice(form, '');
        const { current_password, new_password, repeat } = values(form);
        if (new_password !== repeat) {
            const differ = 'The two new passwords differ.';
            showError(form, new api.ApiError(400, differ, { repeat: differ }));
            return;
        }
        try {
            // A wrong current password is a 400 naming current_password: shown beside that field.
            await busy(form.querySelector('button'), () => api.post('api/1/users/me/password', { current_password, new_password }));
            form.reset();
            notice(form, 'Your password was changed. Your other sessions have ended.');
        } catch (error) {
            showError(form, error);
        }
    });
}
