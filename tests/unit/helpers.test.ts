import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { formatDateTime, formatTime, isoInZone, plainToEpoch, toEpoch } from '../../src/lib/dates.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { overlay } from '../../src/lib/overlay.ts';
import { paginate } from '../../src/lib/paginate.ts';
import { problemsPage } from '../../src/lib/preview-problems.ts';
import { message, quoted, type Problem } from '../../src/lib/problems.ts';
import { routes, withBase } from '../../src/i18n/routes.ts';

describe('times are shown in the town\'s zone, whatever the machine\'s', () => {
	test.each([
		['summer, written in Paris time', '2024-06-24T08:30+02:00', 'fr', 'lundi 24 juin 2024 à 8\u00a0h\u00a030', '2024-06-24T08:30:00+02:00'],
		['summer, written in UTC', '2024-06-24T06:30Z', 'fr', 'lundi 24 juin 2024 à 8\u00a0h\u00a030', '2024-06-24T08:30:00+02:00'],
		['winter', '2024-12-02T09:00+01:00', 'en', 'Monday 2 December 2024 at 09:00', '2024-12-02T09:00:00+01:00'],
	] as const)('%s', (_, input, lang, text, iso) => {
		const epoch = toEpoch(input);
		expect(formatDateTime(epoch, lang, 'Europe/Paris').replace(',', '')).toBe(text);
		expect(isoInZone(epoch, 'Europe/Paris')).toBe(iso);
	});
	test('a polling day and hour become the right moment', () => {
		expect(isoInZone(plainToEpoch('2024-06-30', '08:00', 'Europe/Paris'), 'UTC')).toBe('2024-06-30T06:00:00+00:00');
	});
	test.each([['08:00', 'fr', '8\u00a0h'], ['13:30', 'fr', '13\u00a0h\u00a030'], ['08:00', 'en', '08:00']] as const)('%s in %s reads %s', (time, lang, text) => {
		expect(formatTime(time, lang)).toBe(text);
	});
});

describe('staff markdown is rendered and made inert', () => {
	test.each([
		['a script tag', 'Bonjour <script>alert(1)</script>', '<script'],
		['an event attribute', '<img src="x.png" onerror="alert(1)">', 'onerror'],
		['a javascript: link', '[clic](javascript:alert(1))', 'javascript:'],
		['an iframe', '<iframe src="https://evil.example"></iframe>', '<iframe'],
		['a style block', '<style>body{display:none}</style>', '<style'],
	])('%s is removed', (_, markdown, forbidden) => {
		expect(renderMarkdown(markdown).toLowerCase()).not.toContain(forbidden);
	});
	test('ordinary formatting survives', () => {
		expect(renderMarkdown('Venez **à la mairie** : [horaires](https://ville.example/).')).toBe('<p>Venez <strong>à la mairie</strong>\u00a0: <a href="https://ville.example/">horaires</a>.</p>\n');
	});
});

describe('translations lie over the French data', () => {
	test.each([
		['a missing translation keeps the French', { name: 'Mairie' }, undefined, { name: 'Mairie' }],
		['a field is replaced', { name: 'Mairie', address: '1 rue' }, { name: 'Town hall' }, { name: 'Town hall', address: '1 rue' }],
		['lists of objects merge item by item', { rounds: [{ name: 'Premier tour', date: '2024-06-30' }] }, { rounds: [{ name: 'First round' }] }, { rounds: [{ name: 'First round', date: '2024-06-30' }] }],
		['lists of text are replaced', { bring: ['Pièce d’identité', 'Livret'] }, { bring: ['ID'] }, { bring: ['ID'] }],
	])('%s', (_, base, translation, expected) => {
		expect(overlay(base, translation)).toEqual(expected);
	});
});

describe('the archive is paginated', () => {
	test.each([
		[0, [0]],
		[20, [20]],
		[21, [20, 1]],
		[45, [20, 20, 5]],
	])('%i updates make pages of %j', (count, sizes) => {
		const pages = paginate(Array.from({ length: count }, (_, i) => i), 20);
		expect(pages.map((p) => p.items.length)).toEqual(sizes);
		expect(pages.every((p) => p.lastPage === sizes.length)).toBe(true);
	});
});

describe('links work under a sub-path', () => {
	test.each([
		['/', '/services/etat-civil/', '/services/etat-civil/'],
		['/ville/', '/services/etat-civil/', '/ville/services/etat-civil/'],
		['/ville', '/en/', '/ville/en/'],
	])('base %s', (base, path, expected) => {
		expect(withBase(base, path)).toBe(expected);
	});
	test('French and English slugs differ, ids do not', () => {
		expect([routes('fr').update('a'), routes('en').update('a'), routes('en').updates(3)]).toEqual(['/actualites/a/', '/en/updates/a/', '/en/updates/page/3/']);
	});
});

describe('the live preview says what is wrong in the content, as text', () => {
	const problem = (file: string): Problem => ({ severity: 'error', file, line: 4, field: 'kind', expected: message('expected.type.string'), found: quoted('<img src=x onerror=alert(1)>') });
	test.each([
		['fr', 'Le contenu a des erreurs', '2 erreurs dans le contenu'],
		['en', 'The content has errors', '2 errors in the content'],
	] as const)('in %s: a title, the count and one item per error, warnings left out', (lang, title, count) => {
		const page = parseDocument(problemsPage([problem('content/updates/a.md'), problem('content/updates/b.md'), { ...problem('content/pages/c.md'), severity: 'warning' }], { lang, base: '/' }));
		expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'h1', page.children)!)).toBe(title);
		expect(DomUtils.textContent(page)).toContain(count);
		expect(DomUtils.findAll((e) => e.name === 'li', page.children).map((li) => DomUtils.textContent(li).split(':')[0])).toEqual(['content/updates/a.md', 'content/updates/b.md']);
	});
	test('what staff typed, in a file name or a value, stays text: no element comes from it', () => {
		const page = parseDocument(problemsPage([problem('content/updates/<script>alert(1)</script>.md')], { lang: 'fr', base: '/ville/' }));
		expect(DomUtils.findAll((e) => e.name === 'img', page.children)).toEqual([]);
		expect(DomUtils.findAll((e) => e.name === 'script', page.children).map((s) => s.attribs.src)).toEqual(['/ville/@vite/client']);
		expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'li', page.children)!)).toContain('<script>alert(1)</script>.md:4');
		// A guillemet stays on the line of its word.
		expect(DomUtils.textContent(page)).toContain('«\u00a0<img src=x onerror=alert(1)>\u00a0»');
	});
});
