import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { phoneParts, telHref, typeset, typesetAll } from '../../src/lib/typography.ts';

const NB = '\u00a0';

describe('French no-break spaces in plain text', () => {
	test.each([
		['Attention : lisez.', `Attention${NB}: lisez.`],
		['Vraiment ? Oui ! Ensuite ; fin', `Vraiment${NB}? Oui${NB}! Ensuite${NB}; fin`],
		['« Oui »', `«${NB}Oui${NB}»`],
		['appelez le 02 38 71 93 93.', `appelez le 02${NB}38${NB}71${NB}93${NB}93.`],
		['+33 2 38 71 93 93', `+33${NB}2${NB}38${NB}71${NB}93${NB}93`],
		['à 5 km, sous 10 jours', `à 5${NB}km, sous 10${NB}jours`],
		['Venez ', 'Venez '],
		['English: no change', 'English: no change'],
		// Character references are text as typed: never decoded into a NUL or a `<`.
		['&#0; &#x3C;b&#x3E; &nbsp;&amp; : fin', `&#0; &#x3C;b&#x3E; &nbsp;&amp;${NB}: fin`],
	])('%j reads %j', (input, expected) => {
		expect(typeset(input)).toBe(expected);
	});
});

describe('phone numbers become tel: links', () => {
	test.each([
		['02 38 71 93 93', 'tel:+33238719393'],
		['02.38.71.93.93', 'tel:+33238719393'],
		['+33 6 12 34 56 78', 'tel:+33612345678'],
	])('%s dials %s', (phone, href) => {
		expect(telHref(phone)).toBe(href);
	});
	test('a number written in content is a link that does not break', () => {
		const html = renderMarkdown('Appelez le **standard** au 02 38 71 93 93 : il répond.');
		expect(html).toContain(`<a href="tel:+33238719393">02${NB}38${NB}71${NB}93${NB}93</a>${NB}: il répond.`);
	});
	test('a number inside a link or code is left as written', () => {
		expect(renderMarkdown('[le 02 38 71 93 93](https://example.org/)')).not.toContain('tel:');
		expect(renderMarkdown('`02 38 71 93 93`')).not.toContain('tel:');
	});
	test('a longer digit run is not a phone number', () => {
		expect(renderMarkdown('Dossier 1202 38 71 93 935')).not.toContain('tel:');
	});
	test('markup-looking text stays inert after typesetting', () => {
		expect(renderMarkdown('a &lt;b&gt; : 3 < 4')).not.toMatch(/<b>/);
	});
});

describe('plain content text keeps its phone numbers callable', () => {
	test('a summary is cut around its number', () => {
		expect(phoneParts('Appelez le 02 38 71 93 93, ou venez.')).toEqual([
			{ text: 'Appelez le ' },
			{ text: `02${NB}38${NB}71${NB}93${NB}93`, href: 'tel:+33238719393' },
			{ text: ', ou venez.' },
		]);
	});
	test('text without a number is one part, typeset', () => {
		expect(phoneParts('Fermé : revenez lundi')).toEqual([{ text: `Fermé${NB}: revenez lundi` }]);
	});
});

describe('content entries are typeset throughout, their ids and dates untouched', () => {
	test('titles and lists get their no-break spaces; ids, dates and addresses stay as written', () => {
		const entry = { title: 'Attention : faux messages', date: '2024-06-25T09:00+02:00', services: ['etat-civil'], url: 'https://ville.example/a?b=1', rounds: [{ name: 'Premier tour !', opens: '08:00' }] };
		expect(typesetAll(entry)).toEqual({ ...entry, title: `Attention${NB}: faux messages`, rounds: [{ name: `Premier tour${NB}!`, opens: '08:00' }] });
	});
});
