// Explore and export, for researchers: any indicator, dimensions, filters, as-of date or range and grain;
// the chart, the full table, the downloads and the indicator's definition side by side.
import { exportUrl, fetchIndicator, indicatorUrl } from '../api.js';
import { groupedBarOption, rankedBarOption, trendOption } from '../charts/options.js';
import { chartCard, renderTable } from '../components/chart-card.js';
import { checklistControl, selectControl } from '../components/controls.js';
import { h } from '../dom.js';
import { dimensionLabel, indicatorDescription, indicatorLabel, t, valueLabel } from '../i18n.js';
import { listParam, navigate, withParams } from '../state.js';
import { orderOf } from '../reference.js';
import { dateView, queryDates } from '../date-rule.js';
import { answerTable, cellOf, chartText, dateControls, fill, filterBar, indicatorSelect, pageHeader, valueOptions } from './common.js';

const GRAINS = ['month', 'quarter', 'year'];

export function renderExplore({ root, state, catalogue, snapshot }) {
    const { params } = state;
    const update = (changes) => navigate(withParams(state, changes));
    const entry = catalogue.get(params.indicator) ?? catalogue.get('formalisation_rate');
    const indicator = entry.id;
    const by = listParam(params, 'by').filter((dimension) => entry.dimensions.includes(dimension));
    const grain = GRAINS.includes(params.grain) ? params.grain : null;
    const filters = {};
    for (const dimension of entry.dimensions) {
        const values = listParam(params, dimension);
        if (values.length > 0) {
            filters[dimension] = values.join(',');
        }
    }
    const parameters = { ...(by.length ? { by: by.join(',') } : {}), ...filters, ...queryDates(params, { kind: entry.kind, series: Boolean(grain) }), ...(grain ? { grain } : {}) };

    root.append(pageHeader(t('explore.title'), t('explore.lead')));
    const controls = filterBar(t('controls.filters'),
        indicatorSelect({ id: 'explore-indicator', value: indicator, catalogue, update }),
        checklistControl({ id: 'explore-by', label: t('explore.by'), selected: by, noneLabel: t('explore.no_breakdown'),
            options: entry.dimensions.map((dimension) => ({ value: dimension, label: dimensionLabel(dimension) })),
            onChange: (values) => update({ by: values }) }),
        selectControl({ id: 'explore-grain', label: t('explore.grain'), value: grain, allLabel: t('explore.no_grain'),
            options: GRAINS.map((value) => ({ value, label: t(`grains.${value}`) })), onChange: (value) => update({ grain: value }) }),
        ...dateControls({ idPrefix: 'explore', view: dateView(entry.kind, Boolean(grain)), params, snapshot, update }));
    const filterControls = filterBar(t('explore.filters'), ...entry.dimensions.map((dimension) => checklistControl({
        id: `explore-filter-${dimension}`, label: dimensionLabel(dimension), selected: listParam(params, dimension),
        options: valueOptions(dimension), noneLabel: t('controls.all'), onChange: (values) => update({ [dimension]: values }) })));
    root.append(controls, filterControls);

    const card = chartCard({ id: 'explore', title: indicatorLabel(indicator), subtitle: describeQuery(by, filters, grain),
        catalogue, height: 420, fileName: indicator });
    const tableCard = h('section', { class: 'card', id: 'explore-table-card', 'aria-labelledby': 'explore-table-title' },
        h('h2', { id: 'explore-table-title' }, t('explore.table_title')),
        h('div', { class: 'figures-table open', id: 'explore-figures', tabIndex: 0, role: 'region', 'aria-labelledby': 'explore-table-title' },
            h('p', { class: 'chart-status static', dataset: { state: 'loading' } }, t('states.loading'))));
    const apiUrl = new URL(indicatorUrl(indicator, parameters), window.location.origin).toString();
    const aside = h('aside', { class: 'card explore-aside', 'aria-labelledby': 'explore-definition-title' },
        h('h2', { id: 'explore-definition-title' }, t('explore.definition')),
        h('p', { class: 'definition-label' }, indicatorLabel(indicator)),
        h('p', {}, indicatorDescription(indicator)),
        h('p', { class: 'definition-exact' }, h('span', { class: 'definition-key' }, t('definition.exact')), ' ', h('code', {}, entry.description)),
        h('dl', { class: 'facts' },
            h('dt', {}, t('explore.kind')), h('dd', {}, t(`kinds.${entry.kind}`)),
            h('dt', {}, t('explore.unit')), h('dd', {}, t(`units.${entry.unit}`)),
            h('dt', {}, t('explore.dimensions')), h('dd', {}, entry.dimensions.map(dimensionLabel).join(', ')),
            h('dt', {}, t('explore.identifier')), h('dd', {}, h('code', {}, indicator))),
        h('h3', {}, t('explore.download')),
        h('ul', { class: 'downloads' },
            ['csv', 'json', 'parquet', 'zip'].map((format) => h('li', {}, h('a', { class: 'tool', id: `explore-download-${format}`,
                href: exportUrl(indicator, format, parameters), download: `${indicator}.${format}` }, t(`explore.format_${format}`))))),
        h('h3', {}, t('explore.api')),
        h('p', { class: 'api-url' }, h('code', {}, apiUrl)));
    root.append(h('div', { class: 'explore-layout' }, h('div', { class: 'explore-main' }, card.element, tableCard), aside));
    // the card's own CSV link is the same export as the aside's; the JSON link too
    fill(card, async () => {
        const answer = await fetchIndicator(indicator, parameters);
        const tableRegion = tableCard.querySelector('#explore-figures');
        if (answer.rows.length === 0) {
            card.empty(t('states.empty'));
            tableRegion.replaceChildren(h('p', { class: 'chart-status static' }, t('states.empty')));
            return;
        }
        const table = answerTable(answer, entry.unit);
        tableRegion.replaceChildren(renderTable(table, indicatorLabel(indicator)));
        card.draw({ ...chartFor(answer, entry), table, rows: answer.rows, answer, exportQuery: { indicator, parameters } });
    }).catch(() => {});
    fillErrorTable(card, tableCard);
}

