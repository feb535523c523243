import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { parse as parseHtml } from 'node-html-parser';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml, stringify } from 'yaml';
import type { z } from 'astro/zod';
import { afterAll, describe, expect, onTestFinished, test } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { formatProblem, type Problem } from '../../src/lib/problems.ts';
import { FORBIDDEN_CHARACTER } from '../../src/lib/source-file.ts';
import { markdownSchema } from '../../src/schemas/common.ts';
import { electionSchema, electionTranslationSchema } from '../../src/schemas/election.ts';
import { pageSchema, pageTranslationSchema } from '../../src/schemas/page.ts';
import { placeSchema, placeTranslationSchema } from '../../src/schemas/place.ts';
import { serviceSchema, serviceTranslationSchema } from '../../src/schemas/service.ts';
import { settingsSchema, settingsTranslationSchema } from '../../src/schemas/settings.ts';
import { updateSchema, updateTranslationSchema } from '../../src/schemas/update.ts';
import { buildSite } from '../support/build-site.ts';

/*
 * Fuzz test: every text field of every schema (and every markdown body) gets a hostile string, made by
 * fast-check from script tags, event handlers, javascript: links, CSP meta tags, control and bidi
 * characters, entities, CDATA ends, very long and random strings. Then:
 * - the check never crashes, and names the file and field of everything it refuses;
 * - with exactly those fields put back, the content is valid and builds, and no page, feed, JSON,
 *   calendar or text file carries a live script, event handler or javascript: address; every page keeps
 *   its strict CSP; every XML file is well-formed for libxml2 (xmllint, Debian's libxml2-utils).
 * Seeded, so a failure replays; the site is built once per content set (BUILDS), not per case.
 */
const SEED = 20_240_624;
const CHECK_RUNS = 25;
const BUILDS = 2;
const FIXTURE = 'tests/fixtures/site';

const PAYLOADS = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)><circle r=1 /></svg>',
	'javascript:alert(1)',
	' JaVaScRiPt:alert(1)',
	'[lien](javascript:alert(1))',
	'<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
	'<a href="&#106;avascript:alert(1)">x</a>',
	'"><script>alert(1)</script>',
	"'><img src=x onerror=alert(1)>",
	'<meta http-equiv="Content-Security-Policy" content="script-src \'unsafe-inline\'">',
	'<meta http-equiv=content-security-policy content="default-src *">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<base href="https://evil.example/">',
	'<iframe src="https://evil.example/"></iframe>',
	'<style>body{display:none}</style>',
	'</style><script>alert(1)</script>',
	'</title><script>alert(1)</script>',
	'</script><script>alert(1)</script>',
	'<form action="javascript:alert(1)"><button>x</button></form>',
	'<object data="javascript:alert(1)"></object>',
	']]>',
	'<![CDATA[<script>alert(1)</script>]]>',
	'<!-- x -->',
	'&amp; &lt;script&gt; &#x3C;script&#x3E; &nbsp; &#0; &#xD800;',
	'<?xml version="1.0"?>',
	'<!DOCTYPE x [<!ENTITY e "x">]>&e;',
	'\u0000',
	'\u000B',
	'\u000C',
	'\u001B[31m',
	'\u0085',
	'\u202E54 21',
	'\u2066x\u2069',
	'\uFEFF',
	'\uFFFF',
	'\uD800',
	'\r\n',
	'\nEND:VEVENT\nBEGIN:VEVENT\nURL:javascript:alert(1)\n',
	'{"a": "</script>"}',
	'${alert(1)}',
	'{{alert(1)}}',
	'\\',
	'*'.repeat(30),
	'x'.repeat(3000),
	'émoji 🚨🗳️ — « guillemets »',
];

/** One hostile string: a few payloads and random strings (any code point, lone surrogates included). */
const hostile = fc
	.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }), { minLength: 1, maxLength: 4 })
	.map((parts) => parts.join(' '));

// ——— The content sets ———

type Schema = z.ZodType;
type Data = Record<string, unknown>;
type Path = (string | number)[];
interface SourceFile {
	name: string;
	schema: Schema;
	front: Data;
	body?: string;
}

