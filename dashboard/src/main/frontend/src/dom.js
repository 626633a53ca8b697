// A tiny element builder: the pages build their DOM with it, never with innerHTML of data.

/**
 * h('button', { class: 'x', type: 'button', onclick: fn, dataset: { a: 1 } }, 'text', child)
 * Attributes whose value is null, undefined or false are left out; true gives an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.slice(2), value);
        }
        else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        }
        else if (name === 'class') {
            element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
        }
        else if (name in element && typeof value !== 'string' && name !== 'list') {
            element[name] = value;
        }
        else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(element, child);
        }
        else {
            element.append(child instanceof Node ? child : String(child));
        }
    }
}

let counter = 0;

/** A document-unique id for label/aria wiring. */
export function uniqueId(prefix) {
    counter += 1;
    return `${prefix}-${counter}`;
}
