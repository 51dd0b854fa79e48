/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- tooling runs in plain Node, not inside n8n */
/**
 * Ports for the n8n processes the scripts start on this machine, which may already run another n8n
 * (on 5678, its task broker on 5679). Every check binds the loopback address n8n is told to listen
 * on here: a port another process holds on any address (127.0.0.1, 0.0.0.0 or ::) is refused there.
 */
import * as net from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** Whether nothing listens on `port` (of `host`) right now. */
export function portIsFree(port: number, host = LOOPBACK): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, host, () => server.close(() => resolve(true)));
	});
}

/** A port the system reports free now (another process may still take it before it is used). */
export function freePort(host = LOOPBACK): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, host, () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface PortSetting {
	/** The environment variable that sets the port, e.g. `N8N_PORT`. */
	variable: string;
	/** What the port is for, in the printed list, e.g. `editor and webhooks`. */
	purpose: string;
	/** n8n's own default, used when it is free. */
	defaultPort: number;
}

export interface ChosenPort extends PortSetting {
	port: number;
	/** How the port was chosen: set in the environment, n8n's default, or a free one instead of it. */
	source: 'setting' | 'default' | 'free';
}

/**
 * One port per setting: the one the environment sets (it must be free: a port the user chose is
 * never swapped silently), else n8n's default when it is free, else any free port. Two settings
 * never get the same port.
 */
export async function choosePorts(settings: PortSetting[], env: NodeJS.ProcessEnv = process.env): Promise<ChosenPort[]> {
	const chosen: ChosenPort[] = [];
	const taken = (port: number) => chosen.some((other) => other.port === port);
	for (const setting of settings) {
		const raw = env[setting.variable];
		if (raw !== undefined && raw.trim() !== '') {
			const port = Number(raw);
			if (!Number.isInteger(port) || port < 1 || port > 65535) {
				throw new Error(`${setting.variable} must be a port number from 1 to 65535; it is "${raw}".`);
			}
			if (taken(port) || !(await portIsFree(port))) {
				throw new Error(
					`${setting.variable}=${port}: port ${port} is already in use (another n8n?). ` +
						`Set ${setting.variable} to a free port, or leave it unset and a free one is chosen.`,
				);
			}
			chosen.push({ ...setting, port, source: 'setting' });
		} else if (!taken(setting.defaultPort) && (await portIsFree(setting.defaultPort))) {
			chosen.push({ ...setting, port: setting.defaultPort, source: 'default' });
		} else {
			let port = await freePort();
			while (taken(port)) port = await freePort();
			chosen.push({ ...setting, port, source: 'free' });
		}
	}
	return chosen;
}

/** The chosen ports as lines to print, each with its setting and why it was chosen. */
export function describePorts(ports: ChosenPort[]): string[] {
	const why: Record<ChosenPort['source'], (port: ChosenPort) => string> = {
		setting: (port) => `set by ${port.variable}`,
		default: () => 'the default',
		free: (port) => `${port.defaultPort} is in use; set ${port.variable} to choose`,
	};
	return ports.map((port) => `${port.purpose}: ${port.port} (${why[port.source](port)})`);
}