/** The schema of each fixture file, by its path. */
function schemaOf(name: string): Schema {
	const en = name.includes('.en.');
	if (name.startsWith('settings')) return en ? settingsTranslationSchema : settingsSchema;
	const folder = name.split('/')[0];
	const pairs: Record<string, [Schema, Schema]> = {
		places: [placeSchema, placeTranslationSchema],
		services: [serviceSchema, serviceTranslationSchema],
		updates: [updateSchema, updateTranslationSchema],
		elections: [electionSchema, electionTranslationSchema],
		pages: [pageSchema, pageTranslationSchema],
	};
	const pair = pairs[folder ?? ''];
	if (!pair) throw new Error(`no schema for ${name}`);
	return en ? pair[1] : pair[0];
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * The fixture, plus what it lacks so that every optional text field exists somewhere: a place and a
 * service with every field, an election with assessors and arrangements, a publish section.
 */
function baseFiles(): SourceFile[] {
	const files = filesUnder(FIXTURE)
		.map((path) => relative(FIXTURE, path))
		.filter((name) => /\.(ya?ml|md)$/.test(name))
		.map((name): SourceFile => {
			const text = readFileSync(join(FIXTURE, name), 'utf8');
			if (!name.endsWith('.md')) return { name, schema: schemaOf(name), front: parseYaml(text) as Data };
			const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
			return { name, schema: schemaOf(name), front: parseYaml(front) as Data, body };
		});
	const extra: SourceFile[] = [
		{ name: 'places/gymnase.yaml', schema: placeSchema, front: { name: 'Gymnase', address: '2 rue', hours: [{ days: 'Samedi', hours: '9 h' }], hoursNote: 'x', accessNotes: 'x', phone: '02 00 00 00 01' } },
		{ name: 'places/gymnase.en.yaml', schema: placeTranslationSchema, front: { name: 'Gym', hours: [{ days: 'Saturday', hours: '9' }], hoursNote: 'x', accessNotes: 'x' } },
		{
			name: 'services/cantine.yaml',
			schema: serviceSchema,
			front: { name: 'Cantine', category: 'demarches', description: 'Repas.', initialStatus: 'paper', works: ['a'], doesNotWork: ['b'], alternative: { summary: 'x', details: 'x', places: ['gymnase'], hours: 'x', bring: ['x'], phone: '02 00 00 00 02' }, deadlines: [{ title: 'x', text: 'x', date: '2024-06-30' }] },
		},
		{ name: 'services/cantine.en.yaml', schema: serviceTranslationSchema, front: { name: 'Canteen', description: 'x', works: ['a'], doesNotWork: ['b'], alternative: { summary: 'x', details: 'x', hours: 'x', bring: ['x'] }, deadlines: [{ title: 'x', text: 'x' }] } },
		{
			name: 'elections/municipales.yaml',
			schema: electionSchema,
			front: { title: 'x', rounds: [{ name: 'x', date: '2024-06-30', opens: '08:00', closes: '18:00' }], stations: [{ number: 1, place: 'gymnase', area: 'x' }], arrangements: [{ topic: 'x', text: 'x' }], registration: 'x', proxies: 'x', identity: 'x', results: 'x', assessors: 'x' },
		},
		{ name: 'elections/municipales.en.yaml', schema: electionTranslationSchema, front: { title: 'x', rounds: [{ name: 'x' }], stations: [{ area: 'x' }], arrangements: [{ topic: 'x', text: 'x' }], registration: 'x', proxies: 'x', identity: 'x', results: 'x', assessors: 'x' } },
		{ name: 'pages/mentions-legales.en.md', schema: pageTranslationSchema, front: { title: 'Legal notice', description: 'x' }, body: 'x' },
	];
	const settings = files.find((f) => f.name === 'settings.yaml')!;
	settings.front = {
		...settings.front,
		contacts: [...(settings.front.contacts as Data[]), { kind: 'counter', label: 'x', value: 'x', hours: 'x', note: 'x' }, { kind: 'web', label: 'x', value: 'https://www.testville.example/', note: 'x' }],
		social: [{ name: 'x', url: 'https://social.example/testville' }],
		publish: { signer: 'x', securityContact: 'mailto:securite@testville.example', targets: [{ type: 'folder', name: 'x', path: '/tmp/x' }] },
	};
	return [...files, ...extra];
}

/** Follows the wrappers (optional, default…) to the schema that says what the value is. */
function unwrap(schema: Schema): Schema {
	let current = schema;
	for (;;) {
		const def = current._zod.def as { type: string; innerType?: Schema; in?: Schema };
		if (def.innerType) current = def.innerType;
		else if (def.type === 'pipe' && def.in) current = def.in;
		else return current;
	}
}

type Leaf = { kind: 'text'; max?: number } | { kind: 'url' };
/** A free text (any string within a length) or a web address; undefined for ids, dates, enums, phone numbers… */
function leafOf(schema: Schema): Leaf | undefined {
	const inner = unwrap(schema);
	const def = inner._zod.def as { type: string; format?: string; checks?: { _zod: { def: { check: string; format?: string; maximum?: number } } }[] };
	if (def.type !== 'string') return undefined;
	const checks = (def.checks ?? []).map((c) => c._zod.def);
	if (def.format === 'url' || checks.some((c) => c.format === 'url')) return { kind: 'url' };
	const plain = checks.every((c) => c.check === 'min_length' || c.check === 'max_length');
	if (!plain && inner !== unwrap(markdownSchema)) return undefined;
	return { kind: 'text', max: checks.find((c) => c.check === 'max_length')?.maximum };
}

/** Every text or address field the data holds, or that its schema allows beside the ones it holds. */
function leaves(schema: Schema, value: unknown, path: Path = []): { path: Path; leaf: Leaf }[] {
	const inner = unwrap(schema);
	const def = inner._zod.def as { type: string; shape?: Record<string, Schema>; element?: Schema; options?: Schema[] };
	const leaf = leafOf(inner);
	if (leaf) return [{ path, leaf }];
	if (def.type === 'array' && def.element && Array.isArray(value)) return value.flatMap((item, i) => leaves(def.element!, item, [...path, i]));
	if (def.type === 'union' && def.options && value && typeof value === 'object') {
		const option = def.options.find((o) => o.safeParse(value).success);
		return option ? leaves(option, value, path) : [];
	}
	if (def.type === 'object' && def.shape && value && typeof value === 'object') {
		return Object.entries(def.shape).flatMap(([key, field]) => {
			const present = (value as Data)[key];
			if (present !== undefined) return leaves(field, present, [...path, key]);
			return leafOf(field)?.kind === 'text' ? [{ path: [...path, key], leaf: leafOf(field)! }] : [];
		});
	}
	return [];
}

const getIn = (data: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Data | undefined)?.[k], data);
function setIn(data: unknown, path: Path, value: unknown): void {
	const parent = getIn(data, path.slice(0, -1)) as Data;
	if (value === undefined) delete parent[path.at(-1)!];
	else parent[path.at(-1)!] = value;
}
/** `alternative.places[1]` → `['alternative', 'places', 1]`. */
const pathOf = (field: string): Path => field.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** The site's own address stays: it sets the base path of every page, not a text residents read. */
const KEPT = new Set(['settings.yaml:siteUrl']);

