import type { TestProject } from 'vitest/node';
import { previewSite } from './preview-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Origin of the example site served by `astro preview`, e.g. http://127.0.0.1:41234 */
		siteOrigin: string;
		/** The built folder behind it. */
		siteDir: string;
	}
}

/** Browser tests share one real build of the example content, served once for the whole run. */
export default async function setup(project: TestProject) {
	const site = await previewSite('content');
	project.provide('siteOrigin', site.origin);
	project.provide('siteDir', site.outDir);
	return () => site.stop();
}
