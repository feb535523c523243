/**
 * Our build against cState's (the Hugo status page issue 12 states its targets against), side by side
 * on the same content: for each size, our synthetic content (`writeSyntheticContent`) and the same
 * services and updates as a cState site (`writeCstateSite`), both built cold, alternately, several
 * times; prints the medians and their ratio next to the issue's target. The example content is
 * compared with cState's 100-incident build, as the issue does, and so is `astro`: a one-page Astro
 * site with no integration, the framework's own floor on this machine (start-up, bundling, writing),
 * which no content or code of ours can go under.
 *
 *   npm run bench:cstate -- ~/cstate                       # astro, example, 100, 1,000 and 5,000 updates, 3 runs each
 *   npm run bench:cstate -- ~/cstate 100 1000 --runs 5
 *
 * Needs `hugo` on the PATH (Debian: apt-get install hugo) and a checkout of github.com/cstate/cstate
 * (its exampleSite gives the configuration). The ratio within one invocation is the figure to read:
 * both tools share whatever else the machine is doing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { langOf, t } from '../src/i18n/ui.ts';
import { parseArgsOrUsage } from './lib/args.ts';
import { writeFloorSite } from './lib/astro-floor.ts';
import { writeCstateSite } from './lib/cstate-site.ts';
import { writeSyntheticContent } from './lib/synthetic-content.ts';

const { values, positionals } = parseArgsOrUsage({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } }, 'usage.benchCstate');

function fail(message: string, code = 2): never {
	console.error(`✗ ${message}`);
	if (code === 2) console.error(t(langOf(undefined), 'usage.benchCstate'));
	process.exit(code);
}

/** Issue 12's targets, as ratios of our median build time to cState's at the same size. */
const TARGET_RATIO: Record<string, number> = { example: 6, '1000': 0.45, '5000': 0.05 };

