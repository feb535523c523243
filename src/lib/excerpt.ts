import { htmlToText } from './plain-text.ts';

const segmenters = new Map<string, Intl.Segmenter>();
// Every list page shows the excerpts of the same updates: each is cut once, by language and length.
const excerpts = new Map<string, Map<string, string>>();

/**
 * The first sentence of a plain text, for places that show one sentence and link to the rest.
 * Sentences are cut by `Intl.Segmenter`, so "8 h 30." does not end it early; a first sentence
 * longer than `max` characters is cut at a word and ends with "…".
 *
 * @example
 * firstSentence('Par courrier. Le délai court toujours.', 'fr'); // 'Par courrier.'
 */
export function firstSentence(text: string, lang: string, max = 200): string {
	let segmenter = segmenters.get(lang);
	if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })));
	const first = ([...segmenter.segment(text.trim())][0]?.segment ?? '').trim();
	if (first.length <= max) return first;
	return `${first.slice(0, first.lastIndexOf(' ', max - 1)).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * The first sentence of rendered markdown, as plain text, for lists that show a one-sentence excerpt
 * (see `firstSentence`): taken from the first paragraph with its soft line breaks joined, or from the
 * first item of a list.
 *
 * @example
 * excerpt('<p>La mairie reste ouverte. Venez au guichet.</p>', 'fr'); // 'La mairie reste ouverte.'
 */
export function excerpt(html: string, lang: string, max = 200): string {
	let made = excerpts.get(`${lang}|${max}`);
	if (!made) excerpts.set(`${lang}|${max}`, (made = new Map()));
	let text = made.get(html);
	if (text === undefined) made.set(html, (text = excerptOf(html, lang, max)));
	return text;
}

function excerptOf(html: string, lang: string, max: number): string {
	const block = htmlToText(html).split('\n\n')[0] ?? '';
	const text = block.startsWith('- ') ? (block.split('\n')[0] ?? '').slice(2) : block.replace(/\n/g, ' ');
	return firstSentence(text, lang, max);
}
