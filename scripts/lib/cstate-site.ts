/**
 * A content folder of ours turned into a cState site (github.com/cstate/cstate, the Hugo status page
 * issue 12 measures us against), so both tools build the same services and the same updates:
 * each service becomes a cState system in its category, each update one incident file
 * `content/issues/<update id>.md`.
 * @module
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { toEpoch } from '../../src/lib/dates.ts';
import { parseSourceFile } from '../../src/lib/source-file.ts';
import type { Status } from '../../src/schemas/common.ts';
import { serviceSchema } from '../../src/schemas/service.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { updateSchema, type UpdateData } from '../../src/schemas/update.ts';

/** cState's severities (`down`, `disrupted`, `notice`) for our statuses: a service on paper is disrupted. */
const SEVERITY: Record<Status, 'down' | 'disrupted' | 'notice'> = { down: 'down', paper: 'disrupted', degraded: 'disrupted', operational: 'notice' };
const WORST_FIRST = ['down', 'disrupted', 'notice'] as const;

/** One of our updates as read from its file: id (file name without `.md`), front matter, markdown body. */
export interface SourceUpdate {
	id: string;
	data: UpdateData;
	body: string;
}

/** One cState incident file: its path under the site's `content/issues/` and its text. */
export interface CstateIssue {
	file: string;
	text: string;
}

/**
 * Our updates as cState incidents. An update that changes statuses is an incident on the services it
 * changes and names (cState's `affected`, by system name), as severe as its worst new status; it is
 * resolved when each service it changed has changed again (cState's `resolvedWhen` is the last of
 * those dates) or is back to operational, and unresolved otherwise, so the services' final states
 * match ours. An update that changes nothing is an informational post.
 *
 * @example
 * cstateIssues([{ id: 'update-00000', data: { title: 'Panne', date: '2024-06-24T06:40:00.000Z', kind: 'incident', changes: [{ service: 'service-0', status: 'down' }], services: [] }, body: 'Texte.' }], new Map([['service-0', 'Service 0']]));
 * // → [{ file: 'update-00000.md', text: '---\ntitle: Panne\ndate: 2024-06-24T06:40:00.000Z\nresolved: false\nseverity: down\naffected:\n  - Service 0\nsection: issue\n---\nTexte.' }]
 */
export function cstateIssues(updates: readonly SourceUpdate[], serviceNames: ReadonlyMap<string, string>): CstateIssue[] {
	const name = (id: string) => {
		const found = serviceNames.get(id);
		if (found === undefined) throw new Error(`update names the service "${id}", which is not among the services`);
		return found;
	};
	const iso = (date: string) => new Date(toEpoch(date)).toISOString();
	const dated = updates.map((u) => ({ ...u, epoch: toEpoch(u.data.date) })).sort((a, b) => a.epoch - b.epoch);
	return dated.map((update, index) => {
		const { title, date, changes = [], services = [] } = update.data;
		const affected = [...new Set([...changes.map((c) => c.service), ...services])].map(name);
		const front: Record<string, unknown> = { title, date: iso(date) };
		if (!changes.length) Object.assign(front, { informational: true }, affected.length ? { affected } : {});
		else {
			const ends = changes.map((change) =>
				change.status === 'operational' ? update.epoch : dated.slice(index + 1).find((later) => later.data.changes?.some((c) => c.service === change.service))?.epoch,
			);
			const resolved = ends.every((end) => end !== undefined);
			const severities = new Set(changes.map((c) => SEVERITY[c.status]));
			Object.assign(front, { resolved }, resolved ? { resolvedWhen: new Date(Math.max(...(ends as number[]))).toISOString() } : {}, {
				severity: WORST_FIRST.find((s) => severities.has(s)),
				affected,
			});
		}
		front.section = 'issue';
		return { file: `${update.id}.md`, text: `---\n${stringify(front, { lineWidth: 0 })}---\n${update.body}` };
	});
}

