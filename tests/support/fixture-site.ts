import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const FIXTURE = 'tests/fixtures/site';

const copies: string[] = [];

/**
 * A copy of the valid fixture site with some files replaced (text) or removed (null), deleted when the
 * test process ends.
 *
 * @example
 * const dir = fixtureWith({ 'updates/bad.md': '---\ntitle: x\n---\n', 'places/ecole.yaml': null });
 * loadContent(dir, { cwd: dir });
 */
export function fixtureWith(files: Record<string, string | null> = {}): string {
	if (copies.length === 0) process.once('exit', () => copies.forEach((dir) => rmSync(dirname(dir), { recursive: true, force: true })));
	const dir = join(mkdtempSync(join(tmpdir(), 'fixture-')), 'content');
	copies.push(dir);
	cpSync(FIXTURE, dir, { recursive: true });
	for (const [name, text] of Object.entries(files)) {
		if (text === null) unlinkSync(join(dir, name));
		else {
			mkdirSync(dirname(join(dir, name)), { recursive: true });
			writeFileSync(join(dir, name), text);
		}
	}
	return dir;
}
