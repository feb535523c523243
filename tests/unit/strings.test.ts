import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, test } from 'vitest';
import { staff } from '../../src/i18n/staff.ts';
import { dates, LANGS, t, ui, type Lang } from '../../src/i18n/ui.ts';

const NB = '\u00a0';

describe('counts take the plural their language wants, never "(s)"', () => {
	test.each<[Lang, number, string]>([
		['fr', 0, `0${NB}service sur 10${NB}fonctionne autrement.`],
		['fr', 1, `1${NB}service sur 10${NB}fonctionne autrement.`],
		['fr', 2, `2${NB}services sur 10${NB}fonctionnent autrement.`],
		// CLDR puts a million in French's "many": said with the "other" words, the digits grouped.
		['fr', 1_000_000, `1\u202f000\u202f000${NB}services sur 10${NB}fonctionnent autrement.`],
		['en', 1, '1 of 10 services works differently.'],
		['en', 2, '2 of 10 services work differently.'],
	])('%s, %i', (lang, n, sentence) => {
		expect(t(lang, 'situation.affected', { n, total: 10 })).toBe(sentence);
	});
	test.each<[Lang, number, string]>([
		['fr', 1, '✓ Contenu valide : 1 service, 1 actualité publiée, 1 lieu, 1 élection.'],
		['fr', 2, '✓ Contenu valide : 2 services, 2 actualités publiées, 2 lieux, 2 élections.'],
		['en', 1, '✓ Content is valid: 1 service, 1 published update, 1 place, 1 election.'],
		['en', 0, '✓ Content is valid: 0 services, 0 published updates, 0 places, 0 elections.'],
	])('a staff message with several counts, %s, %i of each', (lang, n, sentence) => {
		expect(t(lang, 'check.valid', { services: n, updates: n, places: n, elections: n })).toBe(sentence);
	});
});

describe('arguments are filled in as given', () => {
	test.each<[Lang, string]>([
		['fr', 'Actualités — Saint-Jean'],
		['en', 'Updates — Saint-Jean'],
	])('%s', (lang, title) => {
		expect(t(lang, 'feed.all', { town: 'Saint-Jean' })).toBe(title);
	});
	test('a value that looks like a message or markup stays text', () => {
		expect(t('en', 'feed.all', { town: "{n, plural, other {#}} <b>O'Hara</b>" })).toBe("Updates — {n, plural, other {#}} <b>O'Hara</b>");
	});
});

describe('French typography is applied by t(), for residents only', () => {
	test.each<[string, Lang, string]>([
		['residents, French: no-break space before the colon', 'fr', `Dernière mise à jour${NB}:`],
		['residents, English: as written', 'en', 'Last updated:'],
	])('%s', (_, lang, text) => {
		expect(t(lang, 'banner.lastUpdated')).toBe(text);
	});
	test('staff, French: plain spaces, so that a path or a command copied from the terminal works', () => {
		expect(t('fr', 'verify.trustedList', { file: 'content/signing/allowed_signers' })).toBe('Liste de confiance : content/signing/allowed_signers');
	});
});

test('a key in neither catalogue is refused by the type checker, and by t() if it gets through', () => {
	// @ts-expect-error: not a message key
	expect(() => t('fr', 'status.nonexistent')).toThrow('status.nonexistent');
});

/** The argument names of an ICU message, plural branches included. */
function argumentsOf(message: string, lang: Lang): string[] {
	type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };
	const names = new Set<string>();
	const walk = (elements: Element[]) => {
		for (const element of elements) {
			if (typeof element.value === 'string' && element.type !== 0 && element.type !== 7) names.add(element.value);
			for (const option of Object.values(element.options ?? {})) walk(option.value);
		}
	};
	walk(new IntlMessageFormat(message, lang, undefined, { ignoreTag: true }).getAst() as Element[]);
	return [...names].sort();
}

describe.each([
	['residents', ui],
	['dates', dates],
	['staff', staff],
] as const)('the %s catalogue', (_, catalogue) => {
	test.each(Object.keys(catalogue.fr))('%s takes the same arguments in French and English', (key) => {
		const [fr, en] = LANGS.map((lang) => argumentsOf((catalogue[lang] as Record<string, string>)[key]!, lang));
		expect(en).toEqual(fr);
	});
});