function fillErrorTable(card, tableCard) {
    const observer = new MutationObserver(() => {
        if (card.element.dataset.state === 'error') {
            tableCard.querySelector('#explore-figures').replaceChildren(h('p', { class: 'chart-status static', dataset: { state: 'error' } },
                card.element.querySelector('.chart-status').textContent));
            observer.disconnect();
        }
    });
    observer.observe(card.element, { attributes: true, attributeFilter: ['data-state'] });
}

function describeQuery(by, filters, grain) {
    const parts = [];
    if (by.length) {
        parts.push(t('explore.by_text', { dimensions: by.map(dimensionLabel).join(' × ') }));
    }
    if (grain) {
        parts.push(t(`grains.${grain}_series`));
    }
    for (const [dimension, values] of Object.entries(filters)) {
        parts.push(`${dimensionLabel(dimension)}: ${values.split(',').map((value) => valueLabel(dimension, value)).join(', ')}`);
    }
    return parts.join(' · ') || t('explore.total');
}

/** A line per value of the first dimension over periods; ranked bars for one dimension; grouped bars for two. */
function chartFor(answer, entry) {
    const [first, second] = answer.by;
    const sortKeys = (dimension, keys) => keys.sort((a, b) => orderOf(dimension, a) - orderOf(dimension, b) || String(a).localeCompare(String(b)));
    if (answer.grain) {
        const periods = [...new Set(answer.rows.map((row) => row.period))].sort();
        const keys = first ? sortKeys(first, [...new Set(answer.rows.map((row) => row[first]))]).slice(0, 12) : [null];
        const text = chartText(entry.unit, first ?? 'period');
        return {
            option: trendOption({ periods, axes: [{ format: text.value }], text, area: keys.length === 1,
                seriesList: keys.map((key) => ({ key, name: key === null ? indicatorLabel(entry.id) : valueLabel(first, key),
                    cells: periods.map((period) => cellOf(answer.rows, first ? { period, [first]: key } : { period })) })) }),
        };
    }
    if (!first) {
        const text = chartText(entry.unit, 'total');
        return { option: rankedBarOption({ items: [{ key: t('figures.total'), group: null, cell: answer.rows[0] }], groups: [], reference: null,
            text: { ...text, label: (key) => key } }), height: 160 };
    }
    if (!second) {
        const items = answer.rows.map((row) => ({ key: row[first], group: null, cell: row }))
            .sort((a, b) => (b.cell.suppressed ? -Infinity : b.cell.value ?? -Infinity) - (a.cell.suppressed ? -Infinity : a.cell.value ?? -Infinity));
        return { option: rankedBarOption({ items, groups: [], reference: null, text: chartText(entry.unit, first) }),
            height: Math.max(200, items.length * 26 + 60) };
    }
    const categories = sortKeys(first, [...new Set(answer.rows.map((row) => row[first]))]);
    const seriesKeys = sortKeys(second, [...new Set(answer.rows.map((row) => row[second]))]);
    const text = chartText(entry.unit, first);
    return {
        option: groupedBarOption({ categories, horizontal: true, text, seriesList: seriesKeys.map((key) => ({ key, name: valueLabel(second, key),
            cells: categories.map((category) => cellOf(answer.rows, { [first]: category, [second]: key })) })) }),
        height: Math.max(300, categories.length * Math.min(6, seriesKeys.length) * 12 + 100),
    };
}
