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
