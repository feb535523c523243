import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Builds the site from a content folder into a fresh folder with the real `astro build`, safely while
 * other builds run: Astro writes prerender scratch files under `<cwd>/.astro/`, so each build runs
 * from its own working folder (inside the project, so that those files still resolve its packages).
 *
 * @example
 * const { outDir, status, output, remove } = buildSite('tests/fixtures/site');
 * // … read outDir, then: remove();
 */
export function buildSite(contentDir: string): { outDir: string; status: number | null; output: string; remove: () => void } {
	const root = process.cwd();
	const parent = join(root, 'node_modules', '.cache', 'site-builds');
	mkdirSync(parent, { recursive: true });
	const work = mkdtempSync(join(parent, 'build-'));
	const outDir = join(work, 'dist');
	const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root], {
		cwd: work,
		env: { ...astroEnv(), CONTENT_DIR: resolve(root, contentDir), OUT_DIR: outDir },
		encoding: 'utf8',
	});
	return { outDir, status: result.status, output: `${result.stdout}\n${result.stderr}`, remove: () => rmSync(work, { recursive: true, force: true }) };
}

/** The environment for a real Astro run: without the variables Vitest adds (BASE_URL, MODE, NODE_ENV=test…). */
export function astroEnv(): NodeJS.ProcessEnv {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(key)));
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
}
