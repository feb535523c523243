import type { APIContext, MiddlewareNext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { securePage } from './lib/publish/headers.ts';
import { renderedPages } from './lib/publish/rendered-pages.ts';
import { ADMIN_PATH } from './lib/cms/admin-policy.ts';
import { contentHasErrors, firstReport, getContent, loadContentOnce } from './lib/content.ts';
import { absentRoute, sections } from './lib/sections.ts';
import { withBase } from './i18n/routes.ts';
import { formatProblems } from './lib/problems.ts';
import { problemsPage } from './lib/preview-problems.ts';

const utf8 = new TextEncoder();

/** Shows, in the live preview, the list of problems while a saved file breaks the content. */
function problemsResponse(): Response {
	const loaded = loadContentOnce(process.env.CONTENT_DIR ?? 'content');
	if (firstReport(loaded)) console.error(formatProblems(loaded.problems));
	return new Response(problemsPage(loaded.problems, { lang: 'fr', base: import.meta.env.BASE_URL }), { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/**
 * The live preview (no policy there: Vite injects its own scripts and styles). While a saved file
 * breaks the content, every page shows the list of problems instead of Astro's overlay with code and a
 * stack trace; the editor does not read the content and stays open, so the file can be fixed there.
 * Every optional route exists in the preview (astro.config.mjs); one the content does not call for
 * answers the 404 page, as it would not exist in a build.
 */
async function livePreview(context: APIContext, next: MiddlewareNext): Promise<Response> {
	if (context.url.pathname.startsWith(withBase(import.meta.env.BASE_URL, `/${ADMIN_PATH}`))) return next();
	if (contentHasErrors()) return problemsResponse();
	if (!absentRoute(context.routePattern, sections(getContent()))) return next();
	const notFound = await next(withBase(import.meta.env.BASE_URL, '/404/'));
	return new Response(notFound.body, { status: 404, headers: notFound.headers });
}

/**
 * Gives every built HTML page its own Content-Security-Policy as it is rendered (hashes of its real
 * `<script>` and `<style>` elements, from the parsed page), so each page is written once, and records
 * what it allows for the site-wide headers (written by src/lib/publish/integration.ts).
 */
export const onRequest = defineMiddleware(async (context, next) => {
	if (import.meta.env.DEV) return livePreview(context, next);
	const path = context.url.pathname;
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
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
