/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console, @typescript-eslint/no-require-imports -- benchmarks run in plain Node, not inside n8n: the file bundles itself and runs the bundle in a child process; the build script is CommonJS */
/**
 * Tone Template throughput: e-mails per second rendered from the precompiled library (view built from
 * the debtor record, subject + plain text + HTML), against
 *   - the floor: the same precompiled Handlebars templates rendered bare by the Handlebars runtime, with
 *     views built beforehand (untimed, including the subject and preview line the layouts show), so it
 *     writes the same bytes as the library (checked after the timing);
 *   - the naive pipeline: Handlebars into the MJML source and MJML compiled per message (measured on a
 *     smaller sample and extrapolated).
 * Targets (issue): ratio to the floor <= 1.5; >= 100x faster than MJML per message. The QR image is
 * measured separately (it is the same PNG work whatever the template engine). Figures only.
 *
 *   npx tsx test/bench/toneTemplate.ts [messages] [mjmlSample] [stage,stage,...]
 *
 * The file bundles itself first, the way the build bundles the node for dist/ (esbuild, keepNames off
 * and whitespace and syntax minified for the Tone Template), and runs the bundle: that is the code n8n runs, not tsx's module wrappers.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

import Handlebars from 'handlebars';

import { getDutchCalendar } from '../../nodes/shared/calendar';
import type { Stage } from '../../nodes/shared/debtor/model';
import {
	PART_NAMES,
	TemplateLibrary,
	buildView,
	composeMessage,
	resolveSelection,
	type ComposeOptions,
	type DocumentEntry,
	type RenderedDocument,
	type ItemParts,
	type Register,
	type Tone,
} from '../../nodes/shared/messages';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../nodes/ToneTemplate/generated/library';
import { sampleDebtor, sampleItem, sampleOptions } from '../../build/gallery/samples';

/** The build script (CommonJS, reads templates/ relative to itself), loaded at run time, not bundled. */
function buildScript(): { layoutMjmlSource: (channel: string, register: string, language: string) => string; MJML_OPTIONS: Record<string, unknown> } {
	const file = path.join(process.env.TONE_TEMPLATE_BENCH_ROOT ?? path.resolve(__dirname, '..', '..'), 'templates', 'build', 'library.js');
	return require(file);
}

const DEFAULT_STAGES: Stage[] = ['reminder-1', 'reminder-2', 'fourteen-day-letter', 'final-notice', 'early-warning-care', 'pre-due-notice'];
/** Optional third argument: a comma-separated list of stages (default: the six above, in turn). */
const STAGES: Stage[] = process.argv[4] ? (process.argv[4].split(',') as Stage[]) : DEFAULT_STAGES;
const TONES: Tone[] = ['supportive', 'neutral', 'firm'];
const REGISTERS: Register[] = ['u', 'je'];
const FIRST = ['Jan', 'Fatima', 'Sanne', 'Mohamed', 'Lotte', 'Daan', 'Zoë', 'Emre'];
const LAST = ['de Vries', 'El Amrani', 'Jansen', 'Bakker', 'Yılmaz', 'van Dijk', 'Visser', 'Smit'];

interface Job {
	stage: Stage;
	tone: Tone;
	register: Register;
	language: 'nl' | 'en';
	item: ItemParts & { referenceDay: number };
}

/** Varied debtors: stage, tone, register, language, name and amounts differ per message. */
function jobs(count: number): Job[] {
	const out: Job[] = [];
	for (let i = 0; i < count; i++) {
		const stage = STAGES[i % STAGES.length];
		const language = i % 5 === 0 ? 'en' : 'nl';
		const register = REGISTERS[(i >> 1) % 2];
		const open = 2500 + ((i * 7919) % 250000);
		const record = sampleDebtor({
			debtorId: `D-${i}`,
			firstName: FIRST[i % FIRST.length],
			lastName: LAST[(i >> 3) % LAST.length],
			language,
			register,
			claims: [
				{ claimId: `F-${i}-1`, principalCents: open, openCents: open, invoiceDate: '2026-03-01', dueDate: '2026-03-15', sector: 'rent' },
				{ claimId: `F-${i}-2`, principalCents: 61725, openCents: i % 3 === 0 ? 61725 : 0, invoiceDate: '2026-04-01', dueDate: '2026-04-15', sector: 'rent' },
			],
		});
		out.push({ stage, tone: TONES[i % 3], register, language, item: sampleItem(stage, record) });
	}
	return out;
}

