import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A finished build: where it went, how it ended, what Astro printed. */
export interface Build {
	outDir: string;
	status: number | null;
	output: string;
	remove: () => void;
}

/**
 * Builds the site from a content folder into a fresh folder with the real `astro build`, safely while
 * other builds run: Astro writes prerender scratch files under `<cwd>/.astro/`, so each build runs
 * from its own working folder (inside the project, so that those files still resolve its packages).
 *
 * @example
 * const { outDir, status, output, remove } = buildSite('tests/fixtures/site');
 * // … read outDir, then: remove();
 */
export function buildSite(contentDir: string, { launcher = true, env = {} }: { launcher?: boolean; env?: NodeJS.ProcessEnv } = {}): Build {
	const { command, args, options, finish } = astroBuild(contentDir, launcher, env);
	const result = spawnSync(command, args, { ...options, encoding: 'utf8' });
	return finish(result.status, `${result.stdout}\n${result.stderr}`);
}

/**
 * The same build without blocking, so that a global setup can build several content sets at once.
 *
 * @example
 * const [a, b] = await Promise.all([buildSiteAsync('content'), buildSiteAsync('tests/fixtures/town2')]);
 */
export function buildSiteAsync(contentDir: string): Promise<Build> {
	const { command, args, options, finish } = astroBuild(contentDir);
	return new Promise((done, fail) => {
		const child = spawn(command, args, options);
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', fail);
		child.on('close', (status) => done(finish(status, output)));
	});
}

/** `launcher: false` runs Astro's own command line, as `npx astro build` would, instead of scripts/astro.mjs. */
function astroBuild(contentDir: string, launcher = true, env: NodeJS.ProcessEnv = {}) {
	const root = process.cwd();
	const parent = join(root, 'node_modules', '.cache', 'site-builds');
	mkdirSync(parent, { recursive: true });
	const work = mkdtempSync(join(parent, 'build-'));
	const outDir = join(work, 'dist');
	return {
		command: process.execPath,
		args: [join(root, launcher ? 'scripts/astro.mjs' : 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root],
		// Astro would keep its telemetry identity under XDG_CONFIG_HOME: each build gets its own, so that a
		// test can see that none was made (astro.config.mjs turns telemetry off).
		options: { cwd: work, env: { ...astroEnv(), XDG_CONFIG_HOME: join(work, 'config'), CONTENT_DIR: resolve(root, contentDir), OUT_DIR: outDir, ...env } },
		finish: (status: number | null, output: string): Build => ({ outDir, status, output, remove: () => rmSync(work, { recursive: true, force: true }) }),
	};
}

/**
 * The environment for a real Astro run: without the variables Vitest adds (BASE_URL, MODE, NODE_ENV=test…),
 * nor the switches astro.config.mjs sets in whichever process loads it, Vitest's included: a test build
 * starts from the environment a staff member's would.
 */
export function astroEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST|ASTRO_TELEMETRY_DISABLED|ASTRO_DISABLE_UPDATE_CHECK)$/.test(key)));
}
