// Form controls for the filter bars. Each control calls onChange with its new value; the page turns that
// into a new URL, and the router draws the view again from the URL.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatDate, parseIsoDate } from '../format.js';

// which pickers were open, so that drawing the view again after a change keeps them open
const openPickers = new Set();

/** options: [{ value, label, group }]; options with a group are put in an optgroup. */
export function selectControl({ id, label, value, options, onChange, allLabel }) {
    const select = h('select', { id, onchange: () => onChange(select.value) });
    if (allLabel) {
        select.append(h('option', { value: '' }, allLabel));
    }
    let group = null;
    let groupElement = null;
    for (const option of options) {
        const element = h('option', { value: option.value }, option.label);
        if (option.group) {
            if (option.group !== group) {
                group = option.group;
                groupElement = h('optgroup', { label: option.group });
                select.append(groupElement);
            }
            groupElement.append(element);
        }
        else {
            select.append(element);
        }
    }
    select.value = value ?? '';
    return h('div', { class: 'control' }, h('label', { for: id }, label), select);
}

/**
 * A date typed as yyyy-mm-dd (a text field: the browser's date field writes mm/dd/yyyy whatever the page's language),
 * with the date read out in the page's language beside it ('30 Kamena 2020'), or the default when empty. A date that
 * is not a day of the calendar, or outside min..max, is marked invalid with a message and changes nothing.
 */
export function dateControl({ id, label, value, placeholder, min, max, onChange }) {
    const hintId = `${id}-hint`;
    const format = t('controls.date_format');
    const input = h('input', { id, type: 'text', autocomplete: 'off', spellcheck: false, maxLength: 10,
        value: value ?? '', placeholder: format, 'aria-describedby': hintId });
    input.setAttribute('size', String(Math.max(12, format.length + 2)));
    const reading = () => (value ? formatDate(value) : placeholder ?? '');
    const hint = h('span', { class: 'control-hint', id: hintId, 'aria-live': 'polite' }, reading());
    let committed = value ?? '';
    const commit = () => {
        const text = input.value.trim();
        const date = text === '' ? '' : parseIsoDate(text);
        const outside = date && ((min && date < min) || (max && date > max));
        if (date === null || outside) {
            input.setAttribute('aria-invalid', 'true');
            hint.classList.add('control-error');
            hint.textContent = t('controls.invalid_date', { format, latest: formatDate(max) });
            return;
        }
        input.removeAttribute('aria-invalid');
        hint.classList.remove('control-error');
        hint.textContent = date ? formatDate(date) : placeholder ?? '';
        if (date !== committed) {
            committed = date;
            onChange(date);
        }
    };
    input.addEventListener('change', commit);
    input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
            commit();
        }
    });
    return h('div', { class: 'control control-date' }, h('label', { for: id }, label), input, hint);
}

/**
 * A multiple choice behind a disclosure button: checkboxes, grouped when options carry a group.
 * selected: the values chosen; summary text says how many.
 */
export function checklistControl({ id, label, selected, options, onChange, noneLabel, max }) {
    const chosen = new Set(selected);
    const summaryText = chosen.size === 0 ? noneLabel
        : chosen.size <= 2 ? options.filter((option) => chosen.has(option.value)).map((option) => option.label).join(', ')
            : t('controls.selected', { count: chosen.size });
    const details = h('details', { class: 'picker', id, open: openPickers.has(id) },
        h('summary', { id: `${id}-summary`, 'aria-label': `${label}: ${summaryText}` }, h('span', { class: 'picker-value' }, summaryText)));
    details.addEventListener('toggle', () => (details.open ? openPickers.add(id) : openPickers.delete(id)));
    const body = h('div', { class: 'picker-body' });
    const groups = new Map();
    for (const option of options) {
        const key = option.group ?? '';
        if (!groups.has(key)) {
            groups.set(key, []);
        }
        groups.get(key).push(option);
    }
    for (const [group, groupOptions] of groups) {
        const fieldset = h('fieldset', {}, group ? h('legend', {}, group) : null);
        for (const option of groupOptions) {
            const checkboxId = `${id}-${option.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
            const checkbox = h('input', {
                type: 'checkbox', id: checkboxId, value: option.value, checked: chosen.has(option.value),
                disabled: Boolean(max) && !chosen.has(option.value) && chosen.size >= max,
                onchange: () => {
                    if (checkbox.checked) {
                        chosen.add(option.value);
                    }
                    else {
                        chosen.delete(option.value);
                    }
                    onChange(options.map((each) => each.value).filter((value) => chosen.has(value)));
                },
            });
            fieldset.append(h('div', { class: 'check' }, checkbox, h('label', { for: checkboxId }, option.label)));
        }
        body.append(fieldset);
    }
    if (chosen.size > 0) {
        body.append(h('button', { type: 'button', class: 'link-button', id: `${id}-clear`, onclick: () => onChange([]) }, t('controls.clear')));
    }
    details.append(body);
    return h('div', { class: 'control' }, h('span', { class: 'control-label', id: `${id}-label` }, label), details);
}