/**
 * cState's example configuration with our town's categories and services as its categories and
 * systems (in our order), everything else as cState ships it.
 *
 * @example
 * cstateConfig({ title: 'Eggsample Status', params: { useRelativeTime: true } }, 'Benchville', [{ name: 'Démarches', id: 'a' }], [{ name: 'Service 0', category: 'a', description: 'Un service.' }]);
 * // → { title: 'Benchville', params: { useRelativeTime: true, categories: [{ name: 'Démarches' }], systems: [{ name: 'Service 0', description: 'Un service.', category: 'Démarches' }] } }
 */
export function cstateConfig(
	example: { params?: object; [key: string]: unknown },
	town: string,
	categories: readonly { id: string; name: string }[],
	services: readonly { name: string; category: string; description?: string }[],
): Record<string, unknown> {
	const categoryName = new Map(categories.map((c) => [c.id, c.name]));
	return {
		...example,
		title: town,
		params: {
			...example.params,
			categories: categories.map((c) => ({ name: c.name })),
			systems: services.map((s) => ({ name: s.name, ...(s.description ? { description: s.description } : {}), category: categoryName.get(s.category) ?? s.category })),
		},
	};
}

function readSource(path: string) {
	const file = parseSourceFile(path, readFileSync(path, 'utf8'));
	if (file.problems.length) throw new Error(`${path} cannot be read (npm run check lists why)`);
	return file;
}

/** The French files of a content sub-folder with the given extension (English overlays left out), in name order. */
const filesIn = (dir: string, ext: string) =>
	readdirSync(dir)
		.filter((f) => f.endsWith(ext) && !f.endsWith(`.en${ext}`))
		.sort()
		.map((f) => join(dir, f));

/**
 * Writes a cState site in `siteDir` holding the content of our folder `contentDir`: cState's
 * `exampleSite` (its configuration, pages and static files, without its incidents and system pages),
 * the configuration's categories and systems replaced by ours, our updates as incidents, and the
 * cState checkout linked as its theme. Build it with `hugo -s siteDir`.
 *
 * @example
 * writeCstateSite('/tmp/cstate', '/tmp/bench/content', '/tmp/bench/cstate-site'); // then hugo -s /tmp/bench/cstate-site
 */
export function writeCstateSite(checkout: string, contentDir: string, siteDir: string): void {
	const example = join(checkout, 'exampleSite');
	const left = [join(example, 'content', 'issues'), join(example, 'content', 'affected')];
	cpSync(example, siteDir, { recursive: true, filter: (src) => !left.includes(src) });
	const settings = settingsSchema.parse(readSource(join(contentDir, 'settings.yaml')).data);
	const services = filesIn(join(contentDir, 'services'), '.yaml').map((path) => ({ id: basename(path, '.yaml'), ...serviceSchema.parse(readSource(path).data) }));
	const updates = filesIn(join(contentDir, 'updates'), '.md').map((path) => {
		const file = readSource(path);
		return { id: basename(path, '.md'), data: updateSchema.parse(file.data), body: file.body };
	});
	const config = cstateConfig(parse(readFileSync(join(example, 'config.yml'), 'utf8')), settings.town, settings.categories, services);
	// Hugo stops a template after 30 s by default; cState's incident history takes longer from a few thousand incidents.
	writeFileSync(join(siteDir, 'config.yml'), stringify({ ...config, theme: 'cstate', timeout: '3600s' }, { lineWidth: 0 }));
	mkdirSync(join(siteDir, 'themes'), { recursive: true });
	symlinkSync(resolve(checkout), join(siteDir, 'themes', 'cstate'));
	const issuesDir = join(siteDir, 'content', 'issues');
	mkdirSync(issuesDir, { recursive: true });
	for (const issue of cstateIssues(updates, new Map(services.map((s) => [s.id, s.name])))) writeFileSync(join(issuesDir, issue.file), issue.text);
}
