// Finding cooperatives: the search by id or name (anyone), and the list of the cooperatives behind a cell (district ×
// value chain × stage) for programme staff, sortable, with its CSV and the stuck ones flagged.
import { cooperativeListUrl, fetchCooperativeList, searchCooperatives } from '../api.js';
import { selectControl } from '../components/controls.js';
import { h } from '../dom.js';
import { t, valueLabel } from '../i18n.js';
import { formatDate, formatInteger } from '../format.js';
import { formatHash, navigate, withParams } from '../state.js';
import { filterBar, pageHeader, valueOptions } from './common.js';

export const STAGES = ['formed', 'trained', 'applied', 'registered', 'bdc_linked', 'union_affiliated', 'not_registered'];

/** The stage of the funnel a cooperative indicator counts: the list behind one of its cells. */
export const INDICATOR_STAGES = {
    coops_formed: 'formed',
    coops_registered: 'registered',
    formalisation_rate: 'registered',
    bdc_access_rate: 'bdc_linked',
    union_affiliation_rate: 'union_affiliated',
    coops_trained_rate: 'trained',
    median_days_to_registration: 'registered',
};

/** The hash of the list behind a cell: { district, value_chain, province, stage, as_of }, empty values left out. */
export function cooperativeListHash(cell) {
    const query = new URLSearchParams();
    for (const name of ['province', 'district', 'value_chain', 'stage', 'as_of']) {
        if (cell[name]) {
            query.set(name, cell[name]);
        }
    }
    const text = query.toString();
    return `#/cooperative-list${text ? `?${text}` : ''}`;
}

/** A search box (by id or name) that opens the search page with its results. */
export function cooperativeSearchForm({ id, value }) {
    const input = h('input', { type: 'search', id: `${id}-input`, name: 'q', value: value ?? '', maxLength: 100, required: true,
        placeholder: t('cooperatives.search_placeholder'), autocomplete: 'off' });
    return h('form', { class: 'filters cooperative-search', id, role: 'search', onsubmit: (event) => {
        event.preventDefault();
        const q = input.value.trim();
        if (q) {
            navigate({ page: 'cooperatives', params: { q } });
        }
    } },
    h('div', { class: 'control' }, h('label', { for: `${id}-input` }, t('cooperatives.search_label')), input),
    h('div', { class: 'control' }, h('button', { type: 'submit', id: `${id}-submit` }, t('cooperatives.search_button'))));
}

export function renderCooperativeSearch({ root, state }) {
    const q = state.params.q ?? '';
    root.append(pageHeader(t('cooperatives.title'), t('cooperatives.lead')), cooperativeSearchForm({ id: 'cooperative-search', value: q }));
    if (!q.trim()) {
        return;
    }
    const results = h('section', { class: 'card', id: 'cooperative-results', dataset: { state: 'loading' } }, h('p', { class: 'chart-status static' }, t('states.loading')));
    root.append(results);
    searchCooperatives(q.trim()).then((answer) => {
        results.replaceChildren(h('h2', {}, t('cooperatives.results', { q: q.trim() })),
            answer.rows.length === 0 ? h('p', { id: 'cooperative-no-results' }, t('cooperatives.none_found'))
                : h('ul', { class: 'result-list' }, answer.rows.map((row) => h('li', {},
                    h('a', { href: `#/cooperative/${encodeURIComponent(row.cooperative_id)}`, dataset: { id: row.cooperative_id } }, row.name ?? row.cooperative_id),
                    ' ', h('span', { class: 'result-meta' }, `${row.cooperative_id} · ${row.district ?? '–'} · ${valueLabel('value_chain', row.value_chain)}`)))));
        results.dataset.state = 'ready';
    }).catch((error) => {
        results.replaceChildren(h('p', { role: 'alert' }, t('states.error', { message: error.message })));
        results.dataset.state = 'error';
    });
}

/** The sortable columns of the list: [sort key, label key, cell(row)]. */
const COLUMNS = [
    ['cooperative_name', 'cooperatives.column_name', (row) => h('a', { href: `#/cooperative/${encodeURIComponent(row.cooperative_id)}` }, row.name ?? row.cooperative_id)],
    ['cooperative_id', 'cooperatives.column_id', (row) => row.cooperative_id],
    ['district', 'dimensions.district', (row) => row.district ?? '–'],
    ['value_chain', 'dimensions.value_chain', (row) => valueLabel('value_chain', row.value_chain)],
    ['formed_on', 'cooperative.steps.formed', (row) => formatDate(row.formed_on)],
    ['registered_on', 'cooperative.steps.registered', (row) => (row.registered_on ? formatDate(row.registered_on) : '–')],
    ['last_visited_on', 'cooperatives.column_last_visit', (row) => (row.last_visited_on ? formatDate(row.last_visited_on) : '–')],
    ['last_maturity_score', 'cooperative.maturity_score', (row) => formatInteger(row.last_maturity_score)],
    ['members_active', 'cooperative.members_active', (row) => formatInteger(row.members_active)],
    ['days_since_formed', 'cooperatives.column_days', (row) => formatInteger(row.days_since_formed)],
];

