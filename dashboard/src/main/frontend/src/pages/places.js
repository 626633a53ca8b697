// Districts (programme managers) and value chains: every district or value chain compared on any indicator,
// a cross table coloured by value, side-by-side comparison over time, and one page per district or value chain.
import { exportUrl, fetchIndicator } from '../api.js';
import { rankedBarOption, trendOption } from '../charts/options.js';
import { chartCard } from '../components/chart-card.js';
import { checklistControl, selectControl } from '../components/controls.js';
import { h } from '../dom.js';
import { indicatorDescription, indicatorLabel, t, valueLabel } from '../i18n.js';
import { formatDate, formatInteger, formatPercent, formatValue } from '../format.js';
import { orderOf, provinces, provinceOf, valueChains, valuesOf } from '../reference.js';
import { listParam, navigate, withParams } from '../state.js';
import { dateView, queryDates } from '../date-rule.js';
import { acceptsDimension, answerTable, cellOf, chartText, dateControls, fill, filterBar, indicatorSelect, pageHeader,
    targetDetail, valueOptions } from './common.js';

export const KINDS = {
    district: {
        dimension: 'district', listPage: 'districts', itemPage: 'district', rankBy: ['province', 'district'],
        cross: 'value_chain', filter: 'value_chain', compareDefault: ['Gasabo', 'Huye', 'Musanze'],
    },
    value_chain: {
        dimension: 'value_chain', listPage: 'value-chains', itemPage: 'value-chain', rankBy: ['value_chain'],
        cross: 'province', filter: 'province', compareDefault: ['tailoring', 'hairdressing', 'carpentry'],
    },
};

const DEFAULT_INDICATOR = 'formalisation_rate';

function chosenIndicator(params, catalogue, dimension) {
    const entry = catalogue.get(params.indicator ?? DEFAULT_INDICATOR);
    return entry && entry.dimensions.includes(dimension) ? entry : catalogue.get(DEFAULT_INDICATOR);
}

/** Ranked bars: for districts grouped by province (in NISR order), highest first within each group. */
function rankedItems(kind, rows) {
    const value = (cell) => (cell && !cell.suppressed && cell.value !== null ? cell.value : -Infinity);
    const byValue = (a, b) => value(b.cell) - value(a.cell) || String(a.key).localeCompare(String(b.key));
    if (kind.dimension === 'district') {
        return provinces().flatMap(({ province, districts }) => districts
            .map((district) => ({ key: district, group: province, cell: cellOf(rows, { district }) }))
            .sort(byValue));
    }
    return valueChains().map((code) => ({ key: code, group: null, cell: cellOf(rows, { value_chain: code }) })).sort(byValue);
}

