import type { Forge } from './config.ts';

/** Where the editor is served, under the site's base path. */
export const ADMIN_PATH = 'admin/';

/**
 * The editor's own Content-Security-Policy: its script from this origin only, and network access to
 * this origin (config, local preview) and to the forge's API, nothing else. Styles are inline because
 * the editor injects its component styles at run time; `blob:`/`data:` images are its previews and
 * icons. The public pages keep their own, stricter policy (src/lib/publish/headers.ts).
 *
 * @example
 * adminPolicy({ name: 'gitlab', repo: 'mairie/site', branch: 'main', baseUrl: 'https://gitlab.com', apiRoot: 'https://gitlab.com/api/v4' });
 * // → "default-src 'self'; script-src 'self'; connect-src 'self' https://gitlab.com; …"
 */
export function adminPolicy(forge: Forge | undefined): string {
	const forgeOrigins = forge ? [...new Set([new URL(forge.apiRoot).origin, new URL(forge.baseUrl).origin])] : [];
	const directives: [string, ...string[]][] = [
		['default-src', "'self'"],
		['script-src', "'self'"],
		['style-src', "'self'", "'unsafe-inline'"],
		['img-src', "'self'", 'data:', 'blob:', ...forgeOrigins],
		['font-src', "'self'", 'data:'],
		['connect-src', "'self'", 'blob:', 'data:', ...forgeOrigins],
		['worker-src', "'self'", 'blob:'],
		['object-src', "'none'"],
		['base-uri', "'self'"],
		['form-action', "'self'", ...forgeOrigins],
	];
	return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * The editor's rules for the hosts' header files, appended after the site-wide ones: its own policy
 * replaces the public pages' one under `/admin/`, and search engines are told not to index it.
 * `headers` are the site-wide headers (nginx drops them in a location that sets its own).
 *
 * @example
 * adminHostingRules(adminPolicy(undefined), '/', [['X-Content-Type-Options', 'nosniff']]).headersFile;
 * // → "/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: default-src 'self'; …\n  X-Robots-Tag: noindex\n"
 */
export function adminHostingRules(policy: string, base: string, headers: [string, string][]): { headersFile: string; htaccess: string; nginx: string } {
	const path = `${base}${ADMIN_PATH}`;
	const own: [string, string][] = [['Content-Security-Policy', policy], ['X-Robots-Tag', 'noindex']];
	const others = headers.filter(([name]) => name !== 'Content-Security-Policy');
	return {
		// Cloudflare Pages: `!` detaches the site-wide policy. Netlify joins both policies, which blocks the editor there.
		headersFile: `${path}*\n  ! Content-Security-Policy\n${own.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`,
		htaccess: [`<If "%{REQUEST_URI} =~ m#^${path}#">`, ...own.map(([name, value]) => `  Header always set ${name} "${value}"`), '</If>', ''].join('\n'),
		nginx: [`location ^~ ${path} {`, ...[...others, ...own].map(([name, value]) => `  add_header ${name} "${value}" always;`), '}', ''].join('\n'),
	};
}
