import { describe, expect, test } from 'vitest';
import { toEpoch } from '../../src/lib/dates.ts';
import { excerpt } from '../../src/lib/excerpt.ts';
import { groupByDay } from '../../src/lib/group-by-day.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { stationsByPlace } from '../../src/lib/polling-stations.ts';
import { situationOf, situationSentence, telHref } from '../../src/lib/situation.ts';
import type { Contact } from '../../src/schemas/settings.ts';

const contact = (kind: Contact['kind'], working = true, value = '02 38 71 93 93'): Contact => ({ kind, label: kind, value, working });

describe('the situation sentence says what is true, with real plurals', () => {
	test.each([
		['an open town hall, 8 of 10 services affected', [contact('counter'), contact('phone')], 8, 10, 'fr', 'La mairie est ouverte. 8 services sur 10 fonctionnent autrement.'],
		['one service affected takes the singular', [contact('counter')], 1, 10, 'fr', 'La mairie est ouverte. 1 service sur 10 fonctionne autrement.'],
		['a closed town hall', [contact('counter', false)], 3, 4, 'fr', 'La mairie est fermée. 3 services sur 4 fonctionnent autrement.'],
		['no counter listed: nothing said about opening', [contact('phone')], 2, 3, 'fr', '2 services sur 3 fonctionnent autrement.'],
		['everything working', [contact('counter')], 0, 5, 'fr', 'La mairie est ouverte. Tous les services fonctionnent normalement.'],
		['in English', [contact('counter')], 8, 10, 'en', 'The town hall is open. 8 of 10 services work differently.'],
		['in English, singular', [contact('counter')], 1, 10, 'en', 'The town hall is open. 1 of 10 services works differently.'],
	] as const)('%s', (_, contacts, affected, total, lang, sentence) => {
		// Read as spoken: French carries no-break spaces ("8 services", "ouverte.").
		expect(situationSentence(situationOf([...contacts], { affected, total }), lang).replace(/\u00a0/g, ' ')).toBe(sentence);
	});
});

describe('the number to call now', () => {
	test('is the first working phone, skipping those nobody answers', () => {
		const contacts = [contact('email'), contact('phone', false, '01 00 00 00 00'), contact('phone', true, '06 39 98 12 45')];
		expect(situationOf(contacts, { affected: 1, total: 2 }).call?.value).toBe('06 39 98 12 45');
	});
	test('is absent when no phone works', () => {
		expect(situationOf([contact('phone', false)], { affected: 1, total: 2 }).call).toBeUndefined();
	});
	test.each([
		['02 38 71 93 93', 'tel:+33238719393'],
		['06.39.98.12.45', 'tel:+33639981245'],
		['+44 20 7946 0000', 'tel:+442079460000'],
		['3117', 'tel:3117'],
	])('%s dials %s', (number, href) => {
		expect(telHref(number)).toBe(href);
	});
});

describe('an update excerpt is its first sentence, as plain text', () => {
	test.each([
		['two sentences', 'La mairie reste **ouverte**. Venez au guichet.', 'La mairie reste ouverte.'],
		['a sentence over two source lines', 'Depuis ce jeudi, deux ordinateurs\nneufs sont en service. Autre phrase.', 'Depuis ce jeudi, deux ordinateurs neufs sont en service.'],
		['a list first', '- votre mot de passe ;\n- votre RIB.', 'votre mot de passe ;'],
		['a sentence over 200 characters is cut at a word, 200 characters at most', `${'mot '.repeat(80)}fin.`, `${'mot '.repeat(50).trim()}…`],
	])('%s', (_, markdown, expected) => {
		expect(excerpt(renderMarkdown(markdown), 'fr').replace(/\u00a0/g, ' ')).toBe(expected);
	});
});

describe('updates are grouped by day in the town\'s time zone', () => {
	test('late evening in Paris stays on its Paris day, and order is kept', () => {
		const dates = ['2024-06-28T23:30+02:00', '2024-06-28T09:00+02:00', '2024-06-27T00:10+02:00'].map(toEpoch);
		const groups = groupByDay(dates, (d) => d, 'Europe/Paris');
		expect(groups.map((g) => [g.day, g.items.length])).toEqual([['2024-06-28', 2], ['2024-06-27', 1]]);
	});
});

describe('polling stations are grouped by place and area', () => {
	test('two stations in one school make one line, a different area another', () => {
		expect(stationsByPlace([
			{ number: 1, place: 'ecole-a', area: 'Nord' },
			{ number: 2, place: 'ecole-a', area: 'Nord' },
			{ number: 3, place: 'ecole-a', area: 'Sud' },
			{ number: 4, place: 'gymnase' },
		])).toEqual([
			{ place: 'ecole-a', area: 'Nord', numbers: [1, 2] },
			{ place: 'ecole-a', area: 'Sud', numbers: [3] },
			{ place: 'gymnase', area: undefined, numbers: [4] },
		]);
	});
});
