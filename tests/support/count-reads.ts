/**
 * Preloaded into a server under test (`NODE_OPTIONS=--import …/count-reads.ts`, with
 * COUNT_READS_UNDER=<folder>): prints `content-read <path>` on stderr for every file read under that
 * folder, so a test can count how often the content is read without changing the code it tests.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const under = resolve(process.env.COUNT_READS_UNDER ?? '/nonexistent');
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path: fs.PathOrFileDescriptor, ...rest: unknown[]) {
	if (typeof path === 'string' && resolve(path).startsWith(`${under}/`)) process.stderr.write(`content-read ${resolve(path)}\n`);
	return (readFileSync as (...args: unknown[]) => unknown).call(fs, path, ...rest);
} as typeof fs.readFileSync;
// Modules that import { readFileSync } from 'node:fs' see the counting one too.
syncBuiltinESMExports();