/** The base files with every text field (and body) replaced by a hostile string drawn from `draw`. */
function hostileSet(base: SourceFile[], draw: () => string): { files: SourceFile[]; fields: number } {
	let fields = 0;
	const files = base.map((file): SourceFile => {
		const front = structuredClone(file.front);
		for (const { path, leaf } of leaves(file.schema, front)) {
			if (KEPT.has(`${file.name}:${path.join('.')}`)) continue;
			const value = draw();
			setIn(front, path, leaf.kind === 'url' ? `https://evil.example/${encodeURIComponent(value.toWellFormed()).slice(0, 200)}` : leaf.max ? value.slice(0, leaf.max) : value);
			fields++;
		}
		if (file.body === undefined) return { ...file, front };
		fields++;
		return { ...file, front, body: [draw(), draw(), draw()].join('\n\n') };
	});
	return { files, fields };
}

function write(files: SourceFile[]): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'fuzz-')), 'content');
	for (const file of files) {
		mkdirSync(dirname(join(dir, file.name)), { recursive: true });
		const yaml = stringify(file.front, { lineWidth: 0 });
		writeFileSync(join(dir, file.name), file.body === undefined ? yaml : `---\n${yaml}---\n${file.body}\n`);
	}
	return dir;
}

/** Errors of the check, each of which must name a file of the set and say where in it. */
function checkErrors(dir: string, files: SourceFile[]): Problem[] {
	const errors = loadContent(dir, { cwd: dir }).problems.filter((p) => p.severity === 'error');
	const names = new Set(files.map((f) => f.name));
	for (const error of errors) {
		expect(names.has(error.file), `not a file of the set: ${formatProblem(error)}`).toBe(true);
		expect({ field: error.field, line: error.line }, `no field or line: ${formatProblem(error)}`).not.toEqual({ field: '', line: undefined });
	}
	return errors;
}

