/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/**
 * How `npm start` chooses its ports beside another n8n: n8n's default when free, a free one when it is
 * taken, the environment's port as set (refused when taken), never one port twice. Ports are held
 * with plain listening sockets; the defaults used are ports the system reported free, not 5678.
 */
import * as net from 'node:net';

import { choosePorts, describePorts, freePort, portIsFree } from '../../../scripts/ports';

const held: net.Server[] = [];

/** Listens on `port` the way a default n8n does (all addresses), until the test ends. */
async function hold(port: number, host = '0.0.0.0'): Promise<void> {
	const server = net.createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	held.push(server);
}

afterEach(async () => {
	await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const setting = (variable: string, defaultPort: number) => ({ variable, purpose: variable.toLowerCase(), defaultPort });

test('a port held on any address is not free on the loopback address', async () => {
	const port = await freePort();
	expect(await portIsFree(port)).toBe(true);
	await hold(port, '0.0.0.0');
	expect(await portIsFree(port)).toBe(false);
});

test('the defaults when they are free', async () => {
	const [a, b] = [await freePort(), await freePort()];
	const ports = await choosePorts([setting('A_PORT', a), setting('B_PORT', b)], {});
	expect(ports.map((p) => [p.port, p.source])).toEqual([
		[a, 'default'],
		[b, 'default'],
	]);
});

test('a free port instead of a default another process holds, and never one port twice', async () => {
	const [a, b] = [await freePort(), await freePort()];
	await hold(a);
	await hold(b, '127.0.0.1');
	const ports = await choosePorts([setting('A_PORT', a), setting('B_PORT', b), setting('C_PORT', b)], {});
	expect(ports.map((p) => p.source)).toEqual(['free', 'free', 'free']);
	expect(ports.map((p) => p.port)).not.toContain(a);
	expect(ports.map((p) => p.port)).not.toContain(b);
	expect(new Set(ports.map((p) => p.port)).size).toBe(3);
	expect(describePorts(ports)[0]).toBe(`a_port: ${ports[0].port} (${a} is in use; set A_PORT to choose)`);
});

test('a port set in the environment is used as set, and refused when it is taken', async () => {
	const [a, b] = [await freePort(), await freePort()];
	const ports = await choosePorts([setting('A_PORT', 1)], { A_PORT: String(a) });
	expect(ports).toEqual([expect.objectContaining({ port: a, source: 'setting' })]);
	expect(describePorts(ports)).toEqual([`a_port: ${a} (set by A_PORT)`]);

	await hold(b);
	await expect(choosePorts([setting('A_PORT', a)], { A_PORT: String(b) })).rejects.toThrow(
		`A_PORT=${b}: port ${b} is already in use (another n8n?). Set A_PORT to a free port, or leave it unset and a free one is chosen.`,
	);
	await expect(choosePorts([setting('A_PORT', 1), setting('B_PORT', 2)], { A_PORT: String(a), B_PORT: String(a) })).rejects.toThrow(`B_PORT=${a}`);
	await expect(choosePorts([setting('A_PORT', a)], { A_PORT: 'http://localhost:5711' })).rejects.toThrow(
		'A_PORT must be a port number from 1 to 65535; it is "http://localhost:5711".',
	);
});

test('a setting that is empty counts as unset', async () => {
	const a = await freePort();
	expect((await choosePorts([setting('A_PORT', a)], { A_PORT: ' ' }))[0]).toEqual(expect.objectContaining({ port: a, source: 'default' }));
});
