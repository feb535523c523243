import type { TestProject } from 'vitest/node';
import { buildSiteAsync } from './build-site.ts';
import { FIXTURE } from './fixture-site.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The built folder of tests/fixtures/site (served under /crise/), shared read-only by every e2e file. */
		fixtureBuild: string;
	}
}

/**
 * The e2e files that only read the fixture site's pages, feeds and search index (build, feeds,
 * search) share one build of it for the whole run. Tests that change the content build their own.
 */
export default async function setup(project: TestProject) {
	const build = await buildSiteAsync(FIXTURE);
	if (build.status !== 0) {
		build.remove();
		throw new Error(`the fixture site does not build:\n${build.output}`);
	}
	project.provide('fixtureBuild', build.outDir);
	return () => build.remove();
}
