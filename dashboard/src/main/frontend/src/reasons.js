// A quarantine reason code in plain words, for the quarantine browser and the report's data quality.
import { has, t } from './i18n.js';

/** 'invalid_date:joined_on' in plain words: the reason's sentence with the column; an unknown code as it is. */
export function reasonText(code) {
    const [family, column] = code.split(':');
    const key = `reasons.${family}`;
    return has(key) ? t(key, { column: column ?? '' }) : code;
}
