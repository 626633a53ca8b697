// UI strings and indicator labels in English, French and Kinyarwanda: one resource file per language
// (src/i18n/*.json) so that a reviewer can correct the wording without touching code.
import en from './i18n/en.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };
import rw from './i18n/rw.json' with { type: 'json' };
import { referenceLabel, smallCellThreshold } from './reference.js';

export const LANGUAGES = { en, fr, rw };

let current = 'en';

/** The language asked for in the URL, else the browser's first language we speak, else English. */
export function chooseLanguage(requested) {
    if (requested && LANGUAGES[requested]) {
        return requested;
    }
    for (const tag of navigator.languages ?? [navigator.language]) {
        const base = String(tag).toLowerCase().split('-')[0];
        if (LANGUAGES[base]) {
            return base;
        }
    }
    return 'en';
}

export function setLanguage(language) {
    current = LANGUAGES[language] ? language : 'en';
    document.documentElement.lang = current;
}

export function language() {
    return current;
}

/** The BCP 47 locale for number and date formats. */
export function locale() {
    return LANGUAGES[current].meta.locale;
}

function lookup(dictionary, key) {
    return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), dictionary);
}

/** t('chart.download_csv'), t('overview.of_target', { target: 29 }): the current language, else English, else the key. */
export function t(key, values = {}) {
    let text = lookup(LANGUAGES[current], key);
    if (typeof text !== 'string') {
        text = lookup(en, key);
    }
    if (typeof text !== 'string') {
        return key;
    }
    return text.replace(/\{(\w+)\}/g, (match, name) => (values[name] !== undefined ? String(values[name]) : match));
}

/** True when the key has a text in English (the reference language). */
export function has(key) {
    return typeof lookup(en, key) === 'string';
}

/**
 * A privacy text ('short_explanation', 'explanation', 'footer' of suppression) with the served threshold k in it,
 * or its wording without a number when the API does not give k.
 */
export function privacyText(name) {
    const k = smallCellThreshold();
    return k === null ? t(`suppression.${name}_unnumbered`) : t(`suppression.${name}`, { k: formatCount(k) });
}

function formatCount(value) {
    return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value);
}

export function indicatorLabel(id) {
    return has(`indicators.${id}.label`) ? t(`indicators.${id}.label`) : id;
}

export function indicatorDescription(id) {
    return has(`indicators.${id}.description`) ? t(`indicators.${id}.description`) : '';
}

export function dimensionLabel(dimension) {
    return t(`dimensions.${dimension}`);
}

/**
 * A dimension value as people read it: translated for provinces, value chains, topics, sexes, age bands; district names as
 * they are. A value chain or topic without a translation (reference data is editable) takes the API's English label.
 */
export function valueLabel(dimension, value) {
    if (value === null || value === undefined) {
        return '–';
    }
    const group = { province: 'provinces', value_chain: 'value_chains', topic: 'topics', sex: 'sexes', age_band: 'age_bands' }[dimension];
    if (group && has(`${group}.${value}`)) {
        return t(`${group}.${value}`);
    }
    if (dimension === 'period') {
        return periodLabel(value);
    }
    return referenceLabel(dimension, value) ?? value;
}

/** '2019-Q1' -> 'Q1 2019' / 'T1 2019'; '2019-03' -> 'Mar 2019'; '2019' stays. */
export function periodLabel(period) {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
    if (quarter) {
        return t('periods.quarter', { year: quarter[1], quarter: quarter[2] });
    }
    const month = /^(\d{4})-(\d{2})$/.exec(period);
    if (month) {
        return t('dates.month_year', { month: monthName(Number(month[2]), true), year: month[1] });
    }
    return period;
}

/**
 * The name of month 1..12 in the current language (short: 'Mar', 'mars', 'wer.'), from its resource file: Intl in
 * Chromium has no Kinyarwanda and would write English.
 */
export function monthName(month, short = false) {
    const key = short ? 'months_short' : 'months';
    const names = LANGUAGES[current].dates?.[key] ?? en.dates[key];
    return names[month - 1];
}
