import Typograf from 'typograf';

/**
 * French typography for text shown to residents: no-break spaces where French wants them, so that
 * "Attention :" never leaves its colon alone at the start of a line and "02 38 71 93 93" never breaks.
 * Runs on plain text only (interface strings, and the text tokens of markdown before it becomes HTML),
 * never on HTML. Safe on English text too: it only turns an existing space into a no-break space, and
 * English has no space before `: ; ! ?` nor guillemets.
 *
 * Built on Typograf (its `afterNumber` rule: "5 km", "17 h", "10 jours"); Typograf's French locale has
 * no rule for the space before high punctuation (its common rules even delete it), so the two rules it
 * lacks are registered here as Typograf rules.
 *
 * @example
 * typeset('Attention : appelez le 02 38 71 93 93 !'); // 'Attention\u00a0: appelez le 02\u00a038\u00a071\u00a093\u00a093\u00a0!'
 * typeset('« Oui » ; 5 km');                          // '«\u00a0Oui\u00a0»\u00a0; 5\u00a0km'
 */
export const NBSP = '\u00a0';

/**
 * A French phone number as people write it: `02 38 71 93 93`, `02.38.71.93.93`, `0238719393`,
 * `+33 2 38 71 93 93`, or the short numbers `3939`-style are left alone. Groups may be separated by a
 * space, a no-break space, a dot or a dash.
 */
export const FRENCH_PHONE = /(?<![\d+])(?:\+33[\s\u00a0.-]?[1-9]|0[1-9])(?:[\s\u00a0.-]?\d{2}){4}(?!\d)/;

/**
 * A phone number as a `tel:` link: digits only, and a French national number (10 digits starting with
 * 0) in international form so that it also dials from a foreign phone.
 *
 * @example
 * telHref('02 38 71 93 93'); // 'tel:+33238719393'
 * telHref('+44 20 7946 0000'); // 'tel:+442079460000'
 * telHref('3117');           // 'tel:3117'
 */
export function telHref(phone: string): string {
	const digits = phone.replace(/[^\d+]/g, '');
	return `tel:${/^0\d{9}$/.test(digits) ? `+33${digits.slice(1)}` : digits}`;
}

Typograf.addRule({
	name: 'fr/nbsp/highPunctuation',
	// Before `; : ! ? »` and after `«`: the space that is already there becomes a no-break space.
	handler: (text) => text.replace(/[ \t]+([;:!?»])/g, `${NBSP}$1`).replace(/«[ \t]+/g, `«${NBSP}`),
});
Typograf.addRule({
	name: 'fr/nbsp/phone',
	handler: (text) => text.replace(new RegExp(FRENCH_PHONE.source, 'g'), (phone) => phone.replace(/ /g, NBSP)),
});

const RULES = new Set(['common/nbsp/afterNumber', 'fr/nbsp/highPunctuation', 'fr/nbsp/phone']);
const typograf = new Typograf({
	locale: ['fr'],
	enableRule: ['common/nbsp/afterNumber'],
	ruleFilter: (rule) => RULES.has(rule.name),
	htmlEntity: { type: 'default' },
});

const cache = new Map<string, string>();

/**
 * Every text of a content entry typeset, the structure kept: what staff wrote in YAML and front matter
 * shows with French no-break spaces wherever it goes (pages, poster, feeds). Ids, dates and addresses
 * have no space for a rule to act on, so they come out unchanged.
 *
 * @example
 * typesetAll({ title: 'Attention : faux messages', services: ['etat-civil'] });
 * // { title: 'Attention\u00a0: faux messages', services: ['etat-civil'] }
 */
export function typesetAll<T>(value: T): T {
	if (typeof value === 'string') return typeset(value) as T;
	if (Array.isArray(value)) return value.map(typesetAll) as T;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typesetAll(item)])) as T;
	return value;
}

/**
 * Plain text from content, typeset and cut around its phone numbers, for a component to show each
 * number as a `tel:` link (markdown gets the same through its marked extension).
 *
 * @example
 * phoneParts('Appelez le 02 38 71 93 93.');
 * // [{ text: 'Appelez le ' }, { text: '02\u00a038\u00a071\u00a093\u00a093', href: 'tel:+33238719393' }, { text: '.' }]
 */
export function phoneParts(text: string): { text: string; href?: string }[] {
	const parts: { text: string; href?: string }[] = [];
	let rest = typeset(text);
	for (let match = FRENCH_PHONE.exec(rest); match; match = FRENCH_PHONE.exec(rest)) {
		if (match.index > 0) parts.push({ text: rest.slice(0, match.index) });
		parts.push({ text: match[0], href: telHref(match[0]) });
		rest = rest.slice(match.index + match[0].length);
	}
	if (rest) parts.push({ text: rest });
	return parts;
}

/** `text` with French no-break spaces (see the module comment). */
export function typeset(text: string): string {
	let done = cache.get(text);
	if (done === undefined) {
		// Typograf decodes character references (`&#0;` would become a NUL, `&#x3C;` a `<`): staff text is
		// text, so it never sees an `&` and what was typed is what shows.
		done = text.split('&').map((piece) => typograf.execute(piece)).join('&');
		if (cache.size < 10_000) cache.set(text, done);
	}
	return done;
}
