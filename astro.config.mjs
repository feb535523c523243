// @ts-check
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { firstReport, forgetContent, loadContentOnce } from './src/lib/content.ts';
import { ADMIN_PATH } from './src/lib/cms/admin-policy.ts';
import { editorFiles } from './src/lib/cms/bundle.ts';
import { hostingFiles } from './src/lib/publish/integration.ts';
import { formatProblems } from './src/lib/problems.ts';
import { ALL_SECTIONS, optionalRoutes, sections } from './src/lib/sections.ts';

// Nothing leaves the machine, whichever way Astro is started (npm scripts, `npx astro …`): Astro reads
// these after loading this file, before it would send usage data to astro.build (and make an anonymous
// identity for it) or ask the npm registry for a newer Astro once a day in the live preview. A kit used
// while the town's network is compromised talks to no third party.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

// Staff edit content/; tests and the benchmark point CONTENT_DIR at other folders.
const contentDir = process.env.CONTENT_DIR ?? 'content';
const loadStarted = performance.now();
const loaded = loadContentOnce(contentDir);
const { content, problems } = loaded;
const loadSeconds = ((performance.now() - loadStarted) / 1000).toFixed(2);

/**
 * Validates all content before Astro does anything, so bad content fails with every problem listed and no output.
 *
 * @type {import('astro').AstroIntegration}
 */
const contentCheck = {
	name: 'content-check',
	hooks: {
		'astro:config:setup': ({ command, logger, injectRoute }) => {
			// `content` is there only when no problem is an error (src/lib/content.ts).
			if (!content) {
				// Staff read the list of problems and nothing else: thrown, it would come after Astro's "unhandled
				// error" line and before a stack trace into this file. A build stops before writing anything; the
				// live preview starts anyway, its pages showing the problems until the file is fixed and the
				// editor open to fix it there (src/middleware.ts).
				if (command !== 'dev' || firstReport(loaded)) logger.error(formatProblems(problems));
				if (command !== 'dev') process.exit(1);
			} else {
				if (problems.length) logger.warn(formatProblems(problems));
				logger.info(`content loaded and checked in ${loadSeconds} s (updates: ${content.updates.length}, services: ${content.services.length})`);
			}
			// A build has elections and calendar pages only when the content has something for them. The
			// live preview has them all, and answers 404 for those the content does not call for at the time
			// of the request (src/middleware.ts), so adding the first election needs no restart.
			const wanted = content && command !== 'dev' ? sections(content) : ALL_SECTIONS;
			for (const route of optionalRoutes(wanted)) injectRoute({ ...route, prerender: true });
		},
	},
};

/**
 * A build renders thousands of pages in one process, and Astro's per-page objects outlive a few young
 * collections: by default V8 lets the old generation grow to about four times what is alive before
 * collecting it (1 GB peak at 5,000 updates). The build lets it grow by half instead (≈ 100 MB less
 * at 5,000 updates, no difference below ~1,000, where the heap never gets that far). The flag is read
 * at every collection, so setting it here, before any page is rendered, is enough; the live preview
 * keeps V8's default.
 *
 * @type {import('astro').AstroIntegration}
 */
const buildMemory = {
	name: 'build-memory',
	hooks: {
		'astro:build:start': () => setFlagsFromString('--heap-growing-percent=50'),
	},
};

/**
 * Builds the Pagefind search index into `pagefind/` in the output, in the same build, so every build
 * (npm run build, npm start, tests, bench) ships a matching index. Pagefind splits the index by each
 * page's `<html lang>` and reads only `<main data-pagefind-body>` (see Base.astro).
 *
 * @type {import('astro').AstroIntegration}
 */
const searchIndex = {
	name: 'search-index',
	hooks: {
		'astro:build:done': async ({ dir, logger }) => {
			const outDir = fileURLToPath(dir);
			const started = performance.now();
			// Loaded here, not with the config: the live preview and failed checks never need it.
			const pagefind = await import('pagefind');
			try {
				const { index, errors } = await pagefind.createIndex();
				if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: outDir });
				const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
				const problems = [...errors, ...added.errors, ...written.errors];
				if (problems.length) throw new Error(`Pagefind: ${problems.join('; ')}`);
				/** @type {{ languages: Record<string, { page_count: number }> }} */
				const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
				const pages = Object.entries(entry.languages).map(([lang, l]) => `${lang} ${l.page_count}`);
				logger.info(`search index, pages per language: ${pages.join(', ')}, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
			} finally {
				await pagefind.close();
			}
		},
	},
};

/**
 * In the live preview, the content is loaded once and kept (src/lib/content.ts); any change under the
 * content folder drops it, so the next request reads the folder again, and reloads the open pages.
 *
 * @type {import('astro').AstroIntegration}
 */
const contentReload = {
	name: 'content-reload',
	hooks: {
		'astro:server:setup': ({ server }) => {
			const root = resolve(contentDir);
			server.watcher.add(root);
			server.watcher.on('all', (_event, path) => {
				if (!path.startsWith(root)) return;
				forgetContent();
				// Astro keeps getStaticPaths results until told that content changed: tell it as its own
				// content layer does (the live preview test checks that new updates get their page), and
				// reload the open pages. No module changed, so none is compiled again.
				for (const [name, environment] of Object.entries(server.environments)) if (name !== 'client') environment.hot.send('astro:content-changed', {});
				server.environments.client.hot.send({ type: 'full-reload', path: '*' });
			});
		},
	},
};

// The canonical address decides the sub-path: https://example.org/ville/ is served under /ville/.
const siteUrl = new URL(content?.settings.data.fr.siteUrl ?? loaded.siteUrl ?? 'http://localhost:4321/');

// Typed with JSDoc rather than `defineConfig`: importing 'astro/config' loads svgo, csso and their CSS
// data (≈ 280 files) on every build, for an identity function.
/** @type {import('astro').AstroUserConfig} */
export default {
	site: siteUrl.href,
	base: siteUrl.pathname,
	// Static hosts serve folders: /services/etat-civil/ → services/etat-civil/index.html.
	trailingSlash: 'always',
	output: 'static',
	outDir: process.env.OUT_DIR ?? 'dist',
	// One small stylesheet: inline it to save a request on a bad network.
	// Pages render a few at a time: while one waits for its file to be written, another renders.
	build: { inlineStylesheets: 'always', concurrency: 4 },
	// Nothing is fetched from a third party, fonts included.
	devToolbar: { enabled: false },
	// The sitemap lists every page for search engines and for the accessibility tests.
	integrations: [contentCheck, buildMemory, contentReload, sitemap({ filter: (page) => !new URL(page).pathname.endsWith(`/${ADMIN_PATH}`) }), editorFiles(), searchIndex, hostingFiles({ contentDir, settings: content?.settings.data.fr })],
	server: { port: 4321 },
};
