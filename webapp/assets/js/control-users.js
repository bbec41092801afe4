// Control room: users (create, find, lock and unlock, reset password, sign out everywhere, end everything of a compromised account).
import * as api from './api.js';
import { busy, clearErrors, confirmAction, el, notice, row, showError, values, viewFromTemplate, when } from './dom.js';

const PAGE = 20;

export function show(main) {
    const [view, resetDialog] = viewFromTemplate('view-control-users');
    const createForm = view.querySelector('[data-form="create-user"]');
    const findForm = view.querySelector('[data-form="find-user"]');
    const rows = view.querySelector('[data-rows]');
    const pageLabel = view.querySelector('[data-page-label]');
    const previous = view.querySelector('[data-page="previous"]');
    const next = view.querySelector('[data-page="next"]');
    main.append(view, resetDialog);

    let first = 0;
    let email = '';

    async function load() {
        const listError = view.querySelector('[data-error="list"]');
        listError.textContent = '';
        try {
            const list = await api.get(`api/admin/users${api.query(email ? { email } : { first, max: PAGE })}`);
            rows.replaceChildren(...list.map(userRow));
            if (list.length === 0) {
                rows.append(el('tr', {}, el('td', { colspan: '7', text: email ? `No user has the e-mail ${email}.` : 'No users.' })));
            }
            const paged = !email;
            previous.hidden = next.hidden = pageLabel.hidden = !paged;
            previous.disabled = first === 0;
            next.disabled = list.length < PAGE;
            pageLabel.textContent = list.length ? `Users ${first + 1} to ${first + list.length}` : '';
        } catch (error) {
            listError.textContent = error.message;
        }
    }

    function userRow(user) {
        const label = (text) => el('span', {}, text, el('span', { class: 'visually-hidden', text: ` ${user.email}` }));
        const locked = user.status !== 'active';
        const actions = el('div', {},
            el('button', { type: 'button', class: 'small secondary', onclick: () => setStatus(user, locked ? 'active' : 'locked') },
                label(locked ? 'Unlock' : 'Lock')),
            el('button', { type: 'button', class: 'small secondary', onclick: () => resetPassword(user) }, label('Reset password')),
            el('button', { type: 'button', class: 'small secondary', onclick: () => revoke(user) }, label('Sign out everywhere')),
            el('button', { type: 'button', class: 'small danger', 'data-action': 'compromised', onclick: () => revokeAll(user) },
                label('Compromised')));
        return row(String(user.userid), user.email, user.name, user.role === 'admin' ? 'Admin' : 'User',
            user.status, when(user.lastLogin), actions);
    }

    async function setStatus(user, status) {
        const verb = status === 'active' ? 'Unlock' : 'Lock';
        if (status !== 'active' && !await confirmAction(`Lock ${user.email}? Their sessions and tokens end at once.`, verb)) {
            return;
        }
        try {
            await api.patch(`api/admin/users/${user.userid}`, { status });
            notice(view, `${user.email} is ${status === 'active' ? 'unlocked' : 'locked'}.`);
            await load();
        } catch (error) {
            view.querySelector('[data-error="list"]').textContent = error.message;
        }
    }

    async function revoke(user) {
        if (!await confirmAction(`Sign ${user.email} out everywhere? Sessions, refresh tokens and cached passwords end.`, 'Sign out')) {
            return;
        }
        try {
            await api.post(`api/admin/users/${user.userid}/revoke`);
            notice(view, `${user.email} was signed out everywhere.`);
        } catch (error) {
            view.querySelector('[data-error="list"]').textContent = error.message;
        }
    }

    // For a compromised account: besides signing out everywhere, the API key and application tokens end.
    async function revokeAll(user) {
        if (!await confirmAction(`Treat ${user.email} as compromised? Sessions and tokens end, and so do the API key `
            + 'and every application token they made. Reset the password too if it may be known.', 'End everything')) {
            return;
        }
        try {
            await api.post(`api/admin/users/${user.userid}/revoke${api.query({ compromised: true })}`);
            notice(view, `Every credential of ${user.email} was ended, their API key and application tokens too.`);
        } catch (error) {
            view.querySelector('[data-error="list"]').textContent = error.message;
        }
    }

    function resetPassword(user) {
        const form = resetDialog.querySelector('form');
        form.reset();
        clearErrors(form);
        resetDialog.querySelector('[data-who]').textContent = user.email;
        form.onsubmit = async (event) => {
            event.preventDefault();
            clearErrors(form);
            try {
                await busy(form.querySelector('button[type="submit"]'),
                    () => api.patch(`api/admin/users/${user.userid}`, { password: values(form).password }));
                resetDialog.close();
                notice(view, `The password of ${user.email} was reset; they were signed out everywhere.`);
            } catch (error) {
                showError(form, error);
            }
        };
        form.querySelector('[data-cancel]').onclick = () => resetDialog.close();
        resetDialog.showModal();
    }

    createForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(createForm);
        notice(view, '');
        const fields = values(createForm);
        const body = { email: fields.email.trim(), name: fields.name.trim(), role: fields.role };
        if (fields.password) body.password = fields.password;
        try {
            const user = await busy(createForm.querySelector('button'), () => api.post('api/admin/users', body));
            createForm.reset();
            notice(view, `User ${user.email} was created with ID ${user.userid}.`);
            email = user.email;
            findForm.querySelector('[name="email"]').value = email;
            await load();
        } catch (error) {
            showError(createForm, error);
        }
    });

    findForm.addEventListener('submit', (event) => {
        event.preventDefault();
        notice(view, '');
        email = values(findForm).email.trim();
        first = 0;
        load();
    });
    previous.addEventListener('click', () => { first = Math.max(0, first - PAGE); load(); });
    next.addEventListener('click', () => { first += PAGE; load(); });

    load();
}