export function renderCooperativeList({ root, state }) {
    const { params } = state;
    const update = (changes) => navigate(withParams(state, changes));
    const cell = ['district', 'value_chain', 'province'].filter((name) => params[name]).map((name) => valueLabel(name, params[name])).join(' · ');
    const stage = params.stage ?? 'formed';
    root.append(
        pageHeader(t('cooperatives.list_title', { cell: cell || t('charts.programme') }), t('cooperatives.list_lead', { stage: t(`cooperatives.stages.${stage}`) })),
        filterBar(t('controls.filters'),
            selectControl({ id: 'list-district', label: t('dimensions.district'), value: params.district, allLabel: t('controls.all_districts'),
                options: valueOptions('district'), onChange: (value) => update({ district: value }) }),
            selectControl({ id: 'list-value-chain', label: t('dimensions.value_chain'), value: params.value_chain, allLabel: t('controls.all_value_chain'),
                options: valueOptions('value_chain'), onChange: (value) => update({ value_chain: value }) }),
            selectControl({ id: 'list-stage', label: t('cooperatives.stage'), value: stage,
                options: STAGES.map((value) => ({ value, label: t(`cooperatives.stages.${value}`) })), onChange: (value) => update({ stage: value }) })));
    const section = h('section', { class: 'card', id: 'cooperative-list', dataset: { state: 'loading' } }, h('p', { class: 'chart-status static' }, t('states.loading')));
    root.append(section);
    const query = Object.fromEntries(Object.entries(params).filter(([name]) => ['province', 'district', 'value_chain', 'stage', 'as_of', 'sort', 'order',
        'unregistered_days', 'unvisited_days'].includes(name)));
    fetchCooperativeList(query).then((list) => {
        section.replaceChildren(...listTable(list, query, update));
        section.dataset.state = 'ready';
    }).catch((error) => {
        const denied = error?.status === 401 || error?.status === 403;
        const lang = params.lang ? { lang: params.lang } : {};
        section.replaceChildren(h('p', { id: denied ? 'cooperative-list-denied' : 'cooperative-list-error', role: 'alert' },
            denied ? t('cooperatives.staff_only') : t('states.error', { message: error.message })),
        error?.status === 401 ? h('p', {}, h('a', { id: 'cooperative-list-sign-in', href: formatHash({ page: 'sign-in', params: lang }) },
            t('cooperatives.sign_in'))) : null);
        section.dataset.state = denied ? 'denied' : 'error';
    });
}

function listTable(list, query, update) {
    const sort = list.sort;
    const descending = list.order === 'desc';
    const header = COLUMNS.map(([key, label]) => {
        const sorted = key === sort;
        return h('th', { scope: 'col', 'aria-sort': sorted ? (descending ? 'descending' : 'ascending') : null },
            h('button', { type: 'button', class: 'sort', dataset: { sort: key },
                onclick: () => update({ sort: key, order: sorted && !descending ? 'desc' : 'asc' }) }, t(label), sorted ? (descending ? ' ▼' : ' ▲') : ''));
    });
    header.push(h('th', { scope: 'col' }, t('cooperatives.column_stuck')));
    const rows = list.rows.map((row) => h('tr', { dataset: { id: row.cooperative_id }, class: row.is_stuck_unregistered || row.is_stuck_unvisited ? 'stuck' : null },
        COLUMNS.map(([key, , cellOf], index) => h(index === 0 ? 'th' : 'td', { scope: index === 0 ? 'row' : null,
            class: ['last_maturity_score', 'members_active', 'days_since_formed'].includes(key) ? 'number' : null }, cellOf(row))),
        h('td', { class: 'stuck-cell' }, [row.is_stuck_unregistered ? h('span', { class: 'flag flag-stuck', dataset: { flag: 'unregistered' } },
            t('cooperatives.flag_unregistered')) : null, row.is_stuck_unvisited ? h('span', { class: 'flag flag-stuck', dataset: { flag: 'unvisited' } },
            t('cooperatives.flag_unvisited')) : null])));
    const stuckCount = list.rows.filter((row) => row.is_stuck_unregistered || row.is_stuck_unvisited).length;
    return [
        h('header', { class: 'card-header' },
            h('div', { class: 'card-heading' }, h('h2', { id: 'cooperative-list-count' }, t('cooperatives.count', { count: formatInteger(list.total), date: formatDate(list.as_of) })),
                h('p', { class: 'card-subtitle' }, t('cooperatives.stuck_rule', { stuck: formatInteger(stuckCount), unregistered: list.unregistered_days, unvisited: list.unvisited_days }))),
            h('div', { class: 'toolbar', role: 'group' }, h('a', { class: 'tool', id: 'cooperative-list-csv', href: cooperativeListUrl(query, 'csv'),
                download: `cooperatives-${list.as_of}.csv` }, t('chart.download_csv')))),
        list.truncated ? h('p', { class: 'page-note' }, t('cooperatives.truncated', { shown: formatInteger(list.rows.length) })) : null,
        list.rows.length === 0 ? h('p', { class: 'chart-status static' }, t('states.empty'))
            : h('div', { class: 'figures-table list-table' }, h('table', { id: 'cooperative-list-table' },
                h('caption', { class: 'visually-hidden' }, t('cooperatives.count', { count: list.total, date: list.as_of })),
                h('thead', {}, h('tr', {}, header)), h('tbody', {}, rows))),
    ].filter(Boolean);
}
