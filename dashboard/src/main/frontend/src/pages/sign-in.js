// The sign-in page: a real form (labelled fields a password manager recognises), sent as JSON through api.js.
// A success reloads the page in the new view; a wrong password or a lockout is said in the page's language.
import { signIn } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { session } from '../session.js';
import { PAGES, formatHash } from '../state.js';
import { pageHeader } from './common.js';

export function renderSignIn({ root, state }) {
    const lang = state.params.lang ? { lang: state.params.lang } : {};
    const then = PAGES.includes(state.params.then) && state.params.then !== 'sign-in' ? state.params.then : 'overview';
    root.append(pageHeader(t('sign_in.title'), t('sign_in.lead')));
    if (session().user !== null) {
        root.append(h('div', { class: 'card', dataset: { state: 'ready' } }, h('p', { id: 'sign-in-already' }, t('sign_in.already', { user: session().user }))));
        return;
    }
    const message = h('p', { class: 'sign-in-message', id: 'sign-in-message', role: 'alert' });
    const user = h('input', { id: 'sign-in-user', name: 'username', type: 'text', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
    const password = h('input', { id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const button = h('button', { type: 'submit', id: 'sign-in-submit' }, t('sign_in.submit'));
    const form = h('form', { class: 'card sign-in-form', id: 'sign-in-form', method: 'post', action: '/api/v1/session', dataset: { state: 'ready' },
        onsubmit: async (event) => {
            event.preventDefault();
            button.disabled = true;
            message.textContent = '';
            try {
                await signIn(user.value.trim(), password.value);
                window.location.hash = formatHash({ page: then, params: lang });
                window.location.reload();
            }
            catch (error) {
                password.value = '';
                message.textContent = error.status === 429 ? t('sign_in.locked', { seconds: error.retryAfter ?? 60 })
                    : error.status === 401 ? t('sign_in.wrong') : t('states.error', { message: error.message });
                message.dataset.status = String(error.status);
                button.disabled = false;
                password.focus();
            }
        } },
    h('p', { class: 'field' }, h('label', { for: 'sign-in-user' }, t('sign_in.user')), user),
    h('p', { class: 'field' }, h('label', { for: 'sign-in-password' }, t('sign_in.password')), password),
    h('p', {}, button),
    message);
    root.append(form, h('p', { class: 'sign-in-note' }, t('sign_in.note')));
}
