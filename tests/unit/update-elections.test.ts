import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { textIn } from '../../src/lib/problems.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function loadWith(name: string, text: string) {
	const dir = mkdtempSync(join(tmpdir(), 'elections-'));
	dirs.push(dir);
	cpSync('tests/fixtures/site', dir, { recursive: true });
	writeFileSync(join(dir, name), text);
	return loadContent(dir, { cwd: dir });
}

test('an update naming an unknown election fails with the field, its line and the closest election', () => {
	const { content, problems } = loadWith('updates/bad.md', '---\ntitle: Vote\ndate: 2024-06-25T10:00+02:00\nkind: information\nelections: [legislative]\n---\nTexte.\n');
	expect(content).toBeUndefined();
	const problem = problems.find((p) => p.field === 'elections[0]');
	expect(problem).toMatchObject({ severity: 'error', file: 'updates/bad.md', line: 5 });
	expect([textIn('fr', problem!.found), problem!.hint && textIn('fr', problem!.hint)]).toEqual(['« legislative »', 'vouliez-vous dire « legislatives » ?']);
});

test('an update naming a known election loads, and keeps the reference in both languages', () => {
	const { content, problems } = loadWith('updates/vote.md', '---\ntitle: Vote\ndate: 2024-06-25T10:00+02:00\nkind: information\nelections: [legislatives]\n---\nTexte.\n');
	expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
	const update = content!.updateById.get('vote')!;
	expect([update.data.fr.elections, update.data.en.elections]).toEqual([['legislatives'], ['legislatives']]);
});

test('an update without elections has none', () => {
	expect(loadContent('tests/fixtures/site').content!.updateById.get('2024-06-24-incident')!.data.fr.elections).toEqual([]);
});