export function renderPlaces({ root, state, catalogue, snapshot }, kindName) {
    const kind = KINDS[kindName];
    const { params } = state;
    const update = (changes) => navigate(withParams(state, changes));
    const entry = chosenIndicator(params, catalogue, kind.dimension);
    const indicator = entry.id;
    const filterAllowed = entry.dimensions.includes(kind.filter);
    const filter = filterAllowed && params[kind.filter] ? { [kind.filter]: params[kind.filter] } : {};
    const dates = queryDates(params, { kind: entry.kind });
    const text = chartText(entry.unit, kind.dimension);
    const prefix = kind.listPage;

    root.append(
        pageHeader(t(`${prefix}.title`), t(`${prefix}.lead`)),
        filterBar(t('controls.filters'),
            indicatorSelect({ id: `${prefix}-indicator`, value: indicator, catalogue, filter: acceptsDimension(kind.dimension), update }),
            filterAllowed ? selectControl({ id: `${prefix}-filter`, label: t(`dimensions.${kind.filter}`), value: params[kind.filter],
                allLabel: t(`controls.all_${kind.filter}`), options: valueOptions(kind.filter), onChange: (value) => update({ [kind.filter]: value }) }) : null,
            ...dateControls({ idPrefix: prefix, view: dateView(entry.kind), params, snapshot, update })),
        h('p', { class: 'indicator-lead' }, h('strong', {}, indicatorLabel(indicator)), ' — ', indicatorDescription(indicator)));

    const ranking = chartCard({ id: 'ranking', title: t(`${prefix}.ranking_title`, { indicator: indicatorLabel(indicator) }),
        subtitle: t(`${prefix}.ranking_subtitle`), indicators: [indicator], catalogue, height: kind.dimension === 'district' ? 820 : 520,
        fileName: `${indicator}-by-${kind.dimension}` });
    root.append(ranking.element);
    fill(ranking, async () => {
        const parameters = { indicator, by: kind.rankBy.join(','), ...filter, ...dates };
        const [answer, programme] = await Promise.all([
            fetchIndicator(indicator, { by: kind.rankBy.join(','), ...filter, ...dates }),
            fetchIndicator(indicator, { ...filter, ...dates }),
        ]);
        delete parameters.indicator;
        if (answer.rows.length === 0) {
            ranking.empty(t('states.empty'));
            return;
        }
        const total = programme.rows[0] ?? null;
        const items = rankedItems(kind, answer.rows);
        ranking.draw({
            option: rankedBarOption({
                items,
                groups: kind.dimension === 'district' ? provinces().map(({ province }) => ({ key: province, label: valueLabel('province', province) })) : [],
                reference: total && !total.suppressed && total.value !== null && entry.unit !== 'count'
                    ? { value: total.value, label: t('charts.programme_value', { value: formatValue(total.value, entry.unit) }) } : null,
                text,
            }),
            table: answerTable(answer, entry.unit),
            rows: answer.rows,
            exportQuery: { indicator, parameters },
            summary: t('charts.ranking_summary', { first: text.label(items[0].key), value: text.value(items[0].cell?.value) }),
            onSelect: (key) => navigate({ page: kind.itemPage, item: key, params: { indicator, ...pick(params, ['as_of', 'from', 'to', 'lang']) } }),
        });
    });

    if (entry.dimensions.includes(kind.cross)) {
        root.append(crossTableCard({ kind, entry, filter, dates, catalogue }));
    }

    const known = valuesOf(kind.dimension);
    const chosen = listParam(params, 'compare').filter((item) => known.includes(item));
    // the defaults are names of the contract's reference data, which a snapshot may have edited
    const compared = chosen.length > 0 ? chosen : kind.compareDefault.filter((item) => known.includes(item));
    const compare = chartCard({ id: 'compare', title: t(`${prefix}.compare_title`), subtitle: t(`${prefix}.compare_subtitle`, { indicator: indicatorLabel(indicator) }),
        indicators: [indicator], catalogue, height: 360, fileName: `${indicator}-compared` });
    compare.element.querySelector('.card-header').after(h('div', { class: 'filters inline' },
        checklistControl({ id: `${prefix}-compare`, label: t(`${prefix}.compare_choose`), selected: compared, max: 6,
            options: valueOptions(kind.dimension), noneLabel: t('controls.none'), onChange: (values) => update({ compare: values.length ? values : null }) })));
    root.append(compare.element);
    fill(compare, async () => {
        const series = queryDates(params, { kind: entry.kind, series: true, view: dateView(entry.kind) });
        const parameters = { by: kind.dimension, [kind.dimension]: compared.join(','), grain: 'quarter', ...filter, ...series };
        const [answer, programme] = await Promise.all([fetchIndicator(indicator, parameters),
            fetchIndicator(indicator, { grain: 'quarter', ...filter, ...series })]);
        drawTrend(compare, { answer, programme, dimension: kind.dimension, keys: compared, entry, exportQuery: { indicator, parameters } });
    });
}

/** Lines per key over quarters, with the programme (and extra references) as dashed lines where comparable. */
function drawTrend(card, { answer, programme, dimension, keys, entry, exportQuery, references = [] }) {
    const periods = [...new Set([...answer.rows, ...programme.rows].map((row) => row.period))].sort();
    if (periods.length === 0) {
        card.empty(t('states.empty'));
        return;
    }
    const text = chartText(entry.unit, dimension);
    const seriesList = keys.map((key) => ({ key, name: valueLabel(dimension, key),
        cells: periods.map((period) => cellOf(answer.rows, dimension ? { period, [dimension]: key } : { period })) }));
    // A count of a whole province or programme dwarfs a district's on one axis: references only for rates and days.
    const comparable = entry.unit === 'count' ? [] : [...references, { name: t('charts.programme'), answer: programme }];
    for (const reference of comparable) {
        seriesList.push({ key: reference.name, name: reference.name, dashed: true,
            cells: periods.map((period) => cellOf(reference.answer.rows, { period })) });
    }
    const table = answerTable(answer, entry.unit);
    card.draw({
        option: trendOption({ periods, seriesList, axes: [{ format: text.value }], text }),
        table,
        rows: answer.rows,
        exportQuery,
    });
}

