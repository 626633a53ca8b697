// Number and date formatting in the current language.
import { locale, monthName, t } from './i18n.js';

const cache = new Map();

function formatter(kind, options) {
    const key = `${locale()}|${kind}`;
    if (!cache.has(key)) {
        cache.set(key, new Intl.NumberFormat(locale(), options));
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

/** '2020-06-30' -> '30 June 2020', '30 juin 2020', '30 Kamena 2020' (a calendar date: no time zone shift). */
export function formatDate(isoDate) {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? '');
    if (!parts) {
        return isoDate ? String(isoDate) : '–';
    }
    return t('dates.date', { day: Number(parts[3]), month: monthName(Number(parts[2])), year: parts[1] });
}

/** A typed date as 'yyyy-mm-dd' ('2020-3-1' -> '2020-03-01'), or null when it is not a day of the calendar. */
export function parseIsoDate(text) {
    const parts = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text ?? '');
    if (!parts) {
        return null;
    }
    const [year, month, day] = parts.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        return null;
    }
    return `${parts[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
