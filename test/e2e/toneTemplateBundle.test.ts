/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- tests run in plain Node; the built bundle is loaded with require */
/**
 * The built Tone Template bundle (dist/, what n8n loads): MJML is bundled for custom templates with
 * its minifier, beautifier, URL fetching, resource inlining, files and streams left out (gulpfile.js,
 * UNUSED_MODULES, LIBRARY_PATCHES), and custom Handlebars is interpreted, not compiled.
 * A custom template using the MJML components and head elements (inline CSS through juice, mj-attributes,
 * hero, social, accordion, table, raw) must come out of the bundle exactly as MJML from node_modules
 * writes it. Needs `npm run build`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject, INodeType } from 'n8n-workflow';

import { ToneTemplate } from '../../nodes/ToneTemplate/ToneTemplate.node';
import { SAMPLE_BANK, SAMPLE_BRAND, sampleDebtor } from '../../build/gallery/samples';
import { COMPONENTS_MJML as MJML } from '../fixtures/customTemplates';
// A plain IExecuteFunctions: jest-mock-extended's deep mock would answer template.text with a mock.
import { runNodeOnce } from '../bench/lib';

jest.setTimeout(60_000);

const BUNDLE = path.resolve(__dirname, '../../dist/nodes/ToneTemplate/ToneTemplate.node.js');


const parameters = {
	stage: 'reminder-1',
	channel: 'email',
	referenceDate: '2026-04-24',
	brand: SAMPLE_BRAND,
	bank: SAMPLE_BANK,
	customTemplates: { template: [{ stage: 'reminder-1', channel: 'email', language: 'any', subject: 'Herinnering {{salutationName}}', body: MJML }] },
};

describe('the built Tone Template bundle', () => {
	test('a custom MJML template renders exactly as MJML from node_modules renders it', async () => {
		expect(fs.existsSync(BUNDLE)).toBe(true);
		const Built = require(BUNDLE).ToneTemplate as new () => INodeType;
		const items = [{ json: sampleDebtor() as unknown as IDataObject }];
		const [fromBundle] = await runNodeOnce(new Built(), items, parameters);
		const [fromSource] = await runNodeOnce(new ToneTemplate(), items, parameters);
		const bundled = fromBundle[0].json.message as { html: string; text: string; subject: string };
		const source = fromSource[0].json.message as { html: string; text: string; subject: string };
		expect(bundled.subject).toBe('Herinnering Jan de Vries');
		// juice inlined the mj-style inline="inline" rule into the element.
		expect(bundled.html.replace(/\s/g, '')).toMatch(/class="highlight"style="[^"]*color:#b00020/);
		expect(bundled.html).toContain('Betaal EUR 1.234,50 uiterlijk vrijdag 1 mei 2026.');
		expect(bundled.html).toBe(source.html);
		expect(bundled.text).toBe(source.text);
	});

	test('a broken MJML or a refused Handlebars construct fails the same way in the bundle as from the source', async () => {
		const Built = require(BUNDLE).ToneTemplate as new () => INodeType;
		const items = [{ json: sampleDebtor() as unknown as IDataObject }];
		const broken = [
			MJML.replace('<mj-divider border-color="#00567d" />', '<mj-divider colour="red" />'),
			MJML.replace('<mj-raw><div>{{reference}}</div></mj-raw>', '<mj-raw>{{> footer}}</mj-raw>'),
			MJML.replace('Hero {{senderName}}', 'Hero {{evil senderName}}'),
		];
		for (const body of broken) {
			const withBody = { ...parameters, customTemplates: { template: [{ ...parameters.customTemplates.template[0], body }] } };
			const message = async (node: INodeType) => (await runNodeOnce(node, items, withBody).then(() => 'rendered', (error: Error) => error.message));
			const fromSource = await message(new ToneTemplate());
			expect(fromSource).toMatch(/^Custom template reminder-1\/email\/any, body \(line \d+\): (line \d+: Attribute colour is illegal|partials|You specified knownHelpersOnly, but used the unknown helper evil)/);
			expect(await message(new Built())).toBe(fromSource);
		}
	});

	test('holds no Handlebars compiler and no file, compression or stream code', () => {
		// Custom templates are interpreted (templateInterpreter.ts), MJML takes its browser route (gulpfile.js).
		const bundle = fs.readFileSync(BUNDLE, 'utf8');
		expect(bundle).not.toContain('JavaScriptCompiler');
		for (const module of ['fs', 'path', 'zlib', 'stream', 'node:stream']) expect({ module, required: bundle.includes(`require("${module}")`) }).toEqual({ module, required: false });
	});

	test('holds no TypeScript compiler, minifier, beautifier or HTTP client', () => {
		// 7.7 MB with them (TypeScript alone was 9.7 MB before it was stubbed), 2.8 MB without.
		expect(fs.statSync(BUNDLE).size).toBeLessThan(3.5 * 1024 * 1024);
	});
});
