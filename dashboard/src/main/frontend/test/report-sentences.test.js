// The report's district sentences on hand-worked figures, in the three languages: over target, under target, with a
// hidden cell, with no data. The expected texts are written out whole, numbers as each language writes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import en from '../src/i18n/en.json' with { type: 'json' };
import fr from '../src/i18n/fr.json' with { type: 'json' };
import rw from '../src/i18n/rw.json' with { type: 'json' };
import { districtSentence } from '../src/report/sentences.js';

// French writes a no-break space before % and a narrow one as the thousands separator
const NNBSP = '\u202f';
const NBSP = '\u00a0';

// Gasabo is over its target of 29 and 8 more are registered than three months before
const OVER = { district: 'Gasabo', formed: 31, formed_target: 29, registered: 12, registered_before: 8, sessions: 4, sessions_target: 3,
    members: 1250, women_share: 0.48, youth_share: 0.3 };
// Nyamagabe is under target, registered one fewer (a registration withdrawn), held one session of three
const UNDER = { district: 'Nyamagabe', formed: 7, formed_target: 29, registered: 1, registered_before: 2, sessions: 1, sessions_target: 3,
    members: 40, women_share: 0.625, youth_share: 0.25 };
// Rubavu's women's share is hidden (null) and its registrations did not change
const HIDDEN = { district: 'Rubavu', formed: 3, formed_target: 29, registered: 2, registered_before: 2, sessions: 0, sessions_target: 3,
    members: null, women_share: null, youth_share: 1 };
// Nyaruguru has nothing yet
const EMPTY = { district: 'Nyaruguru', formed: 0, formed_target: 29, registered: 0, registered_before: 0, sessions: 0, sessions_target: 3,
    members: 0, women_share: null, youth_share: null };

test('a district over its target, in English, French and Kinyarwanda', () => {
    assert.equal(districtSentence(OVER, { dictionary: en, previous: 'Q3 2020' }),
        'Gasabo formed 31 of its 29 cooperatives; 12 are registered with RCA, 4 more than at the end of Q3 2020; '
        + '4 of its 3 training sessions were held; women are 48% and youth 30% of its active members.');
    assert.equal(districtSentence(OVER, { dictionary: fr, previous: 'T3 2020' }),
        'Gasabo a formé 31 de ses 29 coopératives ; 12 sont enregistrées auprès de la RCA, 4 de plus qu\'à la fin de T3 2020 ; '
        + `4 de ses 3 séances de formation ont eu lieu ; les femmes représentent 48${NBSP}% et les jeunes 30${NBSP}% de ses membres actifs.`);
    assert.equal(districtSentence(OVER, { dictionary: rw, previous: 'Igihembwe 3 2020' }),
        'Akarere ka Gasabo kashinze koperative 31 kuri 29 zateganyijwe; 12 zanditswe muri RCA, ziyongereyeho 4 ugereranyije n\'iherezo rya '
        + 'Igihembwe 3 2020; hatanzwe amasomo y\'amahugurwa 4 kuri 3 yateganyijwe; abagore ni 48% naho urubyiruko ni 30% by\'abanyamuryango bakora.');
});

test('a district under its target, with fewer registered than before and one session (singular)', () => {
    assert.equal(districtSentence(UNDER, { dictionary: en, previous: 'Q3 2020' }),
        'Nyamagabe formed 7 of its 29 cooperatives; 1 is registered with RCA, 1 fewer than at the end of Q3 2020; '
        + '1 of its 3 training sessions was held; women are 63% and youth 25% of its active members.');
    assert.equal(districtSentence(UNDER, { dictionary: fr, previous: 'T3 2020' }),
        'Nyamagabe a formé 7 de ses 29 coopératives ; 1 est enregistrée auprès de la RCA, 1 de moins qu\'à la fin de T3 2020 ; '
        + `1 de ses 3 séances de formation a eu lieu ; les femmes représentent 63${NBSP}% et les jeunes 25${NBSP}% de ses membres actifs.`);
    assert.equal(districtSentence(UNDER, { dictionary: rw, previous: 'Igihembwe 3 2020' }),
        'Akarere ka Nyamagabe kashinze koperative 7 kuri 29 zateganyijwe; 1 yanditswe muri RCA, zagabanutseho 1 ugereranyije n\'iherezo rya '
        + 'Igihembwe 3 2020; hatanzwe amasomo y\'amahugurwa 1 kuri 3 yateganyijwe; abagore ni 63% naho urubyiruko ni 25% by\'abanyamuryango bakora.');
});

