import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';

/**
 * Security headers and hosting files, generated with every build (pure functions; the Astro
 * integration in ./integration.ts writes them). The site loads nothing from another origin, so
 * the policy allows `'self'` only, plus the exact hashes of the inline `<style>` and `<script>`
 * elements of the rendered pages (hashed as each page is rendered, by src/middleware.ts).
 */

/** A `'sha256-…'` CSP source for an inline element's text. Browsers hash the text after turning CR LF into LF. */
export function cspHash(text: string): string {
	return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

export interface PageInline {
	/** Hashes of the inline `<script>` elements (without `src`). */
	scripts: string[];
	/** Hashes of the `<style>` elements. */
	styles: string[];
	/** Whether the page has any `<script>` element that runs, inline or not. */
	hasScripts: boolean;
}

/** Script types that are data, not code: browsers never run them, so they need no hash. */
const DATA_SCRIPT = /^application\/(ld\+)?json$/i;

/**
 * Reads a page with a real HTML parser (htmlparser2, the one sanitize-html uses on the content):
 * only `<script>` and `<style>` elements count, never the same text inside an attribute, a title or
 * a paragraph, where content may put it. Also says where the page's own policy must go: right after
 * `<meta charset>`, else right after `<head>`, so that it comes before any style or script.
 */
function parsePage(html: string): { inline: PageInline; policyAt: number | undefined } {
	const styles = new Set<string>();
	const scripts = new Set<string>();
	let hasScripts = false;
	let policyAt: number | undefined;
	let inHead = false;
	let open: { tag: string; hashed: boolean; text: string } | undefined;
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (name === 'head' && policyAt === undefined) {
					inHead = true;
					policyAt = parser.endIndex + 1;
				} else if (name === 'meta' && inHead && 'charset' in attributes) policyAt = parser.endIndex + 1;
				else if (name === 'style') open = { tag: name, hashed: true, text: '' };
				else if (name === 'script') {
					const data = DATA_SCRIPT.test((attributes.type ?? '').trim());
					hasScripts ||= !data;
					// A script with a src runs the file, not its text.
					open = { tag: name, hashed: !data && !('src' in attributes), text: '' };
				}
			},
			ontext(text) {
				if (open) open.text += text;
			},
			onclosetag(name) {
				if (name === 'head') inHead = false;
				if (open?.tag !== name) return;
				if (open.hashed) (name === 'style' ? styles : scripts).add(cspHash(open.text));
				open = undefined;
			},
		},
		// Hashes are of the text as written, entities included, as browsers compute them.
		{ decodeEntities: false },
	);
	parser.end(html);
	return { inline: { styles: [...styles].sort(), scripts: [...scripts].sort(), hasScripts }, policyAt };
}

/**
 * Finds the inline styles and scripts of an HTML page and hashes them.
 *
 * @example
 * inlineElements('<style>p{}</style><script src="/a.js"></script>');
 * // → { styles: ["'sha256-…'"], scripts: [], hasScripts: true }
 */
export function inlineElements(html: string): PageInline {
	return parsePage(html).inline;
}

/**
 * Gives a rendered page its own Content-Security-Policy and referrer policy as `<meta>` elements
 * (for hosts that cannot send headers), always, right after `<meta charset>`. Returns the page and
 * what its policy allows, for the site-wide headers. A page without `<head>` cannot be protected:
 * that is an error, never a page without policy.
 *
 * @example
 * securePage('<html><head><meta charset="utf-8"><style>p{}</style></head></html>').html;
 * // → '<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src \'self\'; script-src \'none\'; …"><meta name="referrer" …><style>…'
 */
export function securePage(html: string): { html: string; inline: PageInline } {
	const { inline, policyAt } = parsePage(html);
	if (policyAt === undefined) throw new Error('the page has no <head>, so its Content-Security-Policy cannot be added');
	const tags = `<meta http-equiv="content-security-policy" content="${contentSecurityPolicy(inline, { forMeta: true })}"><meta name="referrer" content="no-referrer">`;
	return { html: html.slice(0, policyAt) + tags + html.slice(policyAt), inline };
}

/**
 * Most hashes one directive may list. Inline styles and scripts come only from the site's code
 * (content cannot add any), so a few dozen is already far more than it has; past that, headers grow
 * beyond what some hosts accept. The build fails rather than relax the policy.
 */
