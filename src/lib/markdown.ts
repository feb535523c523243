/**
 * Markdown written by staff becomes HTML that is safe to put in pages, feeds and JSON: whatever it
 * contains, no script, style, iframe, event attribute or `javascript:` link survives. On the way, its
 * text gets French no-break spaces (`typeset`) and every French phone number becomes a `tel:` link,
 * both on marked's tokens, before any HTML exists.
 * @module
 */
import { Lexer, Marked, Tokenizer, type TokenizerAndRendererExtension } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { FRENCH_PHONE, telHref, typeset } from './typography.ts';

const PHONE_AT_START = new RegExp(`^${FRENCH_PHONE.source}`);

/** Marked extension: a French phone number in the text becomes a `tel:` link. */
const phoneLinks: TokenizerAndRendererExtension = {
	name: 'phone',
	level: 'inline',
	start: (src) => src.search(FRENCH_PHONE),
	tokenizer(src) {
		// A number already inside a link's text stays plain text: no link in a link.
		if (this.lexer.state.inLink) return undefined;
		const match = PHONE_AT_START.exec(src);
		return match ? { type: 'phone', raw: match[0], text: match[0] } : undefined;
	},
	renderer: (token) => `<a href="${telHref(token.text as string)}">${typeset(token.text as string)}</a>`,
};

/** Longest markdown text (a field or an update's body) the site accepts: some 15 printed pages. */
export const MARKDOWN_MAX_CHARS = 50_000;

/**
 * marked's GFM rules look for a bare email address (`accueil@ville.fr`) at every position of a text
 * by scanning the whole run of address characters ahead for an `@`: in a long run without one
 * (`_a_a_a…`, 200,000 characters) that is quadratic, 55 s for one body. An address's local part is at
 * most 64 characters (RFC 5321), so scanning further can never find one: the same rules, bounded.
 */
const boundedInline = (() => {
	const { url, text } = Lexer.rules.inline.gfm;
	const bound = (rule: RegExp) => new RegExp(rule.source.replaceAll(']+@', ']{1,64}@').replaceAll(']+(@)', ']{1,64}(@)'), rule.flags);
	return { url: bound(url), text: bound(text) };
})();
type TokenizerThis = InstanceType<typeof Tokenizer>;
const boundedThis = new WeakMap<TokenizerThis, { rules: TokenizerThis['rules']; self: TokenizerThis }>();
/** `this` for marked's own tokenizer method, with the bounded rules in place of the GFM ones. */
function bounded(tokenizer: TokenizerThis): TokenizerThis {
	const known = boundedThis.get(tokenizer);
	if (known?.rules === tokenizer.rules) return known.self;
	const self = Object.assign(Object.create(tokenizer) as TokenizerThis, { rules: { ...tokenizer.rules, inline: { ...tokenizer.rules.inline, ...boundedInline } } });
	boundedThis.set(tokenizer, { rules: tokenizer.rules, self });
	return self;
}

const marked = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	extensions: [phoneLinks],
	walkTokens: (token) => {
		// Leaf text only: a text token with children is typeset through them.
		if (token.type === 'text' && !('tokens' in token && token.tokens)) token.text = typeset(token.text);
	},
});
marked.use({
	tokenizer: {
		url(src) {
			return Tokenizer.prototype.url.call(bounded(this as TokenizerThis), src);
		},
		inlineText(src) {
			return Tokenizer.prototype.inlineText.call(bounded(this as TokenizerThis), src);
		},
	},
});

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'del', 'abbr', 'img'],
	allowedAttributes: { a: ['href', 'title', 'hreflang', 'lang'], abbr: ['title'], img: ['src', 'alt', 'width', 'height'], th: ['scope'], '*': ['lang'] },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
};

// The check renders every markdown text once to prove it can be shown (see `markdownProblem`); pages,
// feeds and the calendar then reuse that result instead of rendering the same text again, deeper in
// the stack. The build holds two copies of this module (config and page bundle), hence globalThis.
const CACHE = Symbol.for('town-status-site.markdown');
const caches = ((globalThis as { [CACHE]?: { block: Map<string, string>; inline: Map<string, string> } })[CACHE] ??= { block: new Map(), inline: new Map() });
const rendered = caches.block;
const renderedInline = caches.inline;
function memo(cache: Map<string, string>, markdown: string, render: () => string): string {
	let html = cache.get(markdown);
	if (html === undefined) cache.set(markdown, (html = render()));
	return html;
}

/**
 * Staff markdown as safe, typeset HTML (computed once per text).
 *
 * @example
 * renderMarkdown('Venez **à la mairie**. <script>alert(1)</script>');
 * // → '<p>Venez <strong>à la mairie</strong>. </p>\n'
 */
export function renderMarkdown(markdown: string): string {
	return memo(rendered, markdown, () => sanitizeHtml(marked.parse(markdown, { async: false }), SANITIZE));
}

/**
 * `renderMarkdown` for one-line fields: no paragraph around the text.
 *
 * @example
 * renderInlineMarkdown('Appelez le 02 38 71 93 93 !');
 * // → 'Appelez le <a href="tel:+33238719393">02 38 71 93 93</a> !' (no-break spaces inside)
 */
export function renderInlineMarkdown(markdown: string): string {
	return memo(renderedInline, markdown, () => sanitizeHtml(marked.parseInline(markdown, { async: false }), SANITIZE));
}

/**
 * Why a markdown text cannot be published, if it cannot: `size` beyond `MARKDOWN_MAX_CHARS`, or
 * `nesting` when quotes, lists or emphasis sit inside one another deeper than the renderer can go
 * (3,000 nested `> ` overflow its stack). Rendering is the only exact test of the second, so the text
 * is rendered here; the result is kept for the pages.
 *
 * @example
 * markdownProblem('> '.repeat(3000) + 'x'); // → 'nesting'
 * markdownProblem('Bonjour.'); // → undefined
 */
export function markdownProblem(markdown: string): 'size' | 'nesting' | undefined {
	if (markdown.length > MARKDOWN_MAX_CHARS) return 'size';
	try {
		renderMarkdown(markdown);
		return undefined;
	} catch (error) {
		if (error instanceof RangeError || (error instanceof Error && /call stack/i.test(error.message))) return 'nesting';
		throw error;
	}
}