test('a hidden cell is not shown in words and carries no number', () => {
    const english = districtSentence(HIDDEN, { dictionary: en, previous: 'Q3 2020' });
    assert.equal(english, 'Rubavu formed 3 of its 29 cooperatives; 2 are registered with RCA, as many as at the end of Q3 2020; '
        + '0 of its 3 training sessions were held; youth are 100% of its active members; the women\'s share is not shown.');
    assert.equal(districtSentence(HIDDEN, { dictionary: fr, previous: 'T3 2020' }),
        'Rubavu a formé 3 de ses 29 coopératives ; 2 sont enregistrées auprès de la RCA, autant qu\'à la fin de T3 2020 ; '
        + `0 de ses 3 séances de formation ont eu lieu ; les jeunes représentent 100${NBSP}% de ses membres actifs ; la part des femmes n'est pas affichée.`);
    assert.equal(districtSentence(HIDDEN, { dictionary: rw, previous: 'Igihembwe 3 2020' }),
        'Akarere ka Rubavu kashinze koperative 3 kuri 29 zateganyijwe; 2 zanditswe muri RCA, zingana n\'izari zihari ku iherezo rya Igihembwe 3 2020; '
        + 'hatanzwe amasomo y\'amahugurwa 0 kuri 3 yateganyijwe; urubyiruko ni 100% by\'abanyamuryango bakora; umugabane w\'abagore ntugaragazwa.');

    // every figure hidden: no digit at all in any language
    const allHidden = { district: 'Rubavu', formed: null, formed_target: 29, registered: null, registered_before: 2, sessions: null,
        sessions_target: 3, members: null, women_share: null, youth_share: null };
    assert.equal(districtSentence(allHidden, { dictionary: en, previous: 'Q3 2020' }),
        'Rubavu: the number of cooperatives formed is not shown; the number registered with RCA is not shown; '
        + 'the number of training sessions is not shown; the women\'s and youth shares are not shown.');
    for (const dictionary of [en, fr, rw]) {
        assert.doesNotMatch(districtSentence(allHidden, { dictionary, previous: 'Q3 2020' }).replace('Q3 2020', ''), /\d/, dictionary.meta.language);
    }
});

test('a district with no data says so in one sentence', () => {
    assert.equal(districtSentence(EMPTY, { dictionary: en, previous: 'Q3 2020' }),
        'Nyaruguru has no cooperative, active member or training session in the figures of this period.');
    assert.equal(districtSentence(EMPTY, { dictionary: fr, previous: 'T3 2020' }),
        'Nyaruguru n\'a ni coopérative, ni membre actif, ni séance de formation dans les chiffres de cette période.');
    assert.equal(districtSentence(EMPTY, { dictionary: rw, previous: 'Igihembwe 3 2020' }),
        'Akarere ka Nyaruguru nta koperative, umunyamuryango ukora cyangwa isomo ry\'amahugurwa gafite mu mibare y\'iki gihe.');
});

test('without a target or a previous figure the clauses leave them out; large numbers take the language\'s separators', () => {
    const programme = { district: 'Gasabo', formed: 1, formed_target: null, registered: 1200, registered_before: null, sessions: 1,
        sessions_target: null, members: 0, women_share: null, youth_share: null };
    assert.equal(districtSentence(programme, { dictionary: en, previous: 'Q3 2020' }),
        'Gasabo formed 1 cooperative; 1,200 are registered with RCA; 1 training session was held; it has no active members yet.');
    assert.equal(districtSentence(programme, { dictionary: fr, previous: 'T3 2020' }),
        `Gasabo a formé 1 coopérative ; 1${NNBSP}200 sont enregistrées auprès de la RCA ; 1 séance de formation a eu lieu ; il n'a pas encore de membres actifs.`);
});

test('every language has every sentence template, with the same placeholders as English', () => {
    const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const dictionary of [fr, rw]) {
        for (const [key, text] of Object.entries(en.report.sentence)) {
            if (key.endsWith('_one')) {
                continue;
            }
            assert.equal(typeof dictionary.report.sentence[key], 'string', `${dictionary.meta.language}: ${key}`);
            assert.deepEqual(placeholders(dictionary.report.sentence[key]), placeholders(text), `${dictionary.meta.language}: ${key}`);
        }
    }
});