const [checkoutArg, ...sizeArgs] = positionals;
if (!checkoutArg) fail('missing the path to a cState checkout (git clone https://github.com/cstate/cstate)');
const checkout = resolve(checkoutArg);
for (const file of ['theme.toml', 'exampleSite/config.yml']) {
	if (!existsSync(join(checkout, file))) fail(`${checkout} is not a cState checkout: expected ${join(checkout, file)}, found nothing there`);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs: expected a whole number of runs (1 or more), found "${values.runs}"`);
const sizes = sizeArgs.length ? sizeArgs : ['astro', 'example', '100', '1000', '5000'];
for (const size of sizes) {
	if (size !== 'example' && size !== 'astro' && !(Number.isInteger(Number(size)) && Number(size) > 0)) fail(`unknown size "${size}": a number of updates, "example" or "astro"`);
}
const hugoVersion = spawnSync('hugo', ['version'], { encoding: 'utf8' });
if (hugoVersion.error || hugoVersion.status !== 0) fail('hugo not found on the PATH: install it (Debian: apt-get install hugo; or gohugo.io/installation)', 1);
if (!existsSync('/usr/bin/time')) fail('/usr/bin/time not found: install it (Debian: apt-get install time)', 1);
const gitVersion = spawnSync('git', ['-C', checkout, 'describe', '--tags', '--always', '--dirty'], { encoding: 'utf8' });
const cstateVersion = gitVersion.status === 0 ? gitVersion.stdout.trim() : 'version unknown (not a git checkout)';

interface Run {
	wall: number;
	cpu: number;
}

/** Runs a build command under /usr/bin/time; wall and processor (user + system) seconds. */
function timed(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
	const began = performance.now();
	const result = spawnSync('/usr/bin/time', ['-f', 'CPU=%U+%S', command, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
	const wall = (performance.now() - began) / 1000;
	if (result.status !== 0) fail(`${label} failed:\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`, 1);
	const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(result.stderr);
	return { wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN };
}

/** `astro build` in its own process, as `npm run bench` runs it, into a fresh output folder. */
function buildOurs(contentDir: string, outDir: string): Run {
	rmSync(outDir, { recursive: true, force: true });
	const run = timed('astro build', process.execPath, ['scripts/astro.mjs', 'build'], { CONTENT_DIR: contentDir, OUT_DIR: outDir });
	if (!existsSync(join(outDir, 'index.html'))) fail(`astro build wrote no ${join(outDir, 'index.html')}`, 1);
	return run;
}

/** `astro build` of a one-page site with no integration and this project's packages (scripts/lib/astro-floor.ts). */
function buildAstroFloor(root: string): Run {
	const siteDir = join(root, 'astro-floor');
	writeFloorSite(siteDir, { pages: 1, pageBytes: 0 });
	const run = timed('astro build (one page)', process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', siteDir], { ASTRO_TELEMETRY_DISABLED: '1' });
	if (!existsSync(join(siteDir, 'dist', 'index.html'))) fail(`astro build wrote no ${join(siteDir, 'dist', 'index.html')}`, 1);
	return run;
}

/** `hugo` on the cState site, cold: fresh output folder, no resource cache or cache folder kept. */
function buildCstate(siteDir: string, outDir: string, cacheDir: string, lastIssue: string): Run {
	for (const dir of [outDir, cacheDir, join(siteDir, 'resources')]) rmSync(dir, { recursive: true, force: true });
	const run = timed('hugo', 'hugo', ['--quiet', '-s', siteDir, '-d', outDir, '--cacheDir', cacheDir]);
	// Hugo skips pages silently (future dates, drafts): the last incident's page proves all were built.
	if (!existsSync(join(outDir, 'issues', lastIssue, 'index.html'))) fail(`hugo did not build the page of incident ${lastIssue} in ${outDir}`, 1);
	return run;
}

const median = (xs: number[]) => {
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const s = (x: number) => `${x.toFixed(2)} s`;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

console.log(`cState ${cstateVersion} (${checkout}), ${hugoVersion.stdout.trim()}; ${runs} cold run(s) per size, alternating; load average ${load()}`);
const rows: string[] = [];
for (const size of sizes) {
	const root = mkdtempSync(join(tmpdir(), 'bench-cstate-'));
	try {
		const cstateUpdates = size === 'example' || size === 'astro' ? 100 : Number(size);
		const syntheticDir = join(root, 'content');
		writeSyntheticContent(syntheticDir, cstateUpdates);
		const oursDir = size === 'example' ? resolve('content') : syntheticDir;
		const siteDir = join(root, 'cstate-site');
		writeCstateSite(checkout, syntheticDir, siteDir);
		const lastIssue = `update-${String(cstateUpdates - 1).padStart(5, '0')}`;
		const ours: Run[] = [];
		const theirs: Run[] = [];
		for (let i = 0; i < runs; i++) {
			// Alternate who goes first, so neither always builds right after the other warmed the disk cache.
			const buildMine = size === 'astro' ? () => buildAstroFloor(root) : () => buildOurs(oursDir, join(root, 'dist'));
			const pair = [() => ours.push(buildMine()), () => theirs.push(buildCstate(siteDir, join(root, 'public'), join(root, 'hugo-cache'), lastIssue))];
			for (const build of i % 2 ? pair.reverse() : pair) build();
			// Printed as it goes: at 5,000 updates one cState build takes minutes.
			console.log(`    ${size} run ${i + 1}: ours ${s(ours.at(-1)!.wall)} (CPU ${s(ours.at(-1)!.cpu)}), cState ${s(theirs.at(-1)!.wall)} (CPU ${s(theirs.at(-1)!.cpu)}); load average ${load()}`);
		}
		const [oursWall, theirsWall] = [median(ours.map((r) => r.wall)), median(theirs.map((r) => r.wall))];
		const [oursCpu, theirsCpu] = [median(ours.map((r) => r.cpu)), median(theirs.map((r) => r.cpu))];
		const ratio = oursWall / theirsWall;
		const target = TARGET_RATIO[size];
		const label = size === 'example' ? 'example / cState 100' : size === 'astro' ? 'Astro, 1 page / cState 100' : `${size} updates`;
		const row = [
			label.padEnd(26),
			s(oursWall).padStart(9),
			s(theirsWall).padStart(9),
			`${ratio.toFixed(2)}×`.padStart(8),
			s(oursCpu).padStart(9),
			s(theirsCpu).padStart(9),
			`${(oursCpu / theirsCpu).toFixed(2)}×`.padStart(8),
			target === undefined ? '  —' : `  ≤ ${target}×: ${ratio <= target ? 'met' : 'NOT met'}`,
		].join(' ');
		rows.push(row);
		console.log(row);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}
console.log(
	`\nOurs against cState (medians of ${runs} run(s); ratio = ours / cState)\n${'content'.padEnd(26)} ${'ours'.padStart(9)} ${'cState'.padStart(9)} ${'ratio'.padStart(8)} ${'ours CPU'.padStart(9)} ${'cState CPU'.padStart(9)} ${'CPU ratio'.padStart(8)}   target (issue 12, wall ratio)\n${rows.join('\n')}`,
);