export const MAX_HASHES = 40;

/** The build stops with this when a policy would need more than MAX_HASHES hashes. */
export class TooManyHashesError extends Error {}

/**
 * The Content-Security-Policy. `forMeta` leaves out what a `<meta>` policy cannot carry
 * (`frame-ancestors` is ignored there), and a page without any script gets `script-src 'none'`.
 * Pagefind (the search page) needs `'wasm-unsafe-eval'` to run its WebAssembly index. Never
 * `'unsafe-inline'`: more than MAX_HASHES hashes throws a TooManyHashesError.
 *
 * @example
 * contentSecurityPolicy({ scripts: [], styles: ["'sha256-…'"], hasScripts: false }, { forMeta: true });
 * // → "default-src 'self'; script-src 'none'; style-src 'self' 'sha256-…'; img-src 'self' data:; …"
 */
export function contentSecurityPolicy(inline: PageInline, { forMeta = false } = {}): string {
	for (const [kind, hashes] of [['<script>', inline.scripts], ['<style>', inline.styles]] as const) {
		if (hashes.length > MAX_HASHES) throw new TooManyHashesError(`the Content-Security-Policy would list ${hashes.length} different inline ${kind} elements, more than ${MAX_HASHES}: it is never relaxed to 'unsafe-inline', so the build stops`);
	}
	const directives: [string, ...string[]][] = [
		['default-src', "'self'"],
		inline.hasScripts ? ['script-src', "'self'", "'wasm-unsafe-eval'", ...inline.scripts] : ['script-src', "'none'"],
		['style-src', "'self'", ...inline.styles],
		['img-src', "'self'", 'data:'],
		['font-src', "'self'"],
		['connect-src', "'self'"],
		['object-src', "'none'"],
		['base-uri', "'self'"],
		['form-action', "'none'"],
	];
	if (!forMeta) directives.push(['frame-ancestors', "'none'"]);
	return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * The site-wide policy, for the headers of hosts: allows what every page has. Past MAX_HASHES, the
 * error names the pages that bring the most different inline elements, so the cause can be found.
 *
 * @example
 * sitePolicy(new Map([['/', inlineElements(home)], ['/recherche/', inlineElements(search)]]));
 * // → "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-…'; …; frame-ancestors 'none'"
 */
export function sitePolicy(pages: ReadonlyMap<string, PageInline>): string {
	const merged = mergeInline(pages.values());
	try {
		return contentSecurityPolicy(merged);
	} catch (error) {
		if (!(error instanceof TooManyHashesError)) throw error;
		// The first page to bring each hash.
		const firstWith = new Map<string, string>();
		for (const [path, page] of pages) for (const hash of [...page.scripts, ...page.styles]) if (!firstWith.has(hash)) firstWith.set(hash, path);
		const examples = [...new Set(firstWith.values())].slice(0, 5).join(', ');
		throw new TooManyHashesError(
			`${error.message}. Inline styles and scripts come from the site's code, never from content: pages with their own inline CSS or scripts (first found in ${examples}) should share them (src/styles/global.css, a script file), or MAX_HASHES in src/lib/publish/headers.ts be raised after checking the hosts accept the longer header`,
		);
	}
}

/** Merges the inline elements of every page into one site-wide set, for the headers of hosts. */
export function mergeInline(pages: Iterable<PageInline>): PageInline {
	const scripts = new Set<string>();
	const styles = new Set<string>();
	let hasScripts = false;
	for (const page of pages) {
		page.scripts.forEach((h) => scripts.add(h));
		page.styles.forEach((h) => styles.add(h));
		hasScripts ||= page.hasScripts;
	}
	return { scripts: [...scripts].sort(), styles: [...styles].sort(), hasScripts };
}

/**
 * Every security header the hosts should send, in order.
 * HSTS: one year, without `includeSubDomains` (the town's other sub-domains may not all have HTTPS).
 */
export function securityHeaders(csp: string): [string, string][] {
	return [
		['Content-Security-Policy', csp],
		['Strict-Transport-Security', 'max-age=31536000'],
		['X-Content-Type-Options', 'nosniff'],
		['X-Frame-Options', 'DENY'],
		['Referrer-Policy', 'no-referrer'],
		['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
		['Cross-Origin-Opener-Policy', 'same-origin'],
	];
}

const GENERATED = 'Generated by the build (src/lib/publish/headers.ts): edit that file, not this one.';

/** `_headers` for Netlify and Cloudflare Pages: every path gets the headers. */
export function headersFile(headers: [string, string][]): string {
	return `# ${GENERATED}\n/*\n${headers.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
}

/**
 * `.htaccess` for Apache (needs mod_headers and `AllowOverride FileInfo`). `base` is the site's
 * path on its host, e.g. `/` or `/ville/`.
 */
export function htaccessFile(headers: [string, string][], base: string): string {
	return [
		`# ${GENERATED}`,
		'<IfModule mod_headers.c>',
		...headers.map(([name, value]) => `  Header always set ${name} "${value}"`),
		'</IfModule>',
		`ErrorDocument 404 ${base}404.html`,
		'AddDefaultCharset utf-8',
		'# Host configuration files are not part of the site.',
		'<IfModule mod_alias.c>',
		`  RedirectMatch 404 ^${escapeRegex(base)}(_headers|_hosting/)`,
		'</IfModule>',
		'',
	].join('\n');
}

/**
 * An nginx snippet to `include` inside the site's `server { }` block, next to its `root`.
 * `base` is the site's path on its host, e.g. `/` or `/ville/`.
 */
export function nginxSnippet(headers: [string, string][], base: string): string {
	return [
		`# ${GENERATED}`,
		'# Include inside the server { } block that serves the site:',
		'#   root /var/www/site;',
		'#   include /var/www/site/_hosting/nginx.conf;',
		'# (for a site under a sub-path such as /ville/, root is the folder that holds ville/).',
		'# A location block with its own add_header loses these: repeat them there.',
		...headers.map(([name, value]) => `add_header ${name} "${value}" always;`),
		'charset utf-8;',
		`error_page 404 ${base}404.html;`,
		'# Dot files (.htaccess) and host configuration are not served; /.well-known/ is.',
		'location ~ /\\.(?!well-known/) { deny all; }',
		`location ~ ^${escapeRegex(base)}(_headers$|_hosting/) { deny all; }`,
		'# Calendars as text/calendar (mime.types has no .ics: they would download as application/octet-stream).',
		'# This location sets no add_header of its own, so the headers above still apply.',
		`location ~* ^${escapeRegex(base)}.*\\.ics$ { types { } default_type text/calendar; charset_types text/calendar; }`,
		'',
	].join('\n');
}

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The `/.well-known/security.txt` of RFC 9116: who to contact, valid for about six months after the
 * build, with the address of each copy.
 *
 * @example
 * securityTxt({ contact: 'mailto:securite@ville.fr', builtAt: new Date('2024-06-28T16:00Z'),
 *   sites: ['https://info.ville.fr/'] });
 * // → 'Contact: mailto:securite@ville.fr\nExpires: 2024-12-27T16:00:00Z\nCanonical: https://info.ville.fr/.well-known/security.txt\n…'
 */
export function securityTxt({ contact, builtAt, sites }: { contact: string; builtAt: Date; sites: string[] }): string {
	const expires = new Date(builtAt.getTime() + 182 * 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return [
		'# Security contact for this site (RFC 9116). Generated by the build; it expires, so publish at least every six months.',
		`Contact: ${contact}`,
		`Expires: ${expires}`,
		...sites.map((site) => `Canonical: ${new URL('.well-known/security.txt', site.endsWith('/') ? site : `${site}/`).href}`),
		'Preferred-Languages: fr, en',
		'',
	].join('\n');
}

/**
 * The contact for security.txt: the configured one, else the first working email address of the
 * settings' contacts (as `mailto:`), else the first working web contact.
 */
export function securityContact(configured: string | undefined, contacts: { kind: string; value: string; working: boolean }[]): string | undefined {
	if (configured) return configured;
	const email = contacts.find((c) => c.working && c.kind === 'email' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.value.trim()));
	if (email) return `mailto:${email.value.trim()}`;
	const web = contacts.find((c) => c.working && c.kind === 'web' && /^https:\/\/\S+$/.test(c.value.trim()));
	return web?.value.trim();
}
