// The audit log, for admins: who did what and when, newest first (GET /api/v1/audit).
import { fetchAudit } from '../api.js';
import { h } from '../dom.js';
import { locale, t } from '../i18n.js';
import { requireRole } from './access.js';
import { pageHeader } from './common.js';

const LIMIT = 200;

export function renderAudit({ root, state }) {
    if (!requireRole(root, state, 'admin', t('audit.title'))) {
        return;
    }
    const card = h('div', { class: 'card', id: 'audit', dataset: { state: 'loading' } }, h('p', { class: 'chart-status static' }, t('states.loading')));
    root.append(pageHeader(t('audit.title'), t('audit.lead', { limit: LIMIT })), card);
    fetchAudit(LIMIT).then((answer) => {
        const when = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium' });
        card.replaceChildren(answer.entries.length === 0 ? h('p', {}, t('audit.empty')) : h('div', { class: 'figures-table open' }, h('table', { id: 'audit-table' },
            h('thead', {}, h('tr', {}, ['when', 'user', 'address', 'action', 'detail'].map((column) => h('th', { scope: 'col' }, t(`audit.${column}`))))),
            h('tbody', {}, answer.entries.map((entry) => h('tr', { dataset: { action: entry.action } },
                h('td', {}, when.format(new Date(entry.at))),
                h('td', {}, entry.user ?? '–'),
                h('td', {}, entry.address ?? '–'),
                h('td', {}, t(`audit.actions.${entry.action}`) === `audit.actions.${entry.action}` ? entry.action : t(`audit.actions.${entry.action}`)),
                h('td', {}, entry.detail)))))));
        card.dataset.state = 'ready';
    }).catch((error) => {
        card.replaceChildren(h('p', { role: 'alert' }, t('states.error', { message: error.message })));
        card.dataset.state = 'error';
    });
}