/** Puts back the base value of every field the check refused, until it refuses none. */
function putBackRefused(files: SourceFile[], base: SourceFile[]): { dir: string; putBack: number } {
	let putBack = 0;
	for (let round = 0; round < 5; round++) {
		const dir = write(files);
		const errors = checkErrors(dir, files);
		if (!errors.length) return { dir, putBack };
		rmSync(dirname(dir), { recursive: true, force: true });
		for (const error of errors) {
			const file = files.find((f) => f.name === error.file)!;
			const original = base.find((f) => f.name === error.file)!;
			if (error.field === 'body') file.body = original.body;
			else if (error.field === '') file.front = structuredClone(original.front);
			// The base holds every field the hostile set has, but for optional texts it lacks: those go.
			else setIn(file.front, pathOf(error.field), structuredClone(getIn(original.front, pathOf(error.field))));
			putBack++;
		}
	}
	throw new Error('the check still refuses the content after putting back every field it named');
}

// ——— What the built site must never contain ———

const SAFE_SCHEME = /^(https?:|mailto:|tel:|[/#?.]|[^:]*$)/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'xlink:href', 'cite', 'longdesc', 'srcset', 'manifest', 'codebase']);
// Inline SVG (the poster's QR code) is inert without scripts and handlers, which are checked on every element.
const ACTIVE_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'foreignobject']);
/** In HTML from staff text (feed items, JSON), not even the tags a page's head legitimately has. */
const HEAD_TAGS = new Set(['style', 'link', 'meta', 'title']);
/** The site's own scripts: Pagefind's UI on the search pages, and its bootstrap. */
const OWN_SCRIPT = /^\s*addEventListener\('DOMContentLoaded', \(\) => \{\s*if \(!window\.PagefindUI\) return;\s*new PagefindUI\(\{ element: '#search', showImages: false \}\);\s*document\.getElementById\('search-nojs'\)\.hidden = true;\s*\}\);\s*$/;