/** The cross table (district x value chain, or value chain x province), each cell coloured by its value. */
function crossTableCard({ kind, entry, filter, dates, catalogue }) {
    const rowsDimension = kind.dimension;
    const columnsDimension = kind.cross;
    const indicator = entry.id;
    const parameters = { by: `${rowsDimension},${columnsDimension}`, ...filter, ...dates };
    const status = h('p', { class: 'chart-status static', role: 'status', dataset: { state: 'loading' } }, t('states.loading'));
    const scroller = h('div', { class: 'heat-scroller', tabIndex: 0, role: 'region', 'aria-label': t(`${kind.listPage}.cross_title`) }, status);
    const legend = h('p', { class: 'heat-legend', hidden: true });
    const note = h('p', { class: 'suppression-note', hidden: true }, h('span', { class: 'suppression-mark', 'aria-hidden': 'true' }, '◌'), ' ',
        t('suppression.explanation'));
    const csv = h('a', { class: 'tool', href: exportUrl(indicator, 'csv', parameters), download: `${indicator}-cross.csv`, id: 'cross-csv' }, t('chart.download_csv'));
    const json = h('a', { class: 'tool', href: exportUrl(indicator, 'json', parameters), download: `${indicator}-cross.json` }, t('chart.download_json'));
    const catalogueEntry = catalogue.get(indicator);
    const card = h('section', { class: 'card', id: 'cross', 'aria-labelledby': 'cross-title', dataset: { state: 'loading' } },
        h('header', { class: 'card-header' },
            h('div', { class: 'card-heading' }, h('h2', { id: 'cross-title' }, t(`${kind.listPage}.cross_title`)),
                h('p', { class: 'card-subtitle' }, t(`${kind.listPage}.cross_subtitle`, { indicator: indicatorLabel(indicator) }))),
            h('div', { class: 'toolbar', role: 'group' }, csv, json)),
        h('details', { class: 'definition' }, h('summary', {}, t('definition.about')),
            h('dl', {}, h('dt', {}, indicatorLabel(indicator)), h('dd', {}, h('p', {}, indicatorDescription(indicator)),
                h('p', { class: 'definition-exact' }, h('span', { class: 'definition-key' }, t('definition.exact')), ' ', h('code', {}, catalogueEntry.description))))),
        scroller, legend, note);

    fetchIndicator(indicator, parameters).then((answer) => {
        if (answer.rows.length === 0) {
            status.dataset.state = 'empty';
            status.textContent = t('states.empty');
            card.dataset.state = 'empty';
            return;
        }
        const columns = [...new Set(answer.rows.map((row) => row[columnsDimension]))].sort((a, b) => orderOf(columnsDimension, a) - orderOf(columnsDimension, b));
        const values = answer.rows.filter((row) => !row.suppressed && row.value !== null).map((row) => row.value);
        const low = Math.min(...values);
        const high = Math.max(...values);
        const shade = (value) => (high === low ? 3 : Math.min(5, Math.floor(((value - low) / (high - low)) * 6)));
        const rowKeys = rowsDimension === 'district'
            ? provinces().flatMap(({ province, districts }) => [{ group: province }, ...districts.map((district) => ({ key: district }))])
            : valueChains().map((code) => ({ key: code }));
        const table = h('table', { class: 'heat' },
            h('caption', { class: 'visually-hidden' }, t(`${kind.listPage}.cross_title`)),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(`dimensions.${rowsDimension}`)),
                columns.map((column) => h('th', { scope: 'col', class: 'heat-column' }, valueLabel(columnsDimension, column))))),
            h('tbody', {}, rowKeys.map((rowKey) => {
                if (rowKey.group) {
                    return h('tr', { class: 'heat-group' }, h('th', { scope: 'colgroup', colSpan: columns.length + 1 }, valueLabel('province', rowKey.group)));
                }
                return h('tr', {}, h('th', { scope: 'row' }, h('a', { href: `#/${kind.itemPage}/${encodeURIComponent(rowKey.key)}` }, valueLabel(rowsDimension, rowKey.key))),
                    columns.map((column) => {
                        const cell = cellOf(answer.rows, { [rowsDimension]: rowKey.key, [columnsDimension]: column });
                        if (!cell) {
                            return h('td', { class: 'heat-none' }, '·');
                        }
                        if (cell.suppressed) {
                            return h('td', { class: 'suppressed', title: t('suppression.short_explanation') }, t('suppression.hidden'));
                        }
                        if (cell.value === null) {
                            return h('td', { class: 'heat-none' }, '–');
                        }
                        return h('td', { class: `heat-${shade(cell.value)}`, title: cellTitle(cell, entry.unit) }, formatValue(cell.value, entry.unit));
                    }));
            })));
        scroller.replaceChildren(table);
        legend.hidden = false;
        legend.replaceChildren(t('charts.heat_legend'), ' ',
            h('span', { class: 'heat-key heat-0' }, formatValue(low, entry.unit)), h('span', { class: 'heat-key heat-3' }, '…'),
            h('span', { class: 'heat-key heat-5' }, formatValue(high, entry.unit)));
        note.hidden = !answer.rows.some((row) => row.suppressed);
        card.dataset.state = 'drawn';
    }).catch((error) => {
        status.dataset.state = 'error';
        status.textContent = t('states.error', { message: error.message });
        card.dataset.state = 'error';
    });
    return card;
}

