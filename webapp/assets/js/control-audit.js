// Control room: the audit log, newest first, with the server's filters and paging.
import * as api from './api.js';
import { clearErrors, el, notice, row, showError, values, viewFromTemplate, when } from './dom.js';

export function show(main) {
    const [view] = viewFromTemplate('view-control-audit');
    const form = view.querySelector('form');
    const rows = view.querySelector('[data-rows]');
    const pageLabel = view.querySelector('[data-page-label]');
    const previous = view.querySelector('[data-page="previous"]');
    const next = view.querySelector('[data-page="next"]');
    main.append(view);
    let first = 0;

    /** The filters as the server takes them; a local date-time becomes an ISO-8601 instant. */
    function filters() {
        const f = values(form);
        const instant = (local) => {
            if (!local) return '';
            const date = new Date(local);
            return Number.isNaN(date.getTime()) ? local : date.toISOString();
        };
        return {
            username: f.username.trim(), userid: f.userid.trim(), scheme: f.scheme.trim(), outcome: f.outcome,
            address: f.address.trim(), from: instant(f.from), to: instant(f.to), first, max: f.max,
        };
    }

    async function load() {
        clearErrors(form);
        notice(view, '');
        const query = filters();
        try {
            const events = await api.get(`api/admin/audit${api.query(query)}`);
            rows.replaceChildren(...events.map((e) => row(when(e.time),
                e.username ?? (e.userid === null ? '' : `#${e.userid}`), e.scheme, e.outcome, e.reason ?? '', e.address ?? '')));
            if (events.length === 0) {
                rows.append(el('tr', {}, el('td', { colspan: '6', text: 'No events match.' })));
            }
            const max = Number(query.max);
            previous.disabled = first === 0;
            next.disabled = events.length < max;
            pageLabel.textContent = events.length ? `Events ${first + 1} to ${first + events.length}` : '';
        } catch (error) {
            showError(form, error);
        }
    }

    form.addEventListener('submit', (event) => {
        event.preventDefault();
        first = 0;
        load();
    });
    previous.addEventListener('click', () => {
        first = Math.max(0, first - Number(values(form).max));
        load();
    });
    next.addEventListener('click', () => {
        first += Number(values(form).max);
        load();
    });

    load();
}
