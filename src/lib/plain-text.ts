/**
 * Small text helpers shared by the feeds, the calendar and the machine-readable status files, so that
 * whatever staff type ends up inert in every format: HTML is escaped where HTML is built, text taken
 * from HTML has no tag left, and JSON cannot close a `<script>` it might be pasted into. HTML is only
 * ever read through a parser (htmlparser2, the one sanitize-html uses on the content).
 *
 * @example
 * escapeHtml('Tom & "Jerry" <b>');                  // 'Tom &amp; &quot;Jerry&quot; &lt;b&gt;'
 * htmlToText('<p>Venez <strong>à la mairie</strong> &amp; vite.</p>'); // 'Venez à la mairie & vite.'
 * inertText('3 < 5 et <b>gras</b>');                // '3 < 5 et ‹b>gras‹/b>'
 * safeJson({ title: '</script>' });                  // '{\n  "title": "\\u003c/script\\u003e"\n}\n'
 * @module
 */
import render from 'dom-serializer';
import { isTag, isText, type ChildNode, type Element, type Text } from 'domhandler';
import { decodeHTMLAttribute, escapeUTF8 } from 'entities';
import { DomUtils, parseDocument } from 'htmlparser2';

/** Text for HTML text or a double-quoted attribute: `&`, `<`, `>`, `"` and `'` escaped. */
export const escapeHtml = escapeUTF8;

/** Same escaping: the five XML entities cover what XML text and attribute values need. */
export const escapeXml = escapeUTF8;

/**
 * Text for places that are plain text but that some readers may still parse as HTML (RSS titles,
 * JSON fields shown by widgets): a `<` that could open a tag or a comment becomes `‹`, so no tag can
 * form; every other character, `3 < 5` included, is kept.
 */
export function inertText(text: string): string {
	return text.replace(/<(?=[a-zA-Z/!?])/g, '‹');
}

/** Elements after which the text starts a new paragraph, or a new line. */
const PARAGRAPH_END = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'pre', 'table', 'hr']);
const LINE_END = new Set(['li', 'tr', 'br']);
/** Elements whose content is not text (sanitize-html's `nonTextTags`). */
const NOT_TEXT = new Set(['script', 'style', 'textarea', 'option', 'xmp']);

/** Elements that hold other elements only: text directly inside them is source layout. */
const NO_TEXT_INSIDE = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'tr']);

const isBlock = (node: ChildNode | null): boolean => node !== null && isTag(node) && (PARAGRAPH_END.has(node.name) || node.name === 'li' || node.name === 'tr');

/** Whitespace between or around blocks, or inside a list or a table: how the HTML was laid out, not text. */
function isLayout(node: Text): boolean {
	if (node.data.trim() !== '') return false;
	const parent = node.parent && isTag(node.parent) ? node.parent.name : '';
	return NO_TEXT_INSIDE.has(parent) || !node.prev || !node.next || isBlock(node.prev) || isBlock(node.next);
}

/**
 * What an element adds after its text: a blank line, a line break, a space between table cells, or
 * nothing. A list inside a list item adds nothing, and an item whose text already ends a line adds
 * nothing more: a nested list does not leave a blank line.
 */
function endOf(element: Element, text: string): string {
	const inListItem = element.parent !== null && isTag(element.parent) && element.parent.name === 'li';
	if (inListItem && (element.name === 'ul' || element.name === 'ol')) return '';
	if (PARAGRAPH_END.has(element.name)) return '\n\n';
	if (element.name === 'br') return '\n';
	if (LINE_END.has(element.name)) return text.endsWith('\n') ? '' : '\n';
	return element.name === 'td' || element.name === 'th' ? ' ' : '';
}

/** The text of parsed nodes, with the line breaks their elements stand for and "- " before list items. */
function textOf(nodes: ChildNode[]): string {
	let text = '';
	for (const node of nodes) {
		if (isText(node)) {
			if (!isLayout(node)) text += node.data;
		} else if (isTag(node) && !NOT_TEXT.has(node.name)) {
			// A block after text on the same line (a list inside a list item) starts its own line.
			if (isBlock(node) && text !== '' && !text.endsWith('\n')) text += '\n';
			const inner = `${node.name === 'li' ? '- ' : ''}${textOf(node.children)}`;
			text += inner + endOf(node, inner);
		}
	}
	return text;
}

/**
 * The text of sanitised HTML: one line per paragraph or list item, no tag, entities decoded, spaces
 * collapsed. Scripts, styles and other non-text elements lose their content too. The result is then
 * made inert (see `inertText`), since decoding `&lt;b&gt;` gives back `<b>`.
 */
export function htmlToText(html: string): string {
	const lines = textOf(parseDocument(html).children)
		.split('\n')
		.map((line) => line.replace(/[ \t]+/g, ' ').trim());
	return inertText(lines.join('\n').replace(/\n{3,}/g, '\n\n').trim());
}

/**
 * JSON for a static file: indented, ending with a newline, and with `<`, `>`, `&` and the two JavaScript
 * line separators escaped, so the file stays inert even if someone inlines it in an HTML page. The
 * parsed value is unchanged.
 */
export function safeJson(value: unknown): string {
	return `${JSON.stringify(value, null, 2)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029')}\n`;
}

/**
 * Makes every `href` and `src` of sanitised HTML absolute, resolved against the page it was written for.
 * Everything else is written back as it came (entities as typed, `<img />` as sanitize-html writes it).
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
	const document = parseDocument(html, { decodeEntities: false });
	for (const element of DomUtils.findAll((e) => 'href' in e.attribs || 'src' in e.attribs, document.children)) {
		for (const name of ['href', 'src'] as const) {
			const value = element.attribs[name];
			if (value === undefined) continue;
			try {
				element.attribs[name] = escapeUTF8(new URL(decodeHTMLAttribute(value), pageUrl).href);
			} catch {
				// Not an address (sanitize-html lets through only those it can read): left as it is.
			}
		}
	}
	return render(document, { decodeEntities: false, selfClosingTags: true, emptyAttrs: true });
}