function selectionOf(job: Job) {
	return resolveSelection(
		{ stage: job.stage, channel: 'email', tone: job.tone, register: job.register, language: job.language, defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'email' },
		job.item,
	);
}

/**
 * CPU seconds of this process for one run (user + system): on a shared machine the wall clock also
 * counts other processes' turns, CPU time does not. Wall time is kept for context.
 */
function timed(run: () => void): { cpu: number; wall: number } {
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	run();
	const used = process.cpuUsage(cpu);
	return { cpu: (used.user + used.system) / 1e6, wall: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Runs the two in turn `rounds` times and keeps the best CPU time of each (fair under load). */
function interleaved(rounds: number, a: () => void, b: () => void): [{ cpu: number; wall: number }, { cpu: number; wall: number }] {
	const best = [
		{ cpu: Infinity, wall: Infinity },
		{ cpu: Infinity, wall: Infinity },
	];
	for (let i = 0; i < rounds; i++) {
		[a, b].forEach((run, j) => {
			const t = timed(run);
			if (t.cpu < best[j].cpu) best[j] = t;
		});
	}
	return [best[0], best[1]];
}

/** E-mails whose output is compared between the library and the floor (all bytes are compared in total). */
const CHECKED = 2_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
let peakRss = 0;
const sampleRss = () => {
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function main(): Promise<void> {
	const count = Number(process.argv[2] ?? 100_000);
	const mjmlSample = Number(process.argv[3] ?? 200);
	const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);
	const options: ComposeOptions = sampleOptions({ qrImage: 'none', calendar: getDutchCalendar() });
	const work = jobs(count);
	const selections = work.map(selectionOf);
	console.log(`Tone Template benchmark: ${fmt(count)} e-mails (subject + text + HTML) for ${STAGES.join(', ')}; Node ${process.version}; CPU time of this process, best of 3 interleaved rounds after a warm-up`);
	console.log(`  load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs at the start`);

	// Library: the template chosen, the view built from the record, then subject, text and HTML.
	let bytes = 0;
	const library1 = () => {
		bytes = 0;
		for (let i = 0; i < work.length; i++) {
			const message = composeMessage(library, selectionOf(work[i]), work[i].item, options);
			bytes += message.subject!.length + message.text.length + message.html!.length;
		}
		sampleRss();
	};
	library1();

	// Floor: the same precompiled templates, views built beforehand (not timed). The preparation also
	// sets the subject and the preview line on each view (the library's renderDocument does that), so
	// the floor writes the same bytes as the library: checked below.
	const entries: DocumentEntry[] = work.map((job) => library.document(job.stage, 'email', job.tone, job.register, job.language)!);
	const views = work.map((job, i) =>
		buildView({ ...job.item, stage: job.stage, channel: 'email', tone: job.tone, register: job.register, language: job.language, meta: GENERATED_LIBRARY.stages[job.stage], record: selections[i] && job.item.record }, options).view,
	);
	const expected: RenderedDocument[] = [];
	for (let i = 0; i < views.length; i++) {
		const document = library.renderDocument(entries[i], views[i]);
		if (i < CHECKED) expected.push(document);
	}
	const partials = new Map<string, { text: Handlebars.RuntimeOptions; html: Handlebars.RuntimeOptions }>();
	const optionsOf = (entry: DocumentEntry) => {
		let found = partials.get(entry.id);
		if (!found) {
			const text: Record<string, Handlebars.TemplateDelegate> = {};
			const html: Record<string, Handlebars.TemplateDelegate> = {};
			for (const name of PART_NAMES) {
				text[name] = library.template(entry.text[name]) as Handlebars.TemplateDelegate;
				html[name] = library.template(entry.html[name]) as Handlebars.TemplateDelegate;
			}
			found = { text: { partials: text }, html: { partials: html } };
			partials.set(entry.id, found);
		}
		return found;
	};
	// The floor's work for one e-mail, for the check (the timed loop below is the same, inline).
	const floorRender = (i: number): RenderedDocument => {
		const entry = entries[i];
		const view = views[i];
		const partialOptions = optionsOf(entry);
		return {
			subject: library.template(entry.subject)(view),
			text: library.template(entry.layout.text)(view, partialOptions.text),
			html: library.template(entry.layout.html)(view, partialOptions.html),
		};
	};
	let floorBytes = 0;
	const floor = () => {
		floorBytes = 0;
		for (let i = 0; i < entries.length; i++) {
			const entry = entries[i];
			const view = views[i];
			const partialOptions = optionsOf(entry);
			const subject = library.template(entry.subject)(view);
			const text = library.template(entry.layout.text)(view, partialOptions.text);
			const html = library.template(entry.layout.html)(view, partialOptions.html);
			floorBytes += subject.length + text.length + html.length;
		}
		sampleRss();
	};
	floor();
	const [libraryTime, floorTime] = interleaved(3, library1, floor);
	// Same work: library and floor write the same subject, text and HTML, byte for byte.
	const checked = Math.min(CHECKED, count);
	for (let i = 0; i < checked; i++) {
		const message = composeMessage(library, selections[i], work[i].item, options);
		const floorDocument = floorRender(i);
		for (const part of ['subject', 'text', 'html'] as const) {
			if (message[part] !== expected[i][part] || floorDocument[part] !== expected[i][part]) throw new Error(`e-mail ${i}: the library and the floor wrote a different ${part}`);
		}
	}
	if (floorBytes !== bytes) throw new Error(`the library wrote ${bytes} bytes, the floor ${floorBytes}`);
	// Where the difference goes: building the views, and rendering through the library's runtime
	// (partials, strict options, tidy text) with the views prepared.
	const inputs = work.map((job) => ({ ...job.item, stage: job.stage, channel: 'email' as const, tone: job.tone, register: job.register, language: job.language, meta: GENERATED_LIBRARY.stages[job.stage] }));
	const viewsOnly = () => {
		for (const input of inputs) buildView(input, options);
	};
	const renderOnly = () => {
		for (let i = 0; i < entries.length; i++) library.renderDocument(entries[i], views[i]);
	};
	viewsOnly();
	renderOnly();
	const [viewTime, renderTime] = interleaved(3, viewsOnly, renderOnly);
	const librarySeconds = libraryTime.cpu;
	const floorSeconds = floorTime.cpu;

	// With the QR image: one PNG per message, inline as a data URI.
	const withQr: ComposeOptions = { ...options, qrImage: 'inline' };
	const qrCount = Math.min(count, 5_000);
	const qrRun = () => {
		for (let i = 0; i < qrCount; i++) composeMessage(library, selections[i], work[i].item, withQr);
	};
	qrRun();
	const qrSeconds = timed(qrRun).cpu;

	// Naive: Handlebars into the MJML source, MJML per message.
	const { layoutMjmlSource, MJML_OPTIONS } = buildScript();
	// Resolved from the repository (the bundle runs from the temp directory).
	const mjml2html = createRequire(path.join(process.env.TONE_TEMPLATE_BENCH_ROOT ?? process.cwd(), 'package.json'))('mjml') as typeof import('mjml');
	const env = Handlebars.create();
	const mjmlTemplates = new Map<string, Handlebars.TemplateDelegate>();
	const mjmlOf = (job: Job) => {
		const key = `${job.register}|${job.language}`;
		let template = mjmlTemplates.get(key);
		if (!template) {
			// The MJML source with placeholders; compile the Handlebars once per layout (the kind thing).
			template = env.compile(layoutMjmlSource('email', job.register, job.language), { strict: true, knownHelpersOnly: true, preventIndent: true });
			mjmlTemplates.set(key, template);
		}
		return template;
	};
	const sample = work.slice(0, mjmlSample);
	// Warm up (the first compile loads MJML's components).
	await mjml2html(mjmlOf(sample[0])({ ...views[0], brandColour: '#00567d' }, optionsOf(entries[0]).html), MJML_OPTIONS);
	const mjmlCpu = process.cpuUsage();
	for (let i = 0; i < sample.length; i++) {
		const mjmlSource = mjmlOf(sample[i])(views[i], optionsOf(entries[i]).html);
		const result = await mjml2html(mjmlSource, MJML_OPTIONS);
		if (result.errors.length > 0) throw new Error(`MJML: ${result.errors[0].message}`);
	}
	const mjmlUsed = process.cpuUsage(mjmlCpu);
	const mjmlPerMessage = (mjmlUsed.user + mjmlUsed.system) / 1e6 / sample.length;
	sampleRss();

	const libraryRate = count / librarySeconds;
	const floorRate = count / floorSeconds;
	const mjmlExtrapolated = mjmlPerMessage * count;
	console.log(
		[
			`  library        ${fmt(libraryRate)} e-mails/s (${librarySeconds.toFixed(2)} s CPU, ${libraryTime.wall.toFixed(2)} s wall, ${(bytes / count / 1024).toFixed(1)} KB per e-mail)`,
			`  floor          ${fmt(floorRate)} e-mails/s (${floorSeconds.toFixed(2)} s CPU, ${floorTime.wall.toFixed(2)} s wall)`,
			`                 [floor: the same precompiled Handlebars templates (subject, text layout, HTML layout with their partials) rendered bare`,
			`                  by the Handlebars runtime, views with subject and preview line built beforehand, untimed; same output, checked:`,
			`                  ${fmt(checked)} e-mails byte for byte, all ${fmt(count)} by total length]`,
			`  ratio to floor ${(librarySeconds / floorSeconds).toFixed(2)} CPU, ${(libraryTime.wall / floorTime.wall).toFixed(2)} wall (target <= 1.5)`,
			`  of which       views ${((viewTime.cpu / count) * 1e6).toFixed(1)} us, library render ${((renderTime.cpu / count) * 1e6).toFixed(1)} us, floor render ${((floorSeconds / count) * 1e6).toFixed(1)} us per e-mail`,
			`  MJML per msg   ${(mjmlPerMessage * 1000).toFixed(2)} ms per e-mail on ${sample.length} e-mails -> ${fmt(mjmlExtrapolated)} s for ${fmt(count)} (extrapolated)`,
			`  speed-up       ${fmt(mjmlExtrapolated / librarySeconds)}x faster than MJML per message (target >= 100x)`,
			`  with QR image  ${fmt(qrCount / qrSeconds)} e-mails/s (${fmt(qrCount)} e-mails, inline PNG data URI each)`,
			`  peak RSS       ${(peakRss / 1048576).toFixed(0)} MB; load average at the end ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`,
		].join('\n'),
	);
}

if (process.env.TONE_TEMPLATE_BENCH_BUNDLED === '1') {
	main().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
} else {
	const root = path.resolve(__dirname, '..', '..');
	// Outside the repository: the linter would read a bundle inside it.
	const outfile = path.join(os.tmpdir(), `tone-template-bench-${process.pid}.cjs`);
	const esbuild = require('esbuild') as typeof import('esbuild');
	// As gulpfile.js bundles the Tone Template: keepNames off, whitespace and syntax minified.
	esbuild.buildSync({
		entryPoints: [__filename],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		keepNames: false,
		minifyWhitespace: true,
		minifySyntax: true,
		external: ['mjml', 'n8n-workflow', 'esbuild'],
		logLevel: 'warning',
	});
	const result = spawnSync(process.execPath, ['--max-old-space-size=4096', outfile, ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: { ...process.env, TONE_TEMPLATE_BENCH_BUNDLED: '1', TONE_TEMPLATE_BENCH_ROOT: root, NODE_PATH: path.join(root, 'node_modules') },
	});
	process.exitCode = result.status ?? 1;
}
