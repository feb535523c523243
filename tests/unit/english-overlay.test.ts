import { describe, expect, test } from 'vitest';
import { loadContent, type SiteContent } from '../../src/lib/content.ts';
import { FIXTURE } from '../support/fixture-site.ts';

const content = loadContent(FIXTURE).content as SiteContent;
const service = content.serviceById.get('etat-civil')!;

// The fixture's English files translate a few fields only: everything they leave out shows in French.
describe.each<{ field: string; of: (lang: 'fr' | 'en') => unknown }>([
	{ field: "a service alternative's things to bring", of: (lang) => service.data[lang].alternative?.bring },
	{ field: 'what still works in a service', of: (lang) => service.data[lang].works },
	{ field: 'the things the town never asks for', of: (lang) => content.settings.data[lang].neverAsk },
])('an English file that leaves out $field', ({ of }) => {
	test('shows the French text on English pages, never an empty list', () => {
		expect(of('fr')).not.toEqual([]);
		expect(of('en')).toEqual(of('fr'));
	});
});

test('a field the English file gives replaces the French one', () => {
	expect(service.data.en.name).toBe('Civil registry');
	expect(service.data.en.alternative?.summary).toBe('Declarations at the town hall counter, on paper.');
});
