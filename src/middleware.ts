import { defineMiddleware } from 'astro:middleware';
import { securePage } from './lib/publish/headers.ts';
import { renderedPages } from './lib/publish/rendered-pages.ts';
import { ADMIN_PATH } from './lib/cms/admin-policy.ts';

const utf8 = new TextEncoder();

/**
 * Gives every built HTML page its own Content-Security-Policy as it is rendered (hashes of its real
 * `<script>` and `<style>` elements, from the parsed page), so each page is written once, and records
 * what it allows for the site-wide headers (written by src/lib/publish/integration.ts). The live
 * preview is left as it is: Vite injects its own scripts and styles there.
 */
export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (import.meta.env.DEV || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const path = context.url.pathname;
	// The staff editor carries its own, different policy (src/lib/cms/admin-policy.ts); it adds nothing to the site-wide one.
	if (path.endsWith(`/${ADMIN_PATH}`)) {
		renderedPages().set(path, { scripts: [], styles: [], hasScripts: false });
		return response;
	}
	try {
		const { html, inline } = securePage(await response.text());
		renderedPages().set(path, inline);
		// Handed on as UTF-8 bytes, which Astro writes as they are: a string body would be copied
		// (checked for lone surrogates, then encoded) and held on the heap until the page is written.
		return new Response(utf8.encode(html), response);
	} catch (error) {
		throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
	}
});
