import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeFloorSite } from '../../scripts/lib/astro-floor.ts';

// `npm run bench` sets each build against Astro alone building the same number of pages of the same
// size: that comparison holds only if the floor site really builds what it is asked for.
describe("the benchmark's floor site", () => {
	const root = mkdtempSync(join(tmpdir(), 'floor-test-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	test.each([
		[1, 0],
		[5, 12_000],
	])('asked for %i page(s) of %i bytes, Astro builds that many pages of about that size', (pages, pageBytes) => {
		const site = join(root, `site-${pages}`);
		writeFloorSite(site, { pages, pageBytes });
		const result = spawnSync(process.execPath, ['scripts/astro.mjs', 'build', '--root', site], { encoding: 'utf8' });
		expect(result.status, result.stderr).toBe(0);
		const files = readdirSync(join(site, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
		expect(files).toHaveLength(pages);
		for (const file of files) expect(Math.abs(statSync(join(site, 'dist', file)).size - pageBytes)).toBeLessThan(Math.max(300, pageBytes * 0.05));
	});
});
