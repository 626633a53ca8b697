// A cross table of one answer (rows x columns of two dimensions), each cell shaded by its value: six steps from
// the lowest to the highest figure shown, with n (the count behind the figure) under it. A rate made of fewer than
// k units is drawn pale, not shaded: a small n makes a large swing. Row headings may be grouped (districts under
// their province) and link to the row's page, cells may link to what is behind them; a missing cell is a dot.
import { exportUrl } from '../api.js';
import { h } from '../dom.js';
import { indicatorDescription, indicatorLabel, privacyText, t, valueLabel } from '../i18n.js';
import { formatInteger, formatValue } from '../format.js';
import { countsPeople, orderOf, smallCellThreshold } from '../reference.js';
import { publicView } from '../session.js';

/** n, the count a cell's figure is made of: a rate's (or a median's) denominator, a count itself. */
export function unitsOf(cell, unit) {
    if (!cell) {
        return null;
    }
    return unit === 'count' ? cell.value : cell.denominator;
}

/** Whether a cell's figure rests on fewer than k units (a rate or a median; never a count), so is not shaded as strongly. */
export function isThin(cell, unit, k) {
    const units = unitsOf(cell, unit);
    return unit !== 'count' && Number.isInteger(k) && units !== null && units !== undefined && units < k;
}

/** The shade (0 to 5) of a value between the lowest and the highest; 3 when every value is the same. */
export function shadeOf(value, low, high) {
    return high === low ? 3 : Math.min(5, Math.floor(((value - low) / (high - low)) * 6));
}

/**
 * options: { id, title, subtitle, entry (the catalogue entry), parameters (the query, for the export links),
 * rowsDimension, columnsDimension, rowKeys: [{ key } or { group }] in display order, rowHref(key), cellHref(rowKey, columnKey)
 * (optional: the page behind a cell) }.
 * Returns { element, draw(answer), error(error) }; the element's data-state follows loading, drawn, empty, error.
 */
export function heatTableCard({ id, title, subtitle, entry, parameters, rowsDimension, columnsDimension, rowKeys, rowHref, cellHref }) {
    const indicator = entry.id;
    const status = h('p', { class: 'chart-status static', role: 'status', dataset: { state: 'loading' } }, t('states.loading'));
    const scroller = h('div', { class: 'heat-scroller', tabIndex: 0, role: 'region', 'aria-label': title }, status);
    const legend = h('p', { class: 'heat-legend', hidden: true });
    const note = h('p', { class: 'suppression-note', hidden: true }, h('span', { class: 'suppression-mark', 'aria-hidden': 'true' }, '◌'), ' ',
        privacyText('explanation'));
    const csv = h('a', { class: 'tool', href: exportUrl(indicator, 'csv', parameters), download: `${indicator}-${id}.csv`, id: `${id}-csv` }, t('chart.download_csv'));
    const json = h('a', { class: 'tool', href: exportUrl(indicator, 'json', parameters), download: `${indicator}-${id}.json` }, t('chart.download_json'));
    const element = h('section', { class: 'card', id, 'aria-labelledby': `${id}-title`, dataset: { state: 'loading' } },
        h('header', { class: 'card-header' },
            h('div', { class: 'card-heading' }, h('h2', { id: `${id}-title` }, title), h('p', { class: 'card-subtitle' }, subtitle)),
            h('div', { class: 'toolbar', role: 'group' }, csv, json)),
        h('details', { class: 'definition' }, h('summary', {}, t('definition.about')),
            h('dl', {}, h('dt', {}, indicatorLabel(indicator)), h('dd', {}, h('p', {}, indicatorDescription(indicator)),
                h('p', { class: 'definition-exact' }, h('span', { class: 'definition-key' }, t('definition.exact')), ' ', h('code', {}, entry.description))))),
        scroller, legend, note);

    function settle(state, message) {
        status.dataset.state = state;
        status.textContent = message;
        element.dataset.state = state;
    }

    const k = smallCellThreshold();

    function cellElement(cell, low, high, rowKey, column) {
        if (!cell) {
            return h('td', { class: 'heat-none' }, '·');
        }
        const units = unitsOf(cell, entry.unit);
        const count = entry.unit === 'count' ? null : h('span', { class: 'heat-n', 'aria-label': t('charts.heat_n_label', { n: formatInteger(units) }) },
            t('charts.heat_n', { n: formatInteger(units) }));
        if (cell.value === null) {
            return h('td', { class: 'heat-none' }, '–', count);
        }
        const thin = isThin(cell, entry.unit, k);
        const of = entry.unit === 'rate' ? t('figures.of', { numerator: formatInteger(cell.numerator), denominator: formatInteger(cell.denominator) }) : '';
        const title = thin ? `${of} · ${t('charts.heat_thin', { k })}` : of;
        const href = cellHref ? cellHref(rowKey, column) : null;
        const value = formatValue(cell.value, entry.unit);
        return h('td', { class: thin ? 'heat-thin' : `heat-${shadeOf(cell.value, low, high)}`, title, dataset: { n: units ?? '' } },
            href ? h('a', { href, class: 'heat-link' }, value) : value, count);
    }

    return {
        element,
        draw(answer) {
            if (answer.rows.length === 0) {
                settle('empty', t('states.empty'));
                return;
            }
            const columns = [...new Set(answer.rows.map((row) => row[columnsDimension]))]
                .sort((a, b) => orderOf(columnsDimension, a) - orderOf(columnsDimension, b));
            const values = answer.rows.filter((row) => row.value !== null).map((row) => row.value);
            const low = Math.min(...values);
            const high = Math.max(...values);
            const cells = new Map(answer.rows.map((row) => [`${row[rowsDimension]}\u0000${row[columnsDimension]}`, row]));
            const table = h('table', { class: 'heat' },
                h('caption', { class: 'visually-hidden' }, title),
                h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(`dimensions.${rowsDimension}`)),
                    columns.map((column) => h('th', { scope: 'col', class: 'heat-column' }, valueLabel(columnsDimension, column))))),
                h('tbody', {}, rowKeys.map((rowKey) => (rowKey.group
                    ? h('tr', { class: 'heat-group' }, h('th', { scope: 'colgroup', colSpan: columns.length + 1 }, valueLabel('province', rowKey.group)))
                    : h('tr', {}, h('th', { scope: 'row' }, h('a', { href: rowHref(rowKey.key) }, valueLabel(rowsDimension, rowKey.key))),
                        columns.map((column) => cellElement(cells.get(`${rowKey.key}\u0000${column}`), low, high, rowKey.key, column)))))));
            scroller.replaceChildren(table);
            legend.hidden = false;
            legend.replaceChildren(t('charts.heat_legend'), ' ',
                h('span', { class: 'heat-key heat-0' }, formatValue(low, entry.unit)), h('span', { class: 'heat-key heat-3' }, '…'),
                h('span', { class: 'heat-key heat-5' }, formatValue(high, entry.unit)),
                ...(answer.rows.some((row) => isThin(row, entry.unit, k))
                    ? [' ', h('span', { class: 'heat-key heat-thin', id: `${id}-thin-key` }, t('charts.heat_thin', { k }))] : []));
            note.hidden = !(publicView() && countsPeople(indicator));
            element.dataset.state = 'drawn';
        },
        error(error) {
            settle('error', t('states.error', { message: error.message }));
        },
    };
}
