import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Settings } from '../../schemas/settings.ts';
import { publicKeyFingerprint } from './fingerprint.ts';
import { headersFile, htaccessFile, nginxSnippet, securityContact, securityHeaders, securityTxt, sitePolicy } from './headers.ts';
import { listFiles } from './manifest.ts';
import { renderedPages } from './rendered-pages.ts';
import { adminHostingRules, adminPolicy } from '../cms/admin-policy.ts';
import { forgeFromEnv } from '../cms/config.ts';

/** Where the public half of the signing key and `allowed_signers` are shipped in every copy. */
export const SIGNING_DIR = 'signing';

/**
 * After every build, writes what hosts and readers need next to the pages:
 * - `_headers` (Netlify, Cloudflare Pages), `.htaccess` (Apache), `_hosting/nginx.conf` (nginx): the security
 *   headers, with a policy allowing the inline elements of every page (each page already got its own as a
 *   `<meta>` when rendered, in src/middleware.ts: pages are not read again here);
 * - `.well-known/security.txt` (RFC 9116);
 * - `signing/`: the town's public key(s) and `allowed_signers` from `<content>/signing/`, so a copy says who signed it.
 *
 * Astro's own `security.csp` is not used: it hashes only the scripts Astro bundles, not `is:inline`
 * ones such as the search page's, which a strict policy would then block. Hashing the rendered pages
 * covers exactly what they contain.
 */
export function hostingFiles({ contentDir, settings }: { contentDir: string; settings: Settings | undefined }): AstroIntegration {
	let base = '/';
	return {
		name: 'hosting-files',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:start': () => {
				renderedPages().clear();
			},
			'astro:build:done': ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const builtAt = new Date();
				const started = performance.now();
				const pages = renderedPages();
				// Every page must have gone through the middleware: none may ship without its policy.
				const written = listFiles(outDir).filter((p) => p.endsWith('.html')).length;
				if (written !== pages.size) throw new Error(`HTML pages written: ${written}; given a Content-Security-Policy (src/middleware.ts): ${pages.size}. Every page must be rendered through it`);
				const headers = securityHeaders(sitePolicy(pages));
				const admin = adminHostingRules(adminPolicy(forgeFromEnv(process.env)), base, headers);
				write(outDir, '_headers', headersFile(headers) + admin.headersFile);
				write(outDir, '.htaccess', htaccessFile(headers, base) + admin.htaccess);
				write(outDir, '_hosting/nginx.conf', nginxSnippet(headers, base) + admin.nginx);

				const contact = settings && securityContact(settings.publish?.securityContact, settings.contacts);
				if (settings && contact) write(outDir, '.well-known/security.txt', securityTxt({ contact, builtAt, sites: [settings.siteUrl, ...settings.mirrors] }));
				else logger.warn('no security contact (publish.securityContact or a working email contact): .well-known/security.txt not written');

				const copied = copySigningFiles(join(contentDir, 'signing'), join(outDir, SIGNING_DIR));
				logger.info(`hosting files: security headers (pages: ${pages.size}), security.txt${contact ? '' : ' (skipped)'}, signing files: ${copied}, in ${((performance.now() - started) / 1000).toFixed(2)} s`);
			},
		},
	};
}

function write(outDir: string, path: string, text: string): void {
	mkdirSync(dirname(join(outDir, path)), { recursive: true });
	writeFileSync(join(outDir, path), text);
}

/**
 * Copies `allowed_signers` and the `.pub` files, and nothing else. A private key found there
 * stops the build: it must never be published (or committed).
 */
export function copySigningFiles(from: string, to: string): number {
	if (!existsSync(from)) return 0;
	let count = 0;
	for (const name of readdirSync(from, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort()) {
		const text = readFileSync(join(from, name), 'utf8');
		if (/PRIVATE KEY/.test(text)) throw new Error(`${join(from, name)} is a PRIVATE key: remove it from the content folder now, and make a new key pair (docs/publishing.md)`);
		if (name !== 'allowed_signers' && !name.endsWith('.pub')) continue;
		if (name.endsWith('.pub')) publicKeyFingerprint(text);
		mkdirSync(to, { recursive: true });
		copyFileSync(join(from, name), join(to, name));
		count++;
	}
	return count;
}
