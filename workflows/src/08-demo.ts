/**
 * Workflow 8: the demo (sample portfolio through the whole journey, sandbox outbox report).
 */
import { Canvas, assign, BRAND, BANK, type Json } from './canvas';
import { DEMO_GENERATOR, DEMO_REPORT } from './demoCode';

// ---------------------------------------------------------------------------------------------
// 8. Demo
// ---------------------------------------------------------------------------------------------
export function demo(): Json {
	const c = new Canvas('8a000001');
	c.note('Note: about', [-60, -480], 820, 440, [
		'## Demo: a sample portfolio through the whole journey (sandbox)',
		'Click **Execute workflow**. A small sample portfolio (generated in *Generate sample portfolio*, no data of real people) goes through segmenting, planning, writing, timing and sending, all in **sandbox mode**: nothing leaves n8n.',
		'',
		'The result is the output of *Outbox report* (binary `report`, `outbox.html`, open it with *View*): open it to see',
		'- the segments of the portfolio as a chart,',
		'- a calendar of the scheduled contacts (legal window, after payday),',
		'- every message as the debtor would see it (e-mail, SMS, letter),',
		'- who got no message today, and why.',
		'',
		'No credentials needed. To try your own brand, edit *Write the message*.',
	].join('\n'), 4);
	c.note('Note: why no window', [1500, -300], 560, 260, [
		'### Sandbox sends at any hour',
		'In this demo *Send (sandbox)* records every message right away, whatever the time, so the report is complete when you try it in the evening. The calendar shows the moment a real send would happen. The daily journey keeps the legal contact window enforced.',
	].join('\n'), 6);
	const start = c.add('Run the demo', 'n8n-nodes-base.manualTrigger', 1, [0, 0]);
	const settings = c.add('Settings', 'n8n-nodes-base.set', 3.4, [200, 0], assign([
		['referenceDate', "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}"],
		['portfolioSize', '12', 'number'],
	]));
	const generate = c.add('Generate sample portfolio', 'n8n-nodes-base.code', 2, [400, 0], { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: DEMO_GENERATOR });
	const segment = c.ours('Segment debtors', 'debtorSegmenter', [600, 0], { routing: 'single', referenceDate: "={{ $('Settings').first().json.referenceDate }}", language: 'en' });
	const plan = c.ours('Plan next step', 'journeyPlanner', [800, 0], { routing: 'split', referenceDate: "={{ $('Settings').first().json.referenceDate }}", language: 'en' });
	const render = c.ours('Write the message', 'toneTemplate', [1000, -80], { referenceDate: "={{ $('Settings').first().json.referenceDate }}", brand: BRAND, bank: BANK });
	const when = c.ours('When may we contact?', 'paydayScheduler', [1200, -80], {
		operation: 'nextContactMoment',
		startMoment: "={{ $('Settings').first().json.referenceDate }}T08:00:00",
		language: 'en',
		notSchedulableOutput: false,
	});
	const send = c.ours('Send (sandbox)', 'channelSender', [1400, -80], {
		channelSource: 'item',
		fallbackChannels: 'sms, letter',
		options: { contactWindow: false, ledger: 'off', referenceDate: "={{ $('Settings').first().json.referenceDate }}" },
	});
	const merge = c.add('Collect everything', 'n8n-nodes-base.merge', 3.2, [1660, 0], { numberInputs: 3 });
	const report = c.add('Outbox report', 'n8n-nodes-base.code', 2, [1860, 0], { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: DEMO_REPORT });
	c.link(start, settings);
	c.link(settings, generate);
	c.link(generate, segment);
	c.link(segment, plan, 0);
	// Records a node cannot use (Invalid outputs) are in the report too, with the field at fault.
	c.link(segment, merge, 1, 2);
	c.link(plan, merge, 2, 2);
	c.link(render, merge, 1, 2);
	c.link(when, merge, 1, 2);
	c.link(send, merge, 2, 2);
	c.link(plan, render, 0);
	c.link(plan, merge, 1, 1);
	c.link(render, when);
	c.link(when, send);
	c.link(send, merge, 0, 0);
	c.link(send, merge, 1, 0);
	c.link(merge, report);
	return c.workflow('scDemoOutbox001', 'Social Collections: demo (sample portfolio, sandbox outbox report)');
}
