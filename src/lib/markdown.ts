import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown written by staff becomes HTML that is safe to put in pages, feeds and JSON: whatever it
 * contains, no script, style, iframe, event attribute or `javascript:` link survives.
 *
 * @example
 * renderMarkdown('Venez **à la mairie**. <script>alert(1)</script>');
 * // → '<p>Venez <strong>à la mairie</strong>. </p>\n'
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

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
