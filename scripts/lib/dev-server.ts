import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export interface DevServer {
	origin: string;
	/** Everything the server printed so far (stdout and stderr). */
	output: () => string;
	stop: () => void;
}

/**
 * Starts the staff's live preview (`astro dev`) on a content folder and resolves once it listens.
 * `env` is the server's environment (a test passes its own, without Vitest's variables).
 *
 * @example
 * const dev = await startDevServer('/tmp/bench/content');
 * await fetch(`${dev.origin}/`);
 * dev.stop();
 */
export async function startDevServer(contentDir: string, env: NodeJS.ProcessEnv = process.env): Promise<DevServer> {
	const port = await freePort();
	const root = process.cwd();
	const server = spawn(process.execPath, [join(root, 'scripts/astro.mjs'), 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
		env: { ...env, CONTENT_DIR: contentDir },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const origin = `http://127.0.0.1:${port}`;
	const stop = () => server.kill();
	for (let attempt = 0; attempt < 300; attempt++) {
		if (server.exitCode !== null) break;
		if (output.includes(`:${port}`)) return { origin, output: () => output, stop };
		await new Promise((r) => setTimeout(r, 100));
	}
	stop();
	throw new Error(`astro dev did not start within 30 s:\n${output}`);
}
