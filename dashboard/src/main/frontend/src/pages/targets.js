// #/targets (admins): the programme's targets per district and for the whole programme, editable; saving replaces
// them (PUT /api/v1/targets) from the next ingest run, which "Run now" starts. Targets have no period.
import { fetchTargets, runNow, saveTargets } from '../api.js';
import { h } from '../dom.js';
import { locale, t } from '../i18n.js';
import { formatHash } from '../state.js';
import { provinces } from '../reference.js';
import { requireRole } from './access.js';
import { pageHeader } from './common.js';

const PROGRAMME = 'programme';

/** The id of a target's cell: target-coops_formed-12, target-coops_registered-programme. */
export function cellId(target, districtCode) {
    return `target-${target}-${districtCode ?? PROGRAMME}`;
}

/**
 * The targets to send from the cells' texts, in table order: [{ target, district_code, text }] -> the PUT body's list
 * and, per entry, the id of its cell (so that a 400 naming targets[i] marks that cell). An empty cell is no target; a
 * text that is not a number goes as it is, for the server to name.
 */
export function collectTargets(cells) {
    const targets = [];
    const cellIds = [];
    for (const { target, district_code: districtCode, text } of cells) {
        const trimmed = String(text ?? '').trim();
        if (trimmed === '') {
            continue;
        }
        const number = Number(trimmed);
        targets.push({ target, district: districtCode ?? null, value: Number.isFinite(number) ? number : trimmed });
        cellIds.push(cellId(target, districtCode));
    }
    return { targets, cellIds };
}

/** The cell a 400's parameter names (targets[3].value -> the fourth sent target's cell), or null. */
export function cellOfParameter(parameter, cellIds) {
    const match = /^targets\[(\d+)]/.exec(parameter ?? '');
    return match ? cellIds[Number(match[1])] ?? null : null;
}

export function renderTargets({ root, state }) {
    if (!requireRole(root, state, 'admin', t('targets.title'))) {
        return;
    }
    const card = h('div', { class: 'card', id: 'targets', dataset: { state: 'loading' } }, h('p', { class: 'chart-status static' }, t('states.loading')));
    root.append(pageHeader(t('targets.title'), t('targets.lead')), h('p', { class: 'hint', id: 'targets-no-period' }, t('targets.no_period')), card);
    fetchTargets().then((answer) => draw(card, answer, state)).catch((error) => {
        card.replaceChildren(h('p', { role: 'alert' }, t('states.error', { message: error.message })));
        card.dataset.state = 'error';
    });
}

function draw(card, answer, state) {
    const values = new Map(answer.targets.map((entry) => [cellId(entry.target, entry.district_code), entry.value]));
    const codeOf = new Map(answer.districts.map(({ district, district_code: code }) => [district, code]));
    const names = answer.target_names;
    const cells = [];
    const input = (target, districtCode, label) => {
        const id = cellId(target, districtCode);
        const field = h('input', { type: 'number', min: '1', step: '1', inputmode: 'numeric', id, class: 'target-input',
            'aria-label': `${t(`targets.names.${target}`)} · ${label}`, value: values.has(id) ? String(values.get(id)) : '' });
        cells.push({ target, district_code: districtCode, field });
        return h('td', { class: 'number' }, field);
    };
    const head = h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('targets.place')),
        names.map((name) => h('th', { scope: 'col' }, t(`targets.names.${name}`)))));
    const rows = [];
    // the districts by province, as the reference data orders them; a district the served snapshot does not know last
    const grouped = provinces().length > 0 ? provinces() : [{ province: '', districts: answer.districts.map(({ district }) => district) }];
    for (const { province, districts } of grouped) {
        if (province) {
            rows.push(h('tr', { class: 'group' }, h('th', { scope: 'rowgroup', colspan: names.length + 1 }, province)));
        }
        for (const district of districts.filter((name) => codeOf.has(name))) {
            rows.push(h('tr', { dataset: { district } }, h('th', { scope: 'row' }, district), names.map((name) => input(name, codeOf.get(district), district))));
        }
    }
    rows.push(h('tr', { class: 'programme-row', dataset: { district: PROGRAMME } }, h('th', { scope: 'row' }, t('targets.programme')),
        names.map((name) => input(name, null, t('targets.programme')))));

    const status = h('p', { id: 'targets-status', role: 'status', dataset: { state: 'idle' } });
    const when = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' });
    const source = h('p', { id: 'targets-source', dataset: { source: answer.source, applied: String(answer.applied) } },
        answer.source === 'edited'
            ? t('targets.edited', { user: answer.edited_by ?? '–', when: when.format(new Date(answer.edited_at)) })
            : t('targets.bundled'),
        ' ', answer.applied ? t('targets.applied') : t('targets.pending'));
    const runStatus = h('span', { id: 'targets-run-status', role: 'status' });
    const lang = state.params.lang ? { lang: state.params.lang } : {};
    // novalidate: the server's sentence says what is wrong with a cell (a browser bubble would say it in the browser's language only)
    const form = h('form', { id: 'targets-form', novalidate: true, onsubmit: async (event) => {
        event.preventDefault();
        cells.forEach(({ field }) => field.removeAttribute('aria-invalid'));
        const { targets, cellIds } = collectTargets(cells.map(({ target, district_code: code, field }) => ({ target, district_code: code, text: field.value })));
        status.dataset.state = 'sending';
        status.textContent = t('targets.saving');
        try {
            const saved = await saveTargets(targets);
            status.dataset.state = 'saved';
            status.textContent = `${saved.message} ${t('targets.run_hint')}`;
            source.dataset.source = saved.source;
            source.dataset.applied = String(saved.applied);
            source.textContent = `${saved.source === 'edited' ? t('targets.edited', { user: saved.edited_by ?? '–', when: when.format(new Date(saved.edited_at)) }) : t('targets.bundled')} ${saved.applied ? t('targets.applied') : t('targets.pending')}`;
        }
        catch (error) {
            status.dataset.state = 'error';
            status.textContent = error.status === 400 ? t('targets.refused', { message: error.message }) : t('states.error', { message: error.message });
            const bad = cellOfParameter(error.parameter, cellIds);
            if (bad) {
                document.getElementById(bad)?.setAttribute('aria-invalid', 'true');
                document.getElementById(bad)?.focus();
            }
        }
    } },
    h('div', { class: 'figures-table open' }, h('table', { id: 'targets-table' }, head, h('tbody', {}, rows))),
    h('p', { class: 'actions' },
        h('button', { type: 'submit', id: 'targets-save' }, t('targets.save')), ' ', status));
    card.replaceChildren(source, form,
        h('p', { class: 'actions' }, t('targets.next_run'), ' ',
            h('button', { type: 'button', id: 'targets-run-now', onclick: async () => {
                try {
                    await runNow();
                    window.location.hash = formatHash({ page: 'runs', params: lang });
                }
                catch (error) {
                    runStatus.textContent = error.message;
                }
            } }, t('programme.run_now')), ' ',
            h('a', { href: formatHash({ page: 'runs', params: lang }), id: 'targets-runs-link' }, t('targets.runs_link')), ' ', runStatus));
    card.dataset.state = 'ready';
}
