/**
 * Creates a new update in content/updates/, dated now in the town's time zone.
 *
 *   npm run new                                   # assistant: asks everything, in French
 *   npm run new -- --kind resolution --title "Le standard répond" \
 *     --service standard-telephonique=operational --body "Appelez le 02 38 71 93 93."   # no questions
 *
 * Flags: --kind, --title, --service id[=status] (repeatable), --pinned, --corrects id, --body,
 * --date (with offset; default now), --dir (content folder). Any flag left out is asked for, unless
 * --yes is given or no terminal is attached (then --kind, --title and --body are required; no services, not pinned). The file is checked before the command ends: if it
 * makes the content invalid, it is removed and the problems are printed.
 */
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import * as prompts from '@inquirer/prompts';
import { loadContent } from '../src/lib/content.ts';
import { nowInZone, renderUpdateFile, updateFileName, type NewUpdate } from '../src/lib/new-update.ts';
import { EXPECTED, formatProblems } from '../src/lib/problems.ts';
import { dateTimeSchema, type Status } from '../src/schemas/common.ts';
import { interview, type Ask } from './lib/interview.ts';
import { parseArgsOrUsage } from './lib/args.ts';

const { values } = parseArgsOrUsage(
	{
		options: {
			kind: { type: 'string' },
			title: { type: 'string' },
			service: { type: 'string', multiple: true },
			pinned: { type: 'boolean' },
			corrects: { type: 'string' },
			body: { type: 'string' },
			date: { type: 'string' },
			dir: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
			yes: { type: 'boolean', default: false },
		},
	},
	'Usage : npm run new -- [--kind type] [--title "…"] [--service id[=état]]… [--pinned] [--corrects id] [--body "…"] [--date 2024-06-28T09:15+02:00] [--dir dossier] [--yes]',
);
// The date names the file: anything but a real date with offset (say `../../x`) is refused before a file is written.
if (values.date !== undefined && !dateTimeSchema.safeParse(values.date).success) {
	console.error(`--date : attendu ${EXPECTED['expected.datetime']!.fr} ; trouvé « ${values.date} ». Aucune actualité créée.`);
	process.exit(1);
}

const { content, problems } = loadContent(values.dir);
if (!content) {
	console.error(`Le contenu actuel a des erreurs ; corrigez-les d'abord (npm run check).\n${formatProblems(problems)}`);
	process.exit(1);
}

const given: Partial<NewUpdate> = { kind: values.kind as NewUpdate['kind'] | undefined, title: values.title, corrects: values.corrects, body: values.body, pinned: values.pinned };
if (values.service) {
	given.services = values.service.map((s) => s.split('=')[0]!);
	given.changes = values.service.filter((s) => s.includes('=')).map((s) => { const [service = '', status] = s.split('='); return { service, status: status as Status }; });
}
// Without a terminal (a script) or with --yes, nothing is asked: missing optional flags take their defaults.
if (values.yes || !process.stdin.isTTY) {
	const missing = (['kind', 'title', 'body'] as const).filter((flag) => !given[flag]);
	if (missing.length) {
		console.error(`Sans assistant, ces options sont obligatoires : ${missing.map((f) => `--${f}`).join(', ')}.`);
		process.exit(1);
	}
	Object.assign(given, { services: given.services ?? [], changes: given.changes ?? [], pinned: given.pinned ?? false });
}

const answers = await interview(prompts as unknown as Ask, content, given).catch((error: unknown) => {
	if (error instanceof Error && error.name === 'ExitPromptError') {
		console.error('Annulé : aucune actualité créée.');
		process.exit(130);
	}
	throw error;
});
const update: NewUpdate = { ...answers, date: values.date ?? nowInZone(content.settings.data.fr.timezone) };
let name = updateFileName(update);
for (let n = 2; existsSync(join(values.dir, 'updates', name)); n++) name = updateFileName(update).replace(/\.md$/, `-${n}.md`);
const path = join(values.dir, 'updates', name);
// Whatever the flags, the only file this command writes is directly inside content/updates/.
const inside = relative(resolve(values.dir, 'updates'), resolve(path));
if (inside !== name || isAbsolute(inside)) {
	console.error(`Nom de fichier refusé : « ${name} » sortirait de ${join(values.dir, 'updates')}. Aucune actualité créée.`);
	process.exit(1);
}
writeFileSync(path, renderUpdateFile(update));

const after = loadContent(values.dir);
const mine = after.problems.filter((p) => p.severity === 'error');
if (mine.length) {
	unlinkSync(path);
	console.error(`L'actualité n'a pas été créée :\n${formatProblems(mine)}`);
	process.exit(1);
}
console.log(`✓ Actualité créée : ${path}\n  Relisez-la, complétez le texte si besoin, puis prévisualisez avec « npm run dev » et publiez avec « npm run publish ».`);