function cellTitle(cell, unit) {
    return unit === 'rate' ? t('figures.of', { numerator: formatInteger(cell.numerator), denominator: formatInteger(cell.denominator) }) : '';
}

/** One district's or value chain's page: progress (or key figures), its trend, and its breakdown. */
export function renderPlace({ root, state, catalogue, snapshot }, kindName) {
    const kind = KINDS[kindName];
    const item = state.item;
    const { params } = state;
    const update = (changes) => navigate(withParams(state, changes));
    if (!valuesOf(kind.dimension).includes(item)) {
        root.append(pageHeader(t('states.not_found'), t('states.not_found_detail', { item: item ?? '' })));
        return;
    }
    const entry = chosenIndicator(params, catalogue, kind.dimension);
    const indicator = entry.id;
    const itemLabel = valueLabel(kind.dimension, item);
    const province = kind.dimension === 'district' ? provinceOf(item) : null;
    const dates = queryDates(params, { kind: entry.kind });

    root.append(
        h('nav', { class: 'breadcrumb', 'aria-label': t('overview.breadcrumb') }, h('ol', {},
            h('li', {}, h('a', { href: `#/${kind.listPage}` }, t(`nav.${kind.listPage}`))),
            province ? h('li', {}, h('a', { href: `#/overview?province=${encodeURIComponent(province)}` }, valueLabel('province', province))) : null,
            h('li', {}, h('span', { 'aria-current': 'page' }, itemLabel)))),
        pageHeader(itemLabel, province ? t('place.district_lead', { province: valueLabel('province', province) }) : t('place.value_chain_lead')),
        filterBar(t('controls.filters'),
            indicatorSelect({ id: 'place-indicator', value: indicator, catalogue, filter: acceptsDimension(kind.dimension), update }),
            ...dateControls({ idPrefix: 'place', view: dateView(entry.kind), params, snapshot, update })));

    const progress = h('section', { class: 'headlines', id: 'progress', 'aria-label': t('place.progress') });
    root.append(h('h2', { class: 'section-title' }, kind.dimension === 'district' ? t('place.progress') : t('place.key_figures')), progress);
    const tiles = kind.dimension === 'district'
        ? [['formation_target_attainment', 'formed'], ['registration_target_attainment', 'registered'], ['training_target_attainment', 'trainings']]
        : [['coops_formed', null], ['formalisation_rate', null], ['members_active', null], ['women_share', null]];
    for (const [tileIndicator, target] of tiles) {
        const tile = h('div', { class: 'tile', dataset: { state: 'loading' } }, h('p', { class: 'tile-label' }, target ? t(`headlines.${target}`) : indicatorLabel(tileIndicator)),
            h('p', { class: 'tile-value' }, h('span', { class: 'skeleton' }, '…')));
        progress.append(tile);
        const tileEntry = catalogue.get(tileIndicator);
        // the tiles are at the page's as-of date, whatever the chosen indicator's controls
        const tileDates = queryDates(params, { kind: tileEntry.kind, view: 'as_of' });
        fetchIndicator(tileIndicator, { [kind.dimension]: item, ...tileDates }).then((answer) => {
            const row = answer.rows[0] ?? null;
            const value = h('p', { class: 'tile-value' });
            const parts = [tile.firstChild, value];
            if (target) {
                value.textContent = formatInteger(row?.numerator ?? 0);
                if (row && row.denominator !== null) {
                    parts.push(h('progress', { max: 100, value: Math.min(100, Math.round((row.value ?? 0) * 100)), class: row.value >= 1 ? 'met' : null,
                        'aria-label': t('headlines.progress', { share: formatPercent(row.value) }) }),
                    h('p', { class: 'tile-detail' }, targetDetail(target, row.denominator, row.value)));
                }
                else {
                    parts.push(h('p', { class: 'tile-detail' }, t('headlines.no_target')));
                }
            }
            else if (row?.suppressed) {
                value.textContent = t('suppression.hidden');
                value.classList.add('suppressed');
                parts.push(h('p', { class: 'tile-detail' }, t('suppression.short_explanation')));
            }
            else {
                value.textContent = formatValue(row?.value ?? (tileEntry.unit === 'count' ? 0 : null), tileEntry.unit, true);
            }
            tile.replaceChildren(...parts);
            tile.dataset.state = 'ready';
        }).catch((error) => {
            tile.replaceChildren(tile.firstChild, h('p', { class: 'tile-error', role: 'alert' }, t('states.error', { message: error.message })));
            tile.dataset.state = 'error';
        });
    }

    const trend = chartCard({ id: 'place-trend', title: t('place.trend_title', { indicator: indicatorLabel(indicator), item: itemLabel }),
        subtitle: t('place.trend_subtitle'), indicators: [indicator], catalogue, height: 340, fileName: `${indicator}-${item}-by-quarter` });
    root.append(trend.element);
    fill(trend, async () => {
        const series = queryDates(params, { kind: entry.kind, series: true, view: dateView(entry.kind) });
        const parameters = { [kind.dimension]: item, grain: 'quarter', ...series };
        const requests = [fetchIndicator(indicator, parameters), fetchIndicator(indicator, { grain: 'quarter', ...series })];
        if (province) {
            requests.push(fetchIndicator(indicator, { province, grain: 'quarter', ...series }));
        }
        const [answer, programme, provinceAnswer] = await Promise.all(requests);
        drawTrend(trend, { answer, programme, dimension: null, keys: [item], entry, exportQuery: { indicator, parameters },
            references: provinceAnswer ? [{ name: valueLabel('province', province), answer: provinceAnswer }] : [] });
    });

    const breakdownDimension = kind.dimension === 'district' ? 'value_chain' : 'district';
    if (entry.dimensions.includes(breakdownDimension)) {
        const breakdown = chartCard({ id: 'place-breakdown', title: t(`place.breakdown_${breakdownDimension}`, { indicator: indicatorLabel(indicator), item: itemLabel }),
            indicators: [indicator], catalogue, height: breakdownDimension === 'district' ? 820 : 520, fileName: `${indicator}-${item}-by-${breakdownDimension}` });
        root.append(breakdown.element);
        fill(breakdown, async () => {
            const by = breakdownDimension === 'district' ? 'province,district' : 'value_chain';
            const parameters = { by, [kind.dimension]: item, ...dates };
            const [answer, total] = await Promise.all([fetchIndicator(indicator, parameters), fetchIndicator(indicator, { [kind.dimension]: item, ...dates })]);
            if (answer.rows.length === 0) {
                breakdown.empty(t('states.empty'));
                return;
            }
            const breakdownKind = KINDS[breakdownDimension];
            const items = rankedItems(breakdownKind, answer.rows).filter((entryItem) => entryItem.cell);
            const reference = total.rows[0];
            breakdown.draw({
                option: rankedBarOption({
                    items,
                    groups: breakdownDimension === 'district' ? provinces().map(({ province: key }) => ({ key, label: valueLabel('province', key) })) : [],
                    reference: reference && !reference.suppressed && reference.value !== null && entry.unit !== 'count'
                        ? { value: reference.value, label: t('charts.item_value', { item: itemLabel, value: formatValue(reference.value, entry.unit) }) } : null,
                    text: chartText(entry.unit, breakdownDimension),
                }),
                height: Math.max(260, items.length * 26 + 90),
                table: answerTable(answer, entry.unit),
                rows: answer.rows,
                exportQuery: { indicator, parameters },
                onSelect: (key) => navigate({ page: breakdownKind.itemPage, item: key, params: { indicator, ...pick(params, ['as_of', 'from', 'to', 'lang']) } }),
            });
        });
    }
    root.append(h('p', { class: 'page-note' }, t('place.as_of_note', { date: formatDate(params.as_of ?? snapshot.as_of) })));
}

function pick(params, names) {
    return Object.fromEntries(names.filter((name) => params[name]).map((name) => [name, params[name]]));
}
