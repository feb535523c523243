import sanitizeHtml from 'sanitize-html';

/**
 * Small text helpers shared by the feeds, the calendar and the machine-readable status files, so that
 * whatever staff type ends up inert in every format: HTML is escaped where HTML is built, text taken
 * from HTML has no tag left, and JSON cannot close a `<script>` it might be pasted into.
 *
 * @example
 * escapeHtml('Tom & "Jerry" <b>');                  // 'Tom &amp; &quot;Jerry&quot; &lt;b&gt;'
 * htmlToText('<p>Venez <strong>à la mairie</strong> &amp; vite.</p>'); // 'Venez à la mairie & vite.'
 * inertText('3 < 5 et <b>gras</b>');                // '3 < 5 et ‹b>gras‹/b>'
 * safeJson({ title: '</script>' });                  // '{\n  "title": "\\u003c/script\\u003e"\n}\n'
 */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Same escaping: the five XML entities cover what XML text and attribute values need. */
export const escapeXml = escapeHtml;

/**
 * Text for places that are plain text but that some readers may still parse as HTML (RSS titles,
 * JSON fields shown by widgets): a `<` that could open a tag or a comment becomes `‹`, so no tag can
 * form; every other character, `3 < 5` included, is kept.
 */
export function inertText(text: string): string {
	return text.replace(/<(?=[a-zA-Z/!?])/g, '‹');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' };

/**
 * The text of sanitised HTML: one line per paragraph or list item, no tag, entities decoded. Scripts,
 * styles and other non-text elements lose their content too (sanitize-html drops it). The result is
 * then made inert (see `inertText`), since decoding `&lt;b&gt;` gives back `<b>`.
 */
export function htmlToText(html: string): string {
	const marked = html
		.replace(/>\s*\n\s*</g, '><')
		.replace(/<\/(p|h[1-6]|ul|ol|blockquote|pre|table)>|<hr\s*\/?>/gi, (tag) => `${tag}\n\n`)
		.replace(/<\/(li|tr)>|<br\s*\/?>/gi, (tag) => `${tag}\n`)
		.replace(/<li>/gi, '<li>- ');
	const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} }).replace(/&(#39|[a-z]+);/g, (entity, name: string) => ENTITIES[name] ?? entity);
	return inertText(
		text
			.split('\n')
			.map((line) => line.replace(/[ \t]+/g, ' ').trim())
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim(),
	);
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

/** Makes every `href` and `src` of sanitised HTML absolute, resolved against the page it was written for. */
export function absolutizeHtml(html: string, pageUrl: string): string {
	return html.replace(/(\s(?:href|src)=")([^"]*)(")/g, (whole, before: string, value: string, after: string) => {
		const raw = value.replace(/&(#39|[a-z]+);/g, (entity, name: string) => ENTITIES[name] ?? entity);
		try {
			return `${before}${escapeHtml(new URL(raw, pageUrl).href)}${after}`;
		} catch {
			return whole;
		}
	});
}
