// Number and date formatting in the current language.
import { locale, t } from './i18n.js';

const cache = new Map();

function formatter(kind, options) {
    const key = `${locale()}|${kind}`;
    if (!cache.has(key)) {
        cache.set(key, kind === 'date'
            ? new Intl.DateTimeFormat(locale(), options)
            : new Intl.NumberFormat(locale(), options));
    }
    return cache.get(key);
}

const missing = (value) => value === null || value === undefined || Number.isNaN(value);

export function formatPercent(value) {
    return missing(value) ? '–' : formatter('percent', { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatPrecisePercent(value) {
    return missing(value) ? '–'
        : formatter('precise', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function formatInteger(value) {
    return missing(value) ? '–' : formatter('integer', { maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(value) {
    return missing(value) ? '–' : formatter('decimal', { maximumFractionDigits: 1 }).format(value);
}

/** A value in the indicator's unit: rates as percentages, days with one decimal, counts whole. */
export function formatValue(value, unit, precise = false) {
    if (unit === 'rate') {
        return precise ? formatPrecisePercent(value) : formatPercent(value);
    }
    if (unit === 'days') {
        return missing(value) ? '–' : t('units.days_value', { value: formatDecimal(value) });
    }
    return formatInteger(value);
}

/** '2020-06-30' -> '30 June 2020' (calendar dates: no time zone shift). */
export function formatDate(isoDate) {
    return isoDate ? formatter('date', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`)) : '–';
}

export function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
