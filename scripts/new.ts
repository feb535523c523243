/**
 * Creates a new update in content/updates/, dated now in the town's time zone.
 *
 *   npm run new                                   # assistant: asks everything, in French
 *   npm run new -- --lang en                      # assistant, in English
 *   npm run new -- --kind resolution --title "Le standard répond" \
 *     --service standard-telephonique=operational --body "Appelez le 02 38 71 93 93."   # no questions
 *
 * Flags: --kind, --title, --service id[=status] (repeatable), --pinned, --corrects id, --body,
 * --date (with offset; default now), --next (next update time with offset, or `none`), --title-en and
 * --body-en (the English version), --dir (content folder), --lang (fr, the default, or en). Any flag
 * left out is asked for, unless --yes is given or no terminal is attached (then --kind, --title and
 * --body are required; no services, not pinned). The file is checked before the command ends: if it
 * makes the content invalid, it is removed and the problems are printed. Then the update is printed
 * as an SMS, a post, a voicemail script and an alert (see `npm run messages`).
 * The first update of kind `incident` on a standby site declares the incident.
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { loadContent } from '../src/lib/content.ts';
import { updateMessages } from '../src/lib/messages.ts';
import { nowInZone, renderTranslationFile, renderUpdateFile, setNextUpdate, updateFileName, type NewUpdate } from '../src/lib/new-update.ts';
import { langOf, t, type MessageKey, type MessageParams } from '../src/i18n/ui.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { dateTimeSchema, type Status } from '../src/schemas/common.ts';
import { interview, localPrompts } from './lib/interview.ts';
import { parseArgsOrUsage } from './lib/args.ts';
import { formatMessages } from './lib/print-messages.ts';

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
			next: { type: 'string' },
			'title-en': { type: 'string' },
			'body-en': { type: 'string' },
			dir: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
			lang: { type: 'string', default: 'fr' },
			yes: { type: 'boolean', default: false },
		},
	},
	'usage.new',
);
const lang = langOf(values.lang);
function fail(key: MessageKey, params?: MessageParams, code = 1): never {
	console.error(t(lang, key, params));
	process.exit(code);
}
// The date names the file: anything but a real date with offset (say `../../x`) is refused before a file is written.
if (values.date !== undefined && !dateTimeSchema.safeParse(values.date).success) {
	fail('new.badDate', { expected: t(lang, 'expected.datetime'), value: values.date });
}

const { content, problems } = loadContent(values.dir);
if (!content) {
	fail('new.contentErrors', { problems: formatProblems(problems, lang) });
}

const given: Parameters<typeof interview>[2] = {
	kind: values.kind as NewUpdate['kind'] | undefined,
	title: values.title,
	corrects: values.corrects,
	body: values.body,
	pinned: values.pinned,
	nextUpdate: values.next === 'none' ? null : values.next,
	en: values['title-en'] && values['body-en'] ? { title: values['title-en'], body: values['body-en'] } : undefined,
};
if (values.next && values.next !== 'none' && !dateTimeSchema.safeParse(values.next).success) {
	fail('new.badNext', { value: values.next });
}
if (values.service) {
	given.services = values.service.map((s) => s.split('=')[0]!);
	given.changes = values.service.filter((s) => s.includes('=')).map((s) => { const [service = '', status] = s.split('='); return { service, status: status as Status }; });
}
// Without a terminal (a script) or with --yes, nothing is asked: missing optional flags take their defaults.
if (values.yes || !process.stdin.isTTY) {
	const missing = (['kind', 'title', 'body'] as const).filter((flag) => !given[flag]);
	if (missing.length) fail('command.requiredFlags', { flags: missing.map((f) => `--${f}`).join(', ') });
	Object.assign(given, { services: given.services ?? [], changes: given.changes ?? [], pinned: given.pinned ?? false, askExtras: false });
}

const answers = await interview(localPrompts(lang), content, given, lang).catch((error: unknown) => {
	if (error instanceof Error && error.name === 'ExitPromptError') fail('new.cancelled', undefined, 130);
	throw error;
});
const { nextUpdate, en, ...fields } = answers;
const update: NewUpdate = { ...fields, date: values.date ?? nowInZone(content.settings.data.fr.timezone) };
mkdirSync(join(values.dir, 'updates'), { recursive: true });
let name = updateFileName(update);
for (let n = 2; existsSync(join(values.dir, 'updates', name)); n++) name = updateFileName(update).replace(/\.md$/, `-${n}.md`);
const path = join(values.dir, 'updates', name);
const enPath = path.replace(/\.md$/, '.en.md');
// Whatever the flags, the only files this command writes are directly inside content/updates/ (and settings.yaml).
const inside = relative(resolve(values.dir, 'updates'), resolve(path));
if (inside !== name || isAbsolute(inside)) {
	fail('new.refusedName', { name, dir: join(values.dir, 'updates') });
}
const settingsPath = join(values.dir, 'settings.yaml');
const settingsBefore = readFileSync(settingsPath, 'utf8');
writeFileSync(path, renderUpdateFile(update));
if (en) writeFileSync(enPath, renderTranslationFile(en));
if (nextUpdate !== undefined) writeFileSync(settingsPath, setNextUpdate(settingsBefore, nextUpdate));

const after = loadContent(values.dir);
const mine = after.problems.filter((p) => p.severity === 'error');
if (mine.length || !after.content) {
	// Nothing half-written: the update, its translation and the settings go back as they were.
	unlinkSync(path);
	if (en) unlinkSync(enPath);
	writeFileSync(settingsPath, settingsBefore);
	fail('new.invalid', { problems: formatProblems(mine, lang) });
}
const id = basename(path, '.md');
console.log(t(lang, 'new.created', { path }));
if (en) console.log(t(lang, 'new.createdEnglish', { path: enPath }));
if (nextUpdate !== undefined) console.log(t(lang, 'new.nextUpdate', { next: nextUpdate ?? 'none' }));
if (update.kind === 'incident' && content.status.standby) console.log(t(lang, 'new.incidentDeclared'));
if (after.content.updateById.has(id)) {
	console.log(`\n${t(lang, 'new.otherChannels', { id, messages: formatMessages(updateMessages(after.content, id, new URL(after.content.settings.data.fr.siteUrl)), lang) })}`);
}
console.log(`\n${t(lang, 'new.reread')}`);