/** What is live in an HTML page or fragment: scripts, handlers, non-web addresses, extra meta tags. */
function liveContent(html: string, context: 'page' | 'search page' | 'fragment'): string[] {
	const ownScriptsAllowed = context === 'search page';
	const found: string[] = [];
	for (const el of parseHtml(html, { comment: false }).querySelectorAll('*')) {
		const tag = el.tagName.toLowerCase();
		if (tag === 'script') {
			const own = ownScriptsAllowed && (el.getAttribute('src') ? /\/pagefind\/pagefind-ui\.js$/.test(el.getAttribute('src')!) : OWN_SCRIPT.test(el.textContent));
			if (!own) found.push(`<script>${el.textContent.slice(0, 60)}`);
		} else if (ACTIVE_TAGS.has(tag) || (context === 'fragment' && HEAD_TAGS.has(tag))) found.push(`<${tag}>`);
		if (tag === 'meta' && el.getAttribute('http-equiv') && !/^(content-security-policy|referrer)$/i.test(el.getAttribute('http-equiv')!)) found.push(`<meta http-equiv=${el.getAttribute('http-equiv')}>`);
		for (const [name, value] of Object.entries(el.attributes)) {
			const lower = name.toLowerCase();
			if (lower.startsWith('on')) found.push(`${name}=`);
			// Browsers ignore tabs, newlines and control characters inside a scheme (`java\tscript:`).
			if (URL_ATTRIBUTES.has(lower) && !SAFE_SCHEME.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${name}="${value.slice(0, 60)}"`);
		}
	}
	return found;
}

/** The page's CSP meta elements and whether script-src (or default-src) allows inline scripts. */
function cspProblems(html: string): string[] {
	const metas = parseHtml(html).querySelectorAll('meta').filter((m) => /^content-security-policy$/i.test(m.getAttribute('http-equiv') ?? ''));
	if (metas.length !== 1) return [`${metas.length} CSP meta elements`];
	const policy = metas[0]!.getAttribute('content') ?? '';
	const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
	const scripts = directive('script-src') ?? directive('default-src');
	if (!scripts) return ['no script-src nor default-src'];
	return /'unsafe-inline'|'unsafe-eval'|\*|data:/.test(scripts) ? [`script policy "${scripts}"`] : [];
}

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, processEntities: true, htmlEntities: true });
/** HTML-bearing elements of RSS/Atom, and addresses that readers follow. */
function feedProblems(text: string): string[] {
	const found: string[] = [];
	const walk = (node: unknown, key: string): void => {
		if (typeof node === 'string') {
			if (/^(description|content:encoded|content|summary)$/.test(key)) found.push(...liveContent(node, 'fragment'));
			if (/^(link|guid|@_href|@_url|url|loc|xhtml:link)$/.test(key) && !/^https?:/i.test(node.trim())) found.push(`${key}: ${node.slice(0, 60)}`);
		} else if (Array.isArray(node)) node.forEach((n) => walk(n, key));
		else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k === '#text' ? key : k);
	};
	walk(xml.parse(text), '');
	return found;
}

/** JSON: HTML fields are inert, address fields are web addresses. */
function jsonProblems(value: unknown, key = ''): string[] {
	if (typeof value === 'string') {
		if (/html$/i.test(key)) return liveContent(value, 'fragment');
		if (/(url|href|link)$/i.test(key) && !/^(https?:|mailto:|tel:|\/)/i.test(value)) return [`${key}: ${value.slice(0, 60)}`];
		return [];
	}
	if (Array.isArray(value)) return value.flatMap((v) => jsonProblems(v, key));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonProblems(v, k));
	return [];
}

/** Calendar: parses (ical.js), and its URL and ATTACH properties are web addresses. */
function calendarProblems(text: string): string[] {
	const found: string[] = [];
	const walk = (component: ICAL.Component): void => {
		for (const property of component.getAllProperties()) {
			if (/^(url|attach|x-alt-desc)$/.test(property.name)) {
				const value = String(property.getFirstValue());
				if (property.name === 'x-alt-desc') found.push(...liveContent(value, 'fragment'));
				else if (!/^https?:/i.test(value)) found.push(`${property.name}: ${value.slice(0, 60)}`);
			}
		}
		component.getAllSubcomponents().forEach(walk);
	};
	walk(new ICAL.Component(ICAL.parse(text)));
	return found;
}

/** Hosting files (`_headers`, `.htaccess`, nginx): every CSP they send keeps inline scripts out. */
const headerProblems = (text: string): string[] =>
	text
		.split('\n')
		// `! Content-Security-Policy` (Netlify) only removes an inherited header before setting the section's own.
		.filter((line) => /content-security-policy/i.test(line) && !/^\s*!/.test(line))
		.filter((line) => /'unsafe-inline'|'unsafe-eval'/.test(/script-src([^;]*)/.exec(line)?.[1] ?? /default-src([^;]*)/.exec(line)?.[1] ?? "'unsafe-inline'"))
		.map((line) => `CSP header allows inline scripts: ${line.trim().slice(0, 120)}`);

/** security.txt, robots.txt…: every `Field: address` line points to the web, an email or a phone. */
const textProblems = (text: string): string[] =>
	[...text.matchAll(/^(Contact|Canonical|Sitemap|Policy|Acknowledgments|Hiring|Encryption|Preferred-Languages)?:\s*(\S+)/gim)].filter((m) => m[1] && /^[a-z][a-z0-9+.-]*:/i.test(m[2]!) && !/^(https?:|mailto:|tel:)/i.test(m[2]!)).map((m) => m[0]);

function builtProblems(outDir: string): { problems: string[]; counts: Record<string, number> } {
	const problems: string[] = [];
	const counts: Record<string, number> = {};
	// Pagefind's index and the staff editor's bundle (/admin/, its own policy: tests/unit/cms-config.test.ts) hold no content text.
	const files = filesUnder(outDir).filter((f) => !/^(pagefind|admin)\//.test(relative(outDir, f)));
	for (const file of files) {
		const name = relative(outDir, file);
		const ext = /\.([a-z]+)$/.exec(name)?.[1] ?? name.split('/').at(-1)!;
		counts[ext] = (counts[ext] ?? 0) + 1;
		const text = () => readFileSync(file, 'utf8');
		const at = (found: string[]) => problems.push(...found.map((f) => `${name}: ${f}`));
		try {
			if (ext === 'html') at([...liveContent(text(), /(^|\/)(recherche|search)\//.test(name) ? 'search page' : 'page'), ...cspProblems(text())]);
			else if (ext === 'xml' || ext === 'rss' || ext === 'atom') at(feedProblems(text()));
			else if (ext === 'json' || ext === 'webmanifest') at(jsonProblems(JSON.parse(text())));
			else if (ext === 'ics') at(calendarProblems(text()));
			else if (ext === 'txt') at(textProblems(text()));
			else if (/(^|\/)(_headers|\.htaccess|nginx\.conf)$/.test(name)) at(headerProblems(text()));
		} catch (error) {
			problems.push(`${name}: cannot be read: ${(error as Error).message.split('\n')[0]}`);
		}
	}
	const xmlFiles = files.filter((f) => /\.(xml|rss|atom|svg)$/.test(f));
	if (xmlFiles.length) {
		const lint = spawnSync('xmllint', ['--noout', '--nonet', ...xmlFiles], { encoding: 'utf8' });
		if (lint.error) problems.push(`xmllint could not run (${lint.error.message}): install Debian's libxml2-utils`);
		else if (lint.status !== 0) problems.push(`not well-formed XML:\n${lint.stderr.slice(0, 3000)}`);
	}
	return { problems, counts };
}

// ——— The tests ———

const base = baseFiles();
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the fuzz test sees what it looks for', () => {
	test.each([
		['a script', liveContent('<p>x</p><script>alert(1)</script>', 'page')],
		['a script on the search page that is not its own', liveContent('<script>alert(1)</script>', 'search page')],
		['an event handler', liveContent('<img src="a.png" onerror="alert(1)">', 'page')],
		['a javascript: link hidden by a tab', liveContent('<a href="java\tscript:alert(1)">x</a>', 'page')],
		['a refresh to javascript:', liveContent('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', 'page')],
		['a style element in an item', liveContent('<style>body{display:none}</style>', 'fragment')],
		['no CSP meta', cspProblems('<html><head></head></html>')],
		["'unsafe-inline' scripts", cspProblems(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'">`)],
		['a live script in a feed item', feedProblems('<rss><channel><item><description>&lt;script&gt;alert(1)&lt;/script&gt;</description></item></channel></rss>')],
		['a javascript: link in a feed', feedProblems('<rss><channel><item><link>javascript:alert(1)</link></item></channel></rss>')],
		['an event handler in JSON HTML', jsonProblems({ items: [{ html: '<img src=x onerror=alert(1)>' }] })],
		['a javascript: URL in JSON', jsonProblems({ url: 'javascript:alert(1)' })],
		['a javascript: URL in a calendar', calendarProblems('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nURL:javascript:alert(1)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')],
		['a javascript: contact in security.txt', textProblems('Contact: javascript:alert(1)\n')],
		["a CSP header relaxed to 'unsafe-inline'", headerProblems(`/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline'\n`)],
	])('%s', (_, found) => {
		expect(found.length).toBeGreaterThan(0);
	});
	test('libxml2 refuses a feed holding a control character, which fast-xml-parser would accept', () => {
		const dir = mkdtempSync(join(tmpdir(), 'fuzz-xml-'));
		cleanup.push(dir);
		writeFileSync(join(dir, 'rss.xml'), '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Ligne\u000Bdeux</title></channel></rss>');
		expect(builtProblems(dir).problems.join('\n')).toContain('not well-formed XML');
	});
	test('the site\'s own search scripts and a clean page pass', () => {
		expect(liveContent(`<script defer src="/crise/pagefind/pagefind-ui.js"></script><script>addEventListener('DOMContentLoaded', () => { if (!window.PagefindUI) return; new PagefindUI({ element: '#search', showImages: false }); document.getElementById('search-nojs').hidden = true; });</script>`, 'search page')).toEqual([]);
		expect(cspProblems(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-abc='">`)).toEqual([]);
	});
});

describe('hostile strings in every text field', () => {
	test('the base content set is valid and reaches every text field of every schema', () => {
		const dir = write(base);
		cleanup.push(dirname(dir));
		expect(checkErrors(dir, base).map((e) => formatProblem(e))).toEqual([]);
		const reached = new Set(base.flatMap((f) => leaves(f.schema, f.front).map((l) => `${f.schema === settingsSchema ? 'settings' : f.name.split('/')[0]}${f.name.includes('.en.') ? '.en' : ''}:${l.path.filter((k) => typeof k === 'string').join('.')}`)));
		// A sample of fields that only the additions above hold: if the schemas move, this says so.
		for (const field of ['places:accessNotes', 'places.en:hoursNote', 'services:alternative.details', 'services:deadlines.text', 'elections:assessors', 'elections:stations.area', 'settings:contacts.note', 'settings:publish.signer', 'settings:social.url', 'pages.en:title']) expect(reached).toContain(field);
	});

	test('the check never crashes, and names the file and the field of everything it refuses', () => {
		fc.assert(
			fc.property(fc.infiniteStream(hostile), (strings) => {
				const { files } = hostileSet(base, () => strings.next().value);
				const dir = write(files);
				try {
					checkErrors(dir, files);
				} finally {
					rmSync(dirname(dir), { recursive: true, force: true });
				}
			}),
			{ seed: SEED, numRuns: CHECK_RUNS },
		);
	});

	// Random sets, then one where every field holds every payload the check accepts (cut to the field's
	// length), so that the most visible fields (the town's name is on every page) meet each of them.
	const everyPayload = PAYLOADS.filter((p) => !FORBIDDEN_CHARACTER.test(p)).join(' ');
	const sets: { next: () => { value: string } }[] = [...fc.sample(fc.infiniteStream(hostile), { seed: SEED + 1, numRuns: BUILDS }), { next: () => ({ value: everyPayload }) }];
	test.each(sets.map((strings, i) => [i + 1, strings] as const))('hostile content set %i builds into a site with nothing live in it, a strict CSP on every page, and well-formed XML', (_, strings) => {
		const { files, fields } = hostileSet(base, () => strings.next().value);
		const { dir, putBack } = putBackRefused(files, base);
		cleanup.push(dirname(dir));
		// Most hostile strings are accepted (only control and bidi characters, lengths and non-web contacts are refused).
		expect(putBack).toBeLessThan(fields / 2);
		const build = buildSite(dir);
		onTestFinished(build.remove);
		expect(build.status, build.output.slice(-3000)).toBe(0);
		const { problems, counts } = builtProblems(build.outDir);
		expect(counts.html).toBeGreaterThan(20);
		expect(counts.xml).toBeGreaterThan(3);
		expect(counts.ics).toBeGreaterThan(0);
		expect(counts.json).toBeGreaterThan(0);
		expect(counts._headers).toBe(1);
		expect(problems).toEqual([]);
	});
});
