/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- tooling runs in plain Node, not inside n8n */
/**
 * Debian packages the scale stack needs (PostgreSQL, Redis), installed with apt-get when missing, as
 * .ci/run does for Chromium: a fresh machine has neither, and Docker is not available here.
 */
import { spawnSync } from 'node:child_process';

export function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Installs `packages` quietly with apt-get. Only root can; anyone else gets the command to run.
 * `why` names what is missing, for the error message.
 */
export function aptInstall(packages: string[], why: string): void {
	const command = `apt-get install -y ${packages.join(' ')}`;
	if (!isRoot()) throw new Error(`${why}: install it with \`sudo ${command}\` and run again`);
	process.stderr.write(`[scale] ${why}: installing ${packages.join(', ')} with apt-get (about a minute)\n`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...packages]]) {
		const result = spawnSync('apt-get', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		if (result.status !== 0) {
			throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.error?.message}):\n${`${result.stdout}${result.stderr}`.slice(-3000)}`);
		}
	}
}
