// The portal's shell: who is signed in, which view the address (#/...) names, sign-in and sign-out.
import * as api from './api.js';
import { clearErrors, fromTemplate, notice, showError, values, busy } from './dom.js';
import * as account from './account.js';
import * as tokens from './tokens.js';
import * as users from './control-users.js';
import * as clients from './control-clients.js';
import * as settings from './control-settings.js';
import * as audit from './control-audit.js';

const EXPIRED = 'Your session has expired or was ended. Please sign in again.';
// The server's answer to a session key that is unknown, ended or expired (SessionScheme).
const SESSION_REFUSED = 'Invalid or expired session key';

const views = {
    '#/account': account.showAccount,
    '#/apikey': account.showApiKey,
    '#/password': account.showPassword,
    '#/tokens': tokens.show,
    '#/control/users': users.show,
    '#/control/clients': clients.show,
    '#/control/settings': settings.show,
    '#/control/audit': audit.show,
};

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let me = null;

function signedOut(message) {
    me = null;
    nav.hidden = true;
    const view = fromTemplate('view-sign-in');
    notice(view, message ?? '');
    const form = view.querySelector('form');
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        signIn(form);
    });
    main.replaceChildren(view);
    view.querySelector('input[name="email"]').focus();
}

async function signIn(form) {
    clearErrors(form);
    const { email, password } = values(form);
    if (!email || !password) {
        showError(form, new api.ApiError(400, 'Enter your e-mail and your password.'));
        return;
    }
    try {
        const answer = await busy(form.querySelector('button'),
            () => api.post('api/1/auth/session', { email, password }, { signedIn: false }));
        // The key itself stays in the HttpOnly cookie; the page keeps only the profile.
        const { sesskey, ...profile } = answer;
        me = profile;
        if (!views[location.hash]) {
            location.hash = '#/account';  // hashchange renders it
        } else {
            route();
        }
    } catch (error) {
        showError(form, error);
        form.querySelector('input[name="password"]').select();
    }
}

async function signOut() {
    try {
        await api.del('api/1/auth/session');
    } catch (error) {
        // Ended already: signed out all the same.
    }
    signedOut('You have signed out.');
}

function showNav() {
    nav.hidden = false;
    document.getElementById('signed-in-name').textContent = me.name || me.email;
    for (const item of nav.querySelectorAll('[data-admin]')) item.hidden = me.role !== 'admin';
    for (const link of document.querySelectorAll('.bar a[href^="#/"]')) {
        const current = location.hash === link.getAttribute('href')
            || (link.getAttribute('href').startsWith('#/control/') && location.hash.startsWith('#/control/'));
        if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    }
    document.getElementById('user-menu').open = false;
}

function route() {
    if (!me) {
        return;
    }
    let hash = views[location.hash] ? location.hash : '#/account';
    // The server refuses non-admins anyway; the portal does not offer what would be refused.
    if (hash.startsWith('#/control/') && me.role !== 'admin') {
        hash = '#/account';
    }
    if (hash !== location.hash) {
        history.replaceState(null, '', hash);
    }
    showNav();
    const nodes = [];
    if (hash.startsWith('#/control/')) {
        const tabs = fromTemplate('part-control-nav');
        for (const link of tabs.querySelectorAll('a')) {
            if (link.getAttribute('href') === hash) link.setAttribute('aria-current', 'page');
        }
        nodes.push(tabs);
    }
    main.replaceChildren(...nodes);
    views[hash](main, { me, setMe: (profile) => { me = profile; showNav(); } });
    main.querySelector('h1')?.focus();
}

async function start() {
    api.whenSessionEnds(() => signedOut(EXPIRED));
    document.getElementById('sign-out').addEventListener('click', signOut);
    // Escape closes the open user menu and gives the focus back to its button, as menus do.
    const menu = document.getElementById('user-menu');
    menu.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && menu.open) {
            menu.open = false;
            menu.querySelector('summary').focus();
        }
    });
    window.addEventListener('hashchange', route);
    try {
        me = await api.get('api/1/users/me', { signedIn: false });
        route();
    } catch (error) {
        // A cookie whose session ended while the browser was away: say so. No cookie: just sign in.
        signedOut(error.status === 401 && error.message === SESSION_REFUSED ? EXPIRED
            : error.status === 401 ? '' : error.message);
    }
}

start();
