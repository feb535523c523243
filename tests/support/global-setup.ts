import type { TestProject } from 'vitest/node';
import { previewSite } from './preview-server.ts';

/** A built content set served by `astro preview`. */
export interface ServedSite {
	/** Short name used in test titles: `example`, `town2`. */
	name: string;
	/** e.g. http://127.0.0.1:41234 */
	origin: string;
	/** The built folder behind it. */
	dir: string;
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** Origin of the example site served by `astro preview`, e.g. http://127.0.0.1:41234 */
		siteOrigin: string;
		/** The built folder behind it. */
		siteDir: string;
		/** Every content set the layout, accessibility and validity tests run over: the example first. */
		sites: ServedSite[];
	}
}

/**
 * The content sets browser tests run over: the example, and a second, invented town (no elections,
 * partial English, a service down without alternative, the autumn clock-change night), so the site is
 * shown to be a kit and not a replay of the example.
 */
export const CONTENT_SETS = [
	{ name: 'example', dir: 'content' },
	{ name: 'town2', dir: 'tests/fixtures/town2' },
] as const;

/** Browser tests share one real build of each content set, each served once on its own port for the whole run. */
export default async function setup(project: TestProject) {
	// Both content sets build at once: each build leaves the other's cores idle part of the time.
	const started = await Promise.allSettled(CONTENT_SETS.map(async (set) => ({ name: set.name, site: await previewSite(set.dir) })));
	const served = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
	const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
	if (failed) {
		served.forEach(({ site }) => site.stop());
		throw failed.reason;
	}
	const [example] = served;
	project.provide('siteOrigin', example!.site.origin);
	project.provide('siteDir', example!.site.outDir);
	project.provide('sites', served.map(({ name, site }) => ({ name, origin: site.origin, dir: site.outDir })));
	return () => served.forEach(({ site }) => site.stop());
}
