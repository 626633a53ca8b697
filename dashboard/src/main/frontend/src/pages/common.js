// Helpers the pages share: chart texts in the current language, answer tables, date controls, headers.
import { dateControl, selectControl } from '../components/controls.js';
import { h } from '../dom.js';
import { dimensionLabel, indicatorLabel, privacyText, t, valueLabel } from '../i18n.js';
import { formatDate, formatInteger, formatPercent, formatValue } from '../format.js';
import { perDistrictTarget, provinces, valuesOf } from '../reference.js';

export const FILTER_DIMENSIONS = ['province', 'district', 'value_chain', 'sex', 'age_band', 'topic'];

/** The texts a chart builder needs for an indicator's unit and a category dimension. */
export function chartText(unit, dimension) {
    return {
        value: (value, precise) => formatValue(value, unit, precise),
        label: (key) => valueLabel(dimension, key),
        period: (key) => valueLabel('period', key),
        group: (key) => valueLabel('province', key),
        hidden: t('suppression.hidden'),
        detail: (row) => cellDetail(row, unit),
    };
}

/** '12 of 29' under a rate; nothing under a count. */
export function cellDetail(row, unit) {
    if (!row || row.suppressed) {
        return row?.suppressed ? privacyText('short_explanation') : '';
    }
    if (unit === 'rate' && row.denominator !== null && row.denominator !== undefined) {
        return t('figures.of', { numerator: formatInteger(row.numerator), denominator: formatInteger(row.denominator) });
    }
    return '';
}

/**
 * The line under a target tile ('formed', 'registered', 'trainings'): 'Target 29 (29 per district) · 17% reached', with the
 * per-district figure only while every district has the same target in the snapshot's reference data.
 */
export function targetDetail(tile, target, share) {
    const indicator = { formed: 'coops_formed', registered: 'coops_registered', trainings: 'training_sessions' }[tile];
    const perDistrict = indicator ? perDistrictTarget(indicator) : null;
    const values = { target: formatInteger(target), share: formatPercent(share) };
    return perDistrict === null
        ? t('headlines.target', values)
        : t(`headlines.${tile}_target`, { ...values, per_district: formatInteger(perDistrict) });
}

/** A table spec of an answer: period and by-columns, then numerator and denominator for a rate, then the value. */
export function answerTable(answer, unit) {
    const keys = [...(answer.grain ? ['period'] : []), ...answer.by];
    const columns = keys.map((key) => ({ label: dimensionLabel(key) }));
    if (unit === 'rate') {
        columns.push({ label: t('figures.numerator'), numeric: true }, { label: t('figures.denominator'), numeric: true });
    }
    columns.push({ label: t('figures.value'), numeric: true });
    if (keys.length === 0) {
        columns.unshift({ label: '' });
    }
    const rows = answer.rows.map((row) => {
        const cells = keys.map((key) => valueLabel(key, row[key]));
        if (keys.length === 0) {
            cells.push(t('figures.total'));
        }
        const hidden = { text: t('suppression.hidden'), hidden: true };
        if (unit === 'rate') {
            cells.push(row.suppressed ? hidden : formatInteger(row.numerator), row.suppressed ? hidden : formatInteger(row.denominator));
        }
        cells.push(row.suppressed ? hidden : formatValue(row.value, unit, true));
        return cells;
    });
    return { columns, rows };
}

/** The date controls of a view (see date-rule.js): one as-of date ('as_of'), or a range ('range'). */
export function dateControls({ idPrefix, view, params, snapshot, update }) {
    if (view === 'as_of') {
        return [dateControl({ id: `${idPrefix}-as-of`, label: t('controls.as_of'), value: params.as_of, max: snapshot.as_of,
            placeholder: t('controls.default_date', { date: formatDate(snapshot.as_of) }), onChange: (value) => update({ as_of: value }) })];
    }
    return [
        dateControl({ id: `${idPrefix}-from`, label: t('controls.from'), value: params.from, max: snapshot.as_of,
            placeholder: t('controls.default_from'), onChange: (value) => update({ from: value }) }),
        dateControl({ id: `${idPrefix}-to`, label: t('controls.to'), value: params.to, max: snapshot.as_of,
            placeholder: t('controls.default_date', { date: formatDate(snapshot.as_of) }), onChange: (value) => update({ to: value }) }),
    ];
}

export function indicatorSelect({ id, value, catalogue, filter, update }) {
    const options = [...catalogue.values()].filter(filter ?? (() => true)).map((entry) => ({ value: entry.id, label: indicatorLabel(entry.id) }));
    return selectControl({ id, label: t('controls.indicator'), value, options, onChange: (next) => update({ indicator: next }) });
}

/** Options for a dimension's values; districts grouped by province. */
export function valueOptions(dimension) {
    if (dimension === 'district') {
        return provinces().flatMap(({ province, districts }) =>
            districts.map((district) => ({ value: district, label: district, group: valueLabel('province', province) })));
    }
    return valuesOf(dimension).map((value) => ({ value, label: valueLabel(dimension, value) }));
}

export function pageHeader(title, lead, extra) {
    return h('div', { class: 'page-header' },
        h('div', {}, h('h1', { id: 'page-title', tabIndex: -1 }, title), lead ? h('p', { class: 'lead' }, lead) : null),
        extra ?? null);
}

export function filterBar(label, ...controls) {
    return h('form', { class: 'filters', 'aria-label': label, onsubmit: (event) => event.preventDefault() }, ...controls);
}

/** Runs an async card fill, turning a failure into the card's error state. */
export async function fill(card, work) {
    card.loading();
    try {
        await work();
    }
    catch (error) {
        card.error(error);
        // eslint-disable-next-line no-console
        if (!(error && error.name === 'ApiError')) {
            console.error(error);
        }
    }
}

/** The cell of an answer's rows whose keys match. */
export function cellOf(rows, keys) {
    return rows.find((row) => Object.entries(keys).every(([key, value]) => row[key] === value)) ?? null;
}

/** Indicators of the catalogue that accept a dimension. */
export function acceptsDimension(dimension) {
    return (entry) => entry.dimensions.includes(dimension);
}
