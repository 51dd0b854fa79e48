/**
 * The build pipeline around `n8n-node build`:
 *   0. the generators in build/, each writing a committed file from its one source:
 *      debtorCheck: the fast debtor schema check from the JSON Schema (build/debtorCheck.ts);
 *      templates: the template library (templates/) compiled to nodes/ToneTemplate/generated/library.ts
 *        (MJML -> HTML once per layout, Handlebars precompiled; build/templateLibrary/); `gulp gallery`
 *        previews every template (build/gallery/);
 *      workflows: the shipped workflows/*.json from their description in workflows/src/ (build/workflows.ts);
 *   1. compile: `n8n-node build` (rimraf dist, tsc type-check + emit, copy icons and codex files);
 *   2. bundle:  every node and credential entry listed in package.json is re-bundled with esbuild into
 *      one self-contained CommonJS file (luxon, handlebars, the compiled templates, ...), with
 *      only `n8n-workflow` left external: n8n provides it, and the published package has no runtime
 *      dependencies;
 *   3. schema:  the debtor JSON Schema is shipped as `dist/schemas/debtor.schema.json` for integrators.
 */
const { series } = require('gulp');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = __dirname;
const packageJson = require('./package.json');

function run(command, args) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** The fast debtor check is generated from the JSON Schema, so the schema stays the one contract. */
async function debtorCheck() {
	run(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join('build', 'debtorCheck.ts')]);
}

/** Template library: content + MJML layouts -> one generated module of precompiled Handlebars templates. */
async function templates() {
	const result = await require('./build/templateLibrary/library.js').writeLibrary();
	console.log(`templates: ${result.templates} templates, ${result.specs} precompiled specs, ${result.file} ${result.changed ? 'written' : 'unchanged'}`);
}

/** Static HTML preview of every template with sample data, in .test-results/gallery/ (git-ignored). */
async function gallery() {
	run(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join('build', 'gallery', 'gallery.ts')]);
}

// MJML is bundled (Tone Template) for custom e-mail templates, always compiled with the options in
// nodes/shared/messages/mjmlOptions.json: no minify, no beautify, includes ignored. The packages below
// serve only those other paths, and are required at load time by the package named with each. They
// are replaced by a stub that throws if it is ever called, instead of bundling them (about 3.7 MB of
// the 7.7 MB bundle; see docs/nodes/tone-template.md, "Bundle size"):
//   typescript (9.7 MB): cosmiconfig -> htmlnano (the minifier), to load TypeScript config files;
//   htmlnano, cssnano-preset-lite: mjml-core, for `minify: true`; js-beautify: mjml-core, `beautify: true`;
//   undici, encoding-sniffer (+ iconv-lite): cheerio, for fromURL() and loadBuffer() (juice and MJML
//   parse strings); web-resource-inliner (+ mime): juice, for juiceResources() and inlineExternal().
const UNUSED_MODULES = [
	{ module: 'typescript', from: /./ },
	{ module: 'htmlnano', from: /node_modules[\\/]mjml-core[\\/]/ },
	{ module: 'cssnano-preset-lite', from: /node_modules[\\/]mjml-core[\\/]/ },
	{ module: 'js-beautify', from: /node_modules[\\/]mjml-core[\\/]/ },
	{ module: 'undici', from: /node_modules[\\/]cheerio[\\/]/ },
	{ module: 'encoding-sniffer', from: /node_modules[\\/]cheerio[\\/]/ },
	{ module: 'web-resource-inliner', from: /node_modules[\\/]juice[\\/]index\.js$/ },
];
const stubUnusedModules = {
	name: 'stub-unused-modules',
	setup(build) {
		for (const { module, from } of UNUSED_MODULES) {
			const filter = new RegExp(`^${module.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}$`);
			build.onResolve({ filter }, (args) => (from.test(args.importer) ? { path: module, namespace: 'stub' } : undefined));
		}
		// Any use fails loudly with the module's name (a Proxy answers every property with the thrower).
		// node:stream's classes are extended when cheerio's stream parsers load: classes that throw when
		// constructed.
		build.onLoad({ filter: /^node:stream$/, namespace: 'stub' }, () => ({
			contents: `class Stream { constructor() { throw new Error('node:stream is not bundled with this node (MJML parses strings, not streams)'); } }
module.exports = { Stream, Readable: class extends Stream {}, Writable: class extends Stream {}, Duplex: class extends Stream {}, Transform: class extends Stream {}, PassThrough: class extends Stream {} };`,
			loader: 'js',
		}));
		build.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({
			contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} is not bundled with this node (MJML runs here without minify, beautify or external resources)`)}); };
module.exports = new Proxy(fail, { get: (target, key) => (key === '__esModule' ? false : key === 'default' ? module.exports : typeof key === 'symbol' ? undefined : fail) });`,
			loader: 'js',
		}));
	},
};

