// Every call the portal makes: same-origin fetch with the session cookie, JSON in and out.

/** A refused call: the HTTP status, the server's message, and messages per field when it named any. */
export class ApiError extends Error {
    constructor(status, message, fields = {}) {
        super(message);
        this.status = status;
        this.fields = fields;
    }
}

let onExpired = () => {};

/** Called with the server's message when a signed-in call answers 401: the session has ended. */
export function whenSessionEnds(handler) {
    onExpired = handler;
}

/**
 * @param method HTTP method
 * @param path relative to the portal (the WAR's root), e.g. "api/1/users/me"
 * @param body sent as JSON when given
 * @param signedIn false for the calls that may answer 401 without the session having ended (sign-in)
 */
export async function call(method, path, body, { signedIn = true } = {}) {
    const init = {
        method,
        credentials: 'same-origin',
        // The page's origin goes along, so the server's CSRF check recognises its own portal.
        referrerPolicy: 'same-origin',
        headers: { Accept: 'application/json' },
    };
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, init);
    } catch (e) {
        throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
    }
    const payload = response.status === 204 ? null : await response.json().catch(() => null);
    if (response.ok) {
        // Konekt and the admin API wrap answers in {success, data}; emnify's are bare.
        return payload && typeof payload === 'object' && 'success' in payload ? payload.data : payload;
    }
    const error = describe(response.status, payload);
    if (response.status === 401 && signedIn) {
        onExpired(error.message);
    }
    throw error;
}

/** The error shapes of the dialects: Konekt {success:false, error}, emnify {message, errors[]}. */
function describe(status, payload) {
    if (payload && typeof payload.error === 'string') {
        return new ApiError(status, payload.error);
    }
    if (payload && typeof payload.message === 'string') {
        const fields = {};
        for (const e of Array.isArray(payload.errors) ? payload.errors : []) {
            fields[e.field] = `${e.field} ${e.message}`;
        }
        return new ApiError(status, payload.message, fields);
    }
    return new ApiError(status, `The server answered ${status}.`);
}

export const get = (path, options) => call('GET', path, undefined, options);
export const post = (path, body, options) => call('POST', path, body, options);
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = (path) => call('DELETE', path);

/** A query string from the non-empty values. */
export function query(values) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) {
        if (value !== undefined && value !== null && value !== '') {
            params.set(name, value);
        }
    }
    const text = params.toString();
    return text ? `?${text}` : '';
}
