import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { absolutizeHtml, escapeHtml, htmlToText, inertText, safeJson } from '../../src/lib/plain-text.ts';
import { absolute, siteRoot } from '../../src/lib/site-url.ts';

describe('text that some readers may parse as HTML cannot form a tag', () => {
	test.each([
		['a tag', '<b>gras</b>', '‹b>gras‹/b>'],
		['a script', '<script>alert(1)</script>', '‹script>alert(1)‹/script>'],
		['a comment', '<!-- x -->', '‹!-- x -->'],
		['a comparison stays as written', '3 < 5 et 5 > 3', '3 < 5 et 5 > 3'],
		['quotes, ampersand and emoji stay as written', `« a » "b" 'c' & 🚨`, `« a » "b" 'c' & 🚨`],
	])('%s', (_, input, output) => {
		expect(inertText(input)).toBe(output);
	});
});

test('HTML escaping covers the five special characters', () => {
	expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
});

describe('sanitised HTML becomes plain text', () => {
	test('one line per paragraph and list item, entities decoded', () => {
		expect(htmlToText(renderMarkdown('Venez **à la mairie** & vite.\n\n- un\n- deux\n\nFin < début.'))).toBe('Venez à la mairie & vite.\n\n- un\n- deux\n\nFin < début.');
	});
	test('decoded text is still inert', () => {
		expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('‹script>alert(1)‹/script>');
	});
	test.each([
		['a heading, a rule and a table end their block, table cells are apart', '<h2>Titre</h2><hr /><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>après', 'Titre\n\na b\nc\n\naprès'],
		['a line break starts a new line', '<p>ligne un<br />ligne deux</p>', 'ligne un\nligne deux'],
		['a nested list gives one line per item', '<ul>\n<li>un<ul>\n<li>sous-point</li>\n</ul>\n</li>\n<li>deux</li>\n</ul>', '- un\n- sous-point\n- deux'],
		['spaces and tabs collapse, soft line breaks stay', '<p>Venez \t  <em>vite</em>\n<strong>ici</strong></p>', 'Venez vite\nici'],
		['a script or a style gives no text', '<p>a</p><script>alert(1)</script><style>p{}</style>', 'a'],
		['every character reference is decoded', '<p>&eacute;t&eacute; &copy; &#8217;</p>', 'été © ’'],
	])('%s', (_, html, text) => {
		expect(htmlToText(html)).toBe(text);
	});
});

test('JSON stays inert if pasted into a page, and parses back to the same value', () => {
	const value = { title: '</script><script>alert(1)</script> & \u2028', n: 1 };
	const json = safeJson(value);
	expect(json).not.toMatch(/[<>&\u2028]/);
	expect(JSON.parse(json)).toEqual(value);
});

describe('links in feed items are absolute', () => {
	const page = 'https://ville.example/crise/actualites/a/';
	test.each([
		['a relative link', '<a href="../../services/x/">x</a>', '<a href="https://ville.example/crise/services/x/">x</a>'],
		['an anchor', '<a href="#fin">x</a>', '<a href="https://ville.example/crise/actualites/a/#fin">x</a>'],
		['an image', '<img src="plan.png" alt="plan" />', '<img src="https://ville.example/crise/actualites/a/plan.png" alt="plan" />'],
		['a query string keeps its escaped ampersand', '<a href="/x?a=1&amp;b=2">x</a>', '<a href="https://ville.example/x?a=1&amp;b=2">x</a>'],
		['an absolute link is unchanged', '<a href="https://autre.example/">x</a>', '<a href="https://autre.example/">x</a>'],
		['a phone link is unchanged', '<a href="tel:0200000000">x</a>', '<a href="tel:0200000000">x</a>'],
	])('%s', (_, html, expected) => {
		expect(absolutizeHtml(html, page)).toBe(expected);
	});
});

describe('absolute addresses respect the base path', () => {
	test.each([
		['https://ville.example/', '/', '/services/a/', 'https://ville.example/services/a/'],
		['https://ville.example/', '/crise/', '/services/a/', 'https://ville.example/crise/services/a/'],
		['https://ville.example/', '/crise', '/', 'https://ville.example/crise/'],
		['https://ville.example/crise/', '/crise/', '/en/rss.xml', 'https://ville.example/crise/en/rss.xml'],
	])('site %s, base %s, path %s', (site, base, path, url) => {
		expect(absolute(siteRoot(site, base), path)).toBe(url);
	});
});
