/**
 * Injected into the Tone Template bundle (gulpfile.js, defines): what the bundled MJML and its
 * libraries find instead of `console`, `process.cwd` and `process.env` inside n8n. MJML's console
 * messages are warnings to developers; the node reports template errors itself.
 */
const noop = () => undefined;
export const __silentConsole = { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop };
export const __noCwd = () => '.';
export const __noEnv = {};