// The Handlebars runtime (the precompiled library, nodes/shared/messages/render.ts) is clean of code
// generation, but two of its modules reach for what n8n's verification scan refuses: the logger writes
// to `console` (the `log` helper, which templates may not use, and the prototype-access warning, which
// the runtime options make moot), and `noConflict` reads `globalThis` for browsers' script tags. In the
// bundle both are replaced by what they amount to inside a node: a logger that keeps its interface and
// writes nothing, and a `noConflict` that returns the instance.
const HANDLEBARS_RUNTIME_REPLACEMENTS = {
	'logger.js': `"use strict";
exports.__esModule = true;
var logger = { methodMap: ["debug", "info", "warn", "error"], level: "info", lookupLevel: function (level) { return level; }, log: function () {} };
exports["default"] = logger;
module.exports = exports["default"];`,
	'no-conflict.js': `"use strict";
exports.__esModule = true;
exports["default"] = function (Handlebars) { Handlebars.noConflict = function () { return Handlebars; }; };
module.exports = exports["default"];`,
};
const cleanHandlebarsRuntime = {
	name: 'clean-handlebars-runtime',
	setup(build) {
		build.onLoad({ filter: /[\\/]handlebars[\\/]dist[\\/]cjs[\\/]handlebars[\\/](logger|no-conflict)\.js$/ }, (args) => ({
			contents: HANDLEBARS_RUNTIME_REPLACEMENTS[path.basename(args.path)],
			loader: 'js',
		}));
	},
};

// MJML for custom templates (nodes/shared/messages/custom.ts) runs in the Tone Template without files,
// network or configuration: includes ignored, no mjmlconfig, no minifier. What it carries for those is
// taken out of the bundle here, because n8n's verification scan refuses it (`fs`, `path`, `node:stream`,
// `process`, `global`, `Function("return this")`, `console`), and the build fails if a patch no longer
// applies, so a new version of a library is looked at rather than passed silently:
//   - detect-node answers false, so MJML takes its browser route (as mjml-browser does): no
//     mjmlconfig at load, no file includes;
//   - fs, path and node:stream are the failing stub above for the modules that use them only for
//     files and streams (includes, juiceFile, cheerio's stream parsers), mjmlconfig and the skeleton
//     loader are stubs as a whole;
//   - lodash finds the built-ins in a plain object instead of the global object;
//   - mensch's debug output (off unless asked for) writes nothing;
//   - in the Tone Template bundle, `console` is a silent console (MJML's warnings to developers),
//     `process.cwd()` is "." and `process.env` is empty (defines below, injected from build/bundleShims.js).
const MJML_FILES = /node_modules[\\/](mjml-core|mjml-parser-xml|juice)[\\/]/;
UNUSED_MODULES.push(
	{ module: 'fs', from: MJML_FILES },
	{ module: 'path', from: MJML_FILES },
	{ module: 'node:stream', from: /node_modules[\\/](cheerio|parse5-parser-stream)[\\/]/ },
	{ module: './helpers/mjmlconfig', from: /node_modules[\\/]mjml-core[\\/]lib[\\/]index\.js$/ },
	{ module: './node-only/skeleton-loader', from: /node_modules[\\/]mjml-core[\\/]lib[\\/]index\.js$/ },
);
const LODASH_ROOT =
	'({ Array: Array, Boolean: Boolean, DataView: DataView, Date: Date, Error: Error, Function: Function, JSON: JSON, Map: Map, Math: Math, Number: Number, Object: Object, Promise: Promise, RegExp: RegExp, Set: Set, String: String, Symbol: Symbol, TypeError: TypeError, Uint8Array: Uint8Array, WeakMap: WeakMap, isFinite: isFinite, parseFloat: parseFloat, parseInt: parseInt })';
