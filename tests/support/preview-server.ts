import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../scripts/lib/dev-server.ts';
import { astroEnv, buildSiteAsync } from './build-site.ts';

// Tests that start their own servers take their port from here too.
export { freePort };

/**
 * Builds a content folder and serves the result with `astro preview`, as a resident's browser will
 * see it. Resolves once the server answers.
 *
 * @example
 * const site = await previewSite('content');
 * await page.goto(`${site.origin}/`);
 * site.stop();
 */
export async function previewSite(contentDir: string): Promise<{ origin: string; outDir: string; stop: () => void }> {
	const build = await buildSiteAsync(contentDir);
	if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
	const port = await freePort();
	const server: ChildProcess = spawn(process.execPath, ['scripts/astro.mjs', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
		env: { ...astroEnv(), CONTENT_DIR: contentDir, OUT_DIR: build.outDir },
		stdio: 'ignore',
	});
	const origin = `http://127.0.0.1:${port}`;
	for (let attempt = 0; attempt < 150; attempt++) {
		try {
			if ((await fetch(`${origin}/`)).status < 500) return { origin, outDir: build.outDir, stop: () => (server.kill(), build.remove()) };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	server.kill();
	build.remove();
	throw new Error('astro preview did not start within 30 s');
}
