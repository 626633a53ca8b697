// What the pages of districts and value chains share: the two kinds of place, the indicator a page shows,
// ranked bars in reference order, and the quarterly trend with its references.
import { chartText, answerTable, cellOf } from './common.js';
import { trendOption } from '../charts/options.js';
import { t, valueLabel } from '../i18n.js';
import { provinces, valueChains } from '../reference.js';

/** The trend's subtitle: what the line covers, and what its dashed lines compare with (nothing for a count, which they would dwarf). */
export function trendSubtitle(kind, entry) {
    return t(`place.trend_subtitle_${kind.dimension}${entry.unit === 'count' ? '_count' : ''}`);
}

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

export function chosenIndicator(params, catalogue, dimension) {
    const entry = catalogue.get(params.indicator ?? DEFAULT_INDICATOR);
    return entry && entry.dimensions.includes(dimension) ? entry : catalogue.get(DEFAULT_INDICATOR);
}

/** Ranked bars: for districts grouped by province (in NISR order), highest first within each group. */
export function rankedItems(kind, rows) {
    const value = (cell) => (cell && !cell.suppressed && cell.value !== null ? cell.value : -Infinity);
    const byValue = (a, b) => value(b.cell) - value(a.cell) || String(a.key).localeCompare(String(b.key));
    if (kind.dimension === 'district') {
        return provinces().flatMap(({ province, districts }) => districts
            .map((district) => ({ key: district, group: province, cell: cellOf(rows, { district }) }))
            .sort(byValue));
    }
    return valueChains().map((code) => ({ key: code, group: null, cell: cellOf(rows, { value_chain: code }) })).sort(byValue);
}

/**
 * Lines per key over quarters, with the programme (and extra references) as dashed lines where comparable.
 * dimension: the answer's column that tells the lines apart (null for one line of one place's own answer);
 * label(key): the line's name in the legend, by default the key's label in that dimension.
 */
export function drawTrend(card, { answer, programme, dimension, keys, label = (key) => valueLabel(dimension, key), entry, exportQuery,
    references = [] }) {
    const periods = [...new Set([...answer.rows, ...programme.rows].map((row) => row.period))].sort();
    if (periods.length === 0) {
        card.empty(t('states.empty'));
        return;
    }
    const text = chartText(entry.unit, dimension);
    const seriesList = keys.map((key) => ({ key, name: label(key),
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
        answer,
        exportQuery,
    });
}

/** The URL parameters that a link to another place's page keeps. */
export function keptParams(params, names = ['as_of', 'from', 'to', 'lang']) {
    return Object.fromEntries(names.filter((name) => params[name]).map((name) => [name, params[name]]));
}
