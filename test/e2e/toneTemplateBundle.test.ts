/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- tests run in plain Node; the built bundle is loaded with require */
/**
 * The built Tone Template bundle (dist/, what n8n loads): MJML is bundled for custom templates with
 * its minifier, beautifier, URL fetching and resource inlining left out (gulpfile.js, UNUSED_MODULES).
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

	test('holds no TypeScript compiler, minifier, beautifier or HTTP client', () => {
		// 7.7 MB with them (TypeScript alone was 9.7 MB before it was stubbed), 2.8 MB without.
		expect(fs.statSync(BUNDLE).size).toBeLessThan(3.5 * 1024 * 1024);
	});
});
