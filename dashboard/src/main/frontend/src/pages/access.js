// Pages for some roles only: a visitor who lacks the role (also by a direct URL) is told to sign in, or that the
// account may not see the page; the API refuses the data anyway (401/403).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { hasRole, session } from '../session.js';
import { formatHash } from '../state.js';
import { pageHeader } from './common.js';

/** True when the user may see the page; otherwise draws the notice in root and returns false. */
export function requireRole(root, state, role, title) {
    if (hasRole(role)) {
        return true;
    }
    const signedIn = session().user !== null;
    const lang = state.params.lang ? { lang: state.params.lang } : {};
    root.append(pageHeader(title),
        h('div', { class: 'card notice', id: 'access-notice', role: 'alert', dataset: { state: 'ready', reason: signedIn ? 'forbidden' : 'sign-in-needed' } },
            h('h2', {}, signedIn ? t('access.forbidden_title') : t('access.sign_in_needed_title')),
            h('p', {}, signedIn ? t('access.forbidden', { role: t(`roles.${role}`) }) : t('access.sign_in_needed', { role: t(`roles.${role}`) })),
            signedIn ? null : h('p', {}, h('a', { href: formatHash({ page: 'sign-in', params: { ...lang, then: state.page } }), id: 'access-sign-in' }, t('shell.sign_in')))));
    return false;
}
