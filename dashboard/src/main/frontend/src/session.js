// Who is signed in, for the shell and the pages: the session GET /api/v1/session described at start
// ({ user, roles, view, csrf_token }). Signing in or out reloads the page, so that no answer cached for
// the previous view survives.
import { ANONYMOUS } from './api.js';

let current = ANONYMOUS;

export function setSession(session) {
    current = session ?? ANONYMOUS;
}

export function session() {
    return current;
}

/** Whether the signed-in user has the role (admins hold manager too; the server says so in roles). */
export function hasRole(role) {
    return current.roles.includes(role);
}

/** Whether the figures are the public's (counts of people rounded, docs/disclosure.md) rather than the exact ones. */
export function publicView() {
    return current.view === 'public';
}

/** The role to show beside the name: the highest one held. */
export function shownRole() {
    return ['admin', 'manager'].find((role) => hasRole(role)) ?? 'none';
}
