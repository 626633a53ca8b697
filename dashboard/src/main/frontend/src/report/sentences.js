// The report's plain-language summary of a district, built only from its figures by the templates of the language's
// resource file (report.sentence in src/i18n/*.json): no free text, so the words cannot drift from the numbers.
// A figure that is null is not shown (hidden to protect privacy, or not available): its clause says so and
// carries no number, so a hidden cell stays hidden in words too. Pure: no DOM, no global state.

/**
 * The summary of one district, e.g. "Gasabo formed 31 of its 29 cooperatives; 12 are registered with RCA, 4 more than
 * at the end of Q3 2020; 2 of its 3 training sessions were held; women are 48% and youth 30% of its active members."
 *
 * figures: { district, formed, formed_target, registered, registered_before, sessions, sessions_target, members,
 *            women_share, youth_share }: counts and shares (0..1); null = not shown; a target null = none set.
 * options: { dictionary: the language's resource file, previous: the label of the period before ('Q3 2020') }.
 */
export function districtSentence(figures, { dictionary, previous }) {
    const templates = dictionary.report.sentence;
    const numbers = numberFormats(dictionary.meta.locale);
    const say = (key, values, count) => fillTemplate(templates[count === 1 && templates[`${key}_one`] ? `${key}_one` : key], values);
    const district = figures.district;

    if (hasNoData(figures)) {
        return finish(say('no_data', { district }));
    }
    const clauses = [];
    if (figures.formed === null) {
        clauses.push(say('formed_hidden', { district }));
    }
    else if (figures.formed_target === null || figures.formed_target === undefined) {
        clauses.push(say('formed', { district, formed: numbers.integer(figures.formed) }, figures.formed));
    }
    else {
        clauses.push(say('formed_of_target', { district, formed: numbers.integer(figures.formed), target: numbers.integer(figures.formed_target) },
            figures.formed_target));
    }

    if (figures.registered === null) {
        clauses.push(say('registered_hidden', {}));
    }
    else {
        const registered = say('registered', { registered: numbers.integer(figures.registered) }, figures.registered);
        const change = changeClause(figures.registered, figures.registered_before, { say, numbers, previous });
        clauses.push(change ? `${registered}${templates.comma}${change}` : registered);
    }

    if (figures.sessions === null) {
        clauses.push(say('sessions_hidden', {}));
    }
    else if (figures.sessions_target === null || figures.sessions_target === undefined) {
        clauses.push(say('sessions', { sessions: numbers.integer(figures.sessions) }, figures.sessions));
    }
    else {
        clauses.push(say('sessions_of_target', { sessions: numbers.integer(figures.sessions), target: numbers.integer(figures.sessions_target) },
            figures.sessions));
    }

    clauses.push(inclusionClause(figures, { say, numbers }));
    return finish(clauses.join(templates.separator));
}

function changeClause(now, before, { say, numbers, previous }) {
    if (before === null || before === undefined || !previous) {
        return null;
    }
    const change = now - before;
    if (change === 0) {
        return say('change_same', { previous });
    }
    return say(change > 0 ? 'change_more' : 'change_fewer', { change: numbers.integer(Math.abs(change)), previous });
}

function inclusionClause(figures, { say, numbers }) {
    if (figures.members === 0) {
        return say('no_members', {});
    }
    const women = figures.women_share;
    const youth = figures.youth_share;
    if (isShown(women) && isShown(youth)) {
        return say('inclusion', { women: numbers.percent(women), youth: numbers.percent(youth) });
    }
    if (isShown(women)) {
        return say('women_only', { women: numbers.percent(women) });
    }
    if (isShown(youth)) {
        return say('youth_only', { youth: numbers.percent(youth) });
    }
    return say('inclusion_hidden', {});
}

const isShown = (value) => value !== null && value !== undefined && !Number.isNaN(value);

/** Nothing to say: no figure is above zero, and none is hidden. */
function hasNoData(figures) {
    return ['formed', 'registered', 'sessions', 'members'].every((name) => figures[name] === 0);
}

function finish(text) {
    return `${text.charAt(0).toLocaleUpperCase()}${text.slice(1)}.`;
}

/** '{district} formed {formed}' with the values; a placeholder without a value stays as it is (a test catches it). */
export function fillTemplate(template, values) {
    if (typeof template !== 'string') {
        throw new Error(`no such template: ${template}`);
    }
    return template.replace(/\{(\w+)\}/g, (match, name) => (values[name] !== undefined ? String(values[name]) : match));
}

function numberFormats(locale) {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return { integer: (value) => integer.format(value), percent: (value) => percent.format(value) };
}