const LIBRARY_PATCHES = [
	{ file: /node_modules[\\/]detect-node[\\/]index\.js$/, whole: 'module.exports = false;' },
	{ file: /node_modules[\\/]mensch[\\/]lib[\\/]debug\.js$/, whole: 'module.exports = function debug() { return function () {}; };' },
	{
		file: /node_modules[\\/]lodash[\\/]lodash\.js$/,
		replace: [
			["typeof global == 'object' && global && global.Object === Object && global", LODASH_ROOT],
			["freeGlobal || freeSelf || Function('return this')()", 'freeGlobal'],
		],
	},
	{
		file: /node_modules[\\/]lodash[\\/]lodash\.min\.js$/,
		replace: [
			['typeof global=="object"&&global&&global.Object===Object&&global', LODASH_ROOT],
			['ne||te||Function("return this")()', 'ne'],
		],
	},
	{ file: /node_modules[\\/]lodash[\\/]_freeGlobal\.js$/, replace: [["typeof global == 'object' && global && global.Object === Object && global", LODASH_ROOT]] },
	{ file: /node_modules[\\/]lodash[\\/]_root\.js$/, replace: [["freeGlobal || freeSelf || Function('return this')()", 'freeGlobal']] },
];
const patchLibraries = {
	name: 'patch-libraries',
	setup(build) {
		for (const patch of LIBRARY_PATCHES) {
			build.onLoad({ filter: patch.file }, (args) => {
				if (patch.whole) return { contents: patch.whole, loader: 'js' };
				let contents = fs.readFileSync(args.path, 'utf8');
				for (const [from, to] of patch.replace) {
					if (!contents.includes(from)) throw new Error(`${args.path}: the bundle patch for "${from}" no longer applies (gulpfile.js, LIBRARY_PATCHES)`);
					contents = contents.split(from).join(to);
				}
				return { contents, loader: 'js' };
			});
		}
	},
};

/** The shipped workflows/*.json, written from workflows/src/ (unchanged files are not touched). */
async function workflows() {
	run(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join('build', 'workflows.ts')]);
}

async function compile() {
	run(path.join(root, 'node_modules', '.bin', 'n8n-node'), ['build']);
}

/** dist/nodes/Foo/Foo.node.js -> nodes/Foo/Foo.node.ts */
function sourceOf(distEntry) {
	return path.join(root, distEntry.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

async function bundle() {
	const entries = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials];
	for (const entry of entries) {
		const source = sourceOf(entry);
		if (!fs.existsSync(source)) throw new Error(`package.json lists ${entry}, but ${path.relative(root, source)} does not exist`);
	}
	await Promise.all(
		entries.map((entry) =>
			esbuild.build({
				entryPoints: [sourceOf(entry)],
				outfile: path.join(root, entry),
				bundle: true,
				platform: 'node',
				format: 'cjs',
				target: 'node20',
				external: ['n8n-workflow'],
				// n8n instantiates the export whose class name equals the file prefix: keep names.
				// Not for the Tone Template: keepNames wraps every closure the Handlebars runtime creates
				// on each render (three times slower rendering), and n8n reads the export by its name,
				// which esbuild keeps anyway.
				keepNames: !entry.includes('/ToneTemplate/'),
				// The Tone Template carries MJML (for custom templates) and the precompiled library: without
				// whitespace it is 2.8 instead of 4.0 MB. Identifiers are kept, so stack traces still name
				// the functions.
				minifyWhitespace: entry.includes('/ToneTemplate/'),
				minifySyntax: entry.includes('/ToneTemplate/'),
				legalComments: 'eof',
				logLevel: 'warning',
				plugins: [stubUnusedModules, cleanHandlebarsRuntime, patchLibraries],
				...(entry.includes('/ToneTemplate/')
					? { define: { console: '__silentConsole', 'process.cwd': '__noCwd', 'process.env': '__noEnv' }, inject: [path.join(root, 'build', 'bundleShims.js')] }
					: {}),
			}),
		),
	);
	// tsc also emitted every module one file each (with maps and typings); n8n loads only the bundles,
	// so keep just what ships: bundles, codex files, icons, schemas.
	const keep = new Set(entries.map((entry) => path.join(root, entry)));
	pruneDist(path.join(root, 'dist'), (file) => keep.has(file) || /\.(node\.json|svg|png)$/.test(file) || file.includes(`${path.sep}schemas${path.sep}`));
}

function pruneDist(dir, shouldKeep) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			pruneDist(full, shouldKeep);
			if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
		} else if (!shouldKeep(full)) {
			fs.rmSync(full);
		}
	}
}

async function schema() {
	const target = path.join(root, 'dist', 'schemas');
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(path.join(root, 'nodes', 'shared', 'debtor', 'debtor.schema.json'), path.join(target, 'debtor.schema.json'));
}

exports.compile = compile;
exports.bundle = bundle;
exports.debtorCheck = debtorCheck;
exports.templates = templates;
exports.workflows = workflows;
exports.gallery = series(templates, gallery);
exports.build = series(debtorCheck, templates, workflows, compile, schema, bundle);
exports.default = exports.build;
