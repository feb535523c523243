import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
}
interface Workflow {
	on: { push?: { branches?: string[] }; schedule?: { cron: string }[] };
	jobs: Record<string, { steps: Step[] }>;
}

/** Minutes between two runs of a `*\/N * * * *` schedule. */
const everyMinutes = (cron: string) => Number(/^\*\/(\d+) \* \* \* \*$/.exec(cron)?.[1] ?? Number.NaN);

/** The order in which a pipeline's commands run, as a list of the project's commands it calls. */
const commandOrder = (commands: string[]) =>
	commands.flatMap((c) => [...c.matchAll(/npm (ci|run (?:check|publish|verify))|deploy-pages|git push -f|rclone sync|mv _site public/g)].map((m) => m[0]));

// Each forge's way to deploy (Forgejo then copies the site to a mirror, and verifies it too).
describe.each([
	['.github/workflows/publish.yml', ['deploy-pages', 'npm run verify']],
	['.forgejo/workflows/publish.yml', ['git push -f', 'rclone sync', 'npm run verify', 'npm run verify']],
])('%s', (file, deployAndVerify) => {
	const text = readFileSync(file, 'utf8');
	const workflow = parse(text) as Workflow;
	const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

	test('is a valid GitHub Actions workflow (SchemaStore’s schema, as bundled by @action-validator/core)', () => {
		expect(validateWorkflow(text).errors).toEqual([]);
	});

	test('runs on every push to main and at least every 30 minutes', () => {
		expect(workflow.on.push?.branches).toEqual(['main']);
		const minutes = workflow.on.schedule?.map((s) => everyMinutes(s.cron)) ?? [];
		expect(minutes.length).toBe(1);
		expect(minutes[0]).toBeGreaterThanOrEqual(15);
		expect(minutes[0]).toBeLessThanOrEqual(30);
	});

	test('installs, checks, builds and signs, deploys, then verifies the deployed copy', () => {
		const order = commandOrder(steps.map((s) => s.run ?? s.uses ?? ''));
		expect(order).toEqual(['npm ci', 'npm run check', 'npm run publish', ...deployAndVerify]);
	});

	test('signs with a key from the forge’s secret store, never written in the repository', () => {
		expect(text).toContain('${{ secrets.SIGNING_KEY }}');
		expect(text).not.toMatch(/PRIVATE KEY/);
	});
});

describe('.gitlab-ci.yml, read by gitlab-ci-local', () => {
	// gitlab-ci-local writes its state next to the pipeline file: it reads a copy, in a throwaway git repository.
	const work = mkdtempSync(join(tmpdir(), 'gitlab-ci-local-'));
	copyFileSync('.gitlab-ci.yml', join(work, '.gitlab-ci.yml'));
	spawnSync('git', ['init', '-q'], { cwd: work });
	afterAll(() => rmSync(work, { recursive: true, force: true }));
	const cli = resolve('node_modules/gitlab-ci-local/dist/index.js');
	const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, HOME: work } });

	test('is valid for GitLab (its JSON schema) and has the job « pages », then a verify job that needs it', () => {
		const result = run('--list-json');
		expect(result.status, result.stderr).toBe(0);
		const jobs = JSON.parse(result.stdout) as { name: string; stage: string; needs: (string | { job: string })[] | null }[];
		expect(jobs.map((j) => [j.name, j.stage])).toEqual([['pages', 'publish'], ['verify', 'verify']]);
		expect(jobs[1]?.needs?.map((n) => (typeof n === 'string' ? n : n.job))).toEqual(['pages']);
	});

	test('the pages job checks, builds and signs, publishes the signed folder; verify checks the deployed address', () => {
		const result = run('--preview');
		expect(result.status, result.stderr).toBe(0);
		const preview = parse(result.stdout) as Record<string, { script?: string[]; artifacts?: { paths: string[] } }>;
		expect(commandOrder(preview.pages?.script ?? [])).toEqual(['npm ci', 'npm run check', 'npm run publish', 'mv _site public']);
		expect(preview.pages?.artifacts?.paths).toEqual(['public']);
		expect(commandOrder(preview.verify?.script ?? [])).toEqual(['npm ci', 'npm run verify']);
		expect(preview.verify?.script?.join('\n')).toContain('"$CI_PAGES_URL"');
	});
});
