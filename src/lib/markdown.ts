import { Marked, type TokenizerAndRendererExtension } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { FRENCH_PHONE, telHref, typeset } from './typography.ts';

/**
 * Markdown written by staff becomes HTML that is safe to put in pages, feeds and JSON: whatever it
 * contains, no script, style, iframe, event attribute or `javascript:` link survives. On the way, its
 * text gets French no-break spaces (`typeset`) and every French phone number becomes a `tel:` link,
 * both on marked's tokens, before any HTML exists.
 *
 * @example
 * renderMarkdown('Venez **à la mairie**. <script>alert(1)</script>');
 * // → '<p>Venez <strong>à la mairie</strong>. </p>\n'
 * renderInlineMarkdown('Appelez le 02 38 71 93 93 !');
 * // → 'Appelez le <a href="tel:+33238719393">02 38 71 93 93</a> !' (no-break spaces inside)
 */
const PHONE_AT_START = new RegExp(`^${FRENCH_PHONE.source}`);

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

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'del', 'abbr', 'img'],
	allowedAttributes: { a: ['href', 'title', 'hreflang', 'lang'], abbr: ['title'], img: ['src', 'alt', 'width', 'height'], th: ['scope'], '*': ['lang'] },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
};

export function renderMarkdown(markdown: string): string {
	return sanitizeHtml(marked.parse(markdown, { async: false }), SANITIZE);
}

/** For one-line fields: no paragraph around the text. */
export function renderInlineMarkdown(markdown: string): string {
	return sanitizeHtml(marked.parseInline(markdown, { async: false }), SANITIZE);
}
