/* eslint-disable @typescript-eslint/no-explicit-any -- outputs are loose JSON read field by field */
import { NodeOperationError, type INodeProperties } from 'n8n-workflow';

import { PaydayScheduler, paydaySchedulerOutputs, settingsFromParameters } from '../../nodes/PaydayScheduler/PaydayScheduler.node';
import { paydaySchedulerProperties } from '../../nodes/PaydayScheduler/description';
import { DEFAULT_INCOME_CALENDAR_OPTIONS } from '../../nodes/shared/calendar';
import { DEFAULT_SCHEDULING_SETTINGS, compileSettings } from '../../nodes/shared/scheduling';
import { evaluateOutputs, pairedIndexes, runNode } from './harness';

const node = new PaydayScheduler();
type Json = Record<string, any>;

// "Now" for every run: Monday 6 July 2026 09:00 in Amsterdam.
const NOW = '2026-07-06T09:00:00+02:00';
const base = { options: { now: NOW }, language: 'en' };

const debtor = (debtorId: string, extra: Json = {}): Json => ({
	debtorId,
	contact: { email: `${debtorId.toLowerCase()}@example.nl` },
	income: { type: 'salary-monthly', dayOfMonth: 25 },
	...extra,
});

function schedules(outputs: Array<Array<{ json: Json }>>, output = 0): Json[] {
	return outputs[output].map((item) => item.json.schedule);
}

describe('Payday Scheduler node: next contact moment', () => {
	test('schedules from now, keeps the item, routes the unschedulable to output 2, every item paired', async () => {
		const items = [
			debtor('D-OK', { preferredChannel: 'email' }),
			debtor('D-DEAD', { preferredChannel: 'email', flags: { deceased: true } }),
			debtor('D-NOCHANNEL'),
			debtor('D-MD07', { preferredChannel: 'sms', reversals: [{ amountCents: 100, date: '2026-06-26', reasonCode: 'MD07' }] }),
			debtor('D-LETTER', { preferredChannel: 'letter' }),
		];
		const outputs = (await runNode(node, items, { parameters: base })) as any;
		expect(outputs).toHaveLength(2);
		expect(outputs.map((items: any[]) => items.map((item) => item.json.debtorId))).toEqual([
			['D-OK', 'D-LETTER'],
			['D-DEAD', 'D-NOCHANNEL', 'D-MD07'],
		]);
		expect(pairedIndexes(outputs)).toEqual([
			[0, 4],
			[1, 2, 3],
		]);
		const [ok, letter] = schedules(outputs);
		expect(ok).toMatchObject({
			operation: 'nextContactMoment',
			status: 'scheduled',
			channel: 'email',
			persona: null,
			moment: '2026-07-06T09:00:00+02:00',
			date: '2026-07-06',
			time: '09:00',
			dueNow: true,
			dueToday: true,
			waitSeconds: 0,
			paydayAligned: false,
		});
		expect(letter).toMatchObject({ channel: 'letter', moment: '2026-07-06T09:00:00+02:00' });
		// The rest of the item is untouched.
		expect(outputs[0][0].json.income).toEqual({ type: 'salary-monthly', dayOfMonth: 25 });
		expect(outputs[0][0].json.contact).toEqual({ email: 'd-ok@example.nl' });
		expect(schedules(outputs, 1).map((s) => [s.status, s.reasonCode, s.action])).toEqual([
			['not-schedulable', 'deceased', 'stop-all'],
			['not-schedulable', 'no-channel', 'review'],
			['not-schedulable', 'deceased', 'stop-all'],
		]);
	});

	test('with the second output switched off everything leaves on one output', async () => {
		const outputs = (await runNode(node, [debtor('A', { preferredChannel: 'sms' }), debtor('B', { flags: { deceased: true } })], {
			parameters: { ...base, notSchedulableOutput: false },
		})) as any;
		expect(outputs).toHaveLength(1);
		expect(schedules(outputs).map((s) => s.status)).toEqual(['scheduled', 'not-schedulable']);
	});

	test('the channel comes from message.channel, then segmentation.channels[0], then preferredChannel; or fixed', async () => {
		const items = [
			debtor('M', { message: { channel: 'sms' }, segmentation: { channels: ['email'] }, preferredChannel: 'phone' }),
			debtor('S', { segmentation: { channels: ['whatsapp', 'email'] }, preferredChannel: 'phone' }),
			debtor('P', { preferredChannel: 'phone' }),
		];
		const fromItem = (await runNode(node, items, { parameters: base })) as any;
		expect(schedules(fromItem).map((s) => s.channel)).toEqual(['sms', 'whatsapp', 'phone']);
		const fixed = (await runNode(node, items, { parameters: { ...base, channelSource: 'fixed', channel: 'letter' } })) as any;
		expect(schedules(fixed).map((s) => s.channel)).toEqual(['letter', 'letter', 'letter']);
	});

	test('the persona from segmentation.persona aligns with payday', async () => {
		const outputs = (await runNode(node, [debtor('T', { segmentation: { persona: 'temporary-shortfall', channels: ['email'] } })], { parameters: base })) as any;
		const [schedule] = schedules(outputs);
		// Salary Fri 24 July (25th is a Saturday) -> Monday 27 July 07:00.
		expect(schedule).toMatchObject({
			persona: 'temporary-shortfall',
			paydayAligned: true,
			moment: '2026-07-27T07:00:00+02:00',
			dueNow: false,
			dueToday: false,
			waitSeconds: 21 * 86400 - 2 * 3600,
			expectedIncome: { date: '2026-07-24', type: 'salary-monthly', source: 'salary-monthly/record-day', assumed: false },
		});
		expect(schedule.reasons[0]).toContain('after the salary, expected on Friday 24 July 2026');
	});

	test('a start moment as an expression is read per item; without an offset in the workflow time zone', async () => {
		const items = [debtor('A', { preferredChannel: 'email', next: '2026-07-05T10:00:00+02:00' }), debtor('B', { preferredChannel: 'email', next: '2026-07-06T14:00:00' })];
		const outputs = (await runNode(node, items, {
			parameters: { ...base, startMoment: '={{ $json.next }}' },
			perItem: { startMoment: (i) => items[i].next },
			timezone: 'America/New_York',
		})) as any;
		// Sunday -> Monday 07:00; 14:00 in New York = 20:00 in Amsterdam -> Tuesday 07:00.
		expect(schedules(outputs).map((s) => s.moment)).toEqual(['2026-07-06T07:00:00+02:00', '2026-07-07T07:00:00+02:00']);
		expect(schedules(outputs).map((s) => s.dueNow)).toEqual([true, false]);
	});

	test('settings from the canvas: hours, Saturdays, pressure, jitter, designated days, language', async () => {
		const contacts = [{ at: '2026-07-06T08:00:00+02:00', channel: 'email', direction: 'outbound' }];
		const outputs = (await runNode(node, [debtor('A', { preferredChannel: 'email', contacts }), debtor('B', { preferredChannel: 'phone' })], {
			parameters: {
				...base,
				language: 'nl',
				startMoment: '2026-07-04T10:00:00+02:00',
				saturdays: false,
				contactHours: { rule: [{ channels: ['phone'], days: [], from: '10:00', until: '16:00' }] },
				contactPressure: { minHoursSameChannel: 0, minHoursBetweenContacts: 3 },
			},
		})) as any;
		const [a, b] = schedules(outputs);
		// Saturday off -> Monday 07:00; the e-mail at 08:00 that day needs 3 hours -> 11:00.
		expect(a.moment).toBe('2026-07-06T11:00:00+02:00');
		expect(a.reasonCodes).toEqual(['saturday-off', 'min-gap']);
		expect(a.reasons[0]).toBe(
			'Verschoven van zaterdag 4 juli 2026 10:00 naar maandag 6 juli 2026 07:00: de schuldeiser neemt op zaterdag geen contact op; ook geen contact op zondag 5 juli 2026.',
		);
		expect(b.moment).toBe('2026-07-06T10:00:00+02:00');

		const designated = (await runNode(node, [debtor('A', { preferredChannel: 'sms' })], {
			parameters: { ...base, startMoment: '2029-05-11T09:00:00+02:00', extraDesignatedDays: '2029-05-11, 2029-12-24' },
		})) as any;
		expect(schedules(designated)[0].moment).toBe('2029-05-12T07:00:00+02:00');
	});

	test('Assume Usual Designated Days: on by default, the Friday after Ascension 2029 (no decree yet) is no contact day', async () => {
		expect(paydaySchedulerProperties.find((p) => p.name === 'assumeUsualDesignatedDays')?.default).toBe(true);
		const start = { ...base, startMoment: '2029-05-11T09:00:00+02:00' };
		const on = (await runNode(node, [debtor('A', { preferredChannel: 'sms' })], { parameters: start })) as any;
		expect(schedules(on)[0].moment).toBe('2029-05-12T07:00:00+02:00');
		expect(schedules(on)[0].reasonCodes).toEqual(['designated-day']);
		const off = (await runNode(node, [debtor('A', { preferredChannel: 'sms' })], { parameters: { ...start, assumeUsualDesignatedDays: false } })) as any;
		expect(schedules(off)[0].moment).toBe('2029-05-11T09:00:00+02:00');
	});

	test('bad input: errors name the item index, the debtor and the field', async () => {
		const bad = [debtor('A', { preferredChannel: 'email' }), debtor('B', { message: { channel: 'pigeon' } })];
		const error = await runNode(node, bad, { parameters: base }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('Item 1 (debtor B): field "message.channel" must be one of email, sms, whatsapp, letter, phone');
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
		await expect(runNode(node, [debtor('C', { preferredChannel: 'email', when: 'next tuesday' })], {
			parameters: { ...base, startMoment: '={{ $json.when }}' },
			perItem: { startMoment: () => 'next tuesday' },
		})).rejects.toThrow('Item 0 (debtor C): field "startMoment" is not a date-time');
		await expect(runNode(node, [debtor('D', { preferredChannel: 'email', segmentation: { persona: 7 } })], { parameters: base })).rejects.toThrow(
			'Item 0 (debtor D): field "segmentation.persona" must be a persona name',
		);
		await expect(runNode(node, [{ debtorId: 'E', income: { type: 'salary-monthly', dayOfMonth: 32 } }], { parameters: base })).rejects.toThrow(
			'Item 0 (debtor E): field "income.dayOfMonth" must be at most 31',
		);
		await expect(runNode(node, [debtor('F', { preferredChannel: 'email', contacts: [{ at: 'yesterday', channel: 'email', direction: 'outbound' }] })], { parameters: base })).rejects.toThrow(
			'Item 0 (debtor F): field "contacts[0].at" is not a valid ISO 8601 date-time',
		);
	});

	test('checks the fields its operation reads: a broken claim does not stop a contact moment, a broken reversal does', async () => {
		const brokenClaim = { claims: [{ claimId: 'C1', principalCents: 100, openCents: 100, invoiceDate: '2026-01-01', dueDate: '2026-02-30' }] };
		const outputs = (await runNode(node, [debtor('G', { preferredChannel: 'email', ...brokenClaim })], { parameters: base })) as any;
		expect(schedules(outputs)[0]).toMatchObject({ status: 'scheduled', moment: NOW });
		const letter = (await runNode(node, [debtor('G', { ...brokenClaim, iban: 'NL00BROKEN' })], { parameters: { ...base, operation: 'fourteenDayLetterTerm' } })) as any;
		expect(letter[0][0].json.schedule.status).toBe('scheduled');
		await expect(runNode(node, [debtor('H', { iban: 'NL91ABNA0417164301', paymentMethod: 'direct-debit' })], { parameters: { ...base, operation: 'directDebitCollectionDate' } })).rejects.toThrow(
			'Item 0 (debtor H): field "iban" has wrong check digits (not a valid IBAN)',
		);
		await expect(runNode(node, [debtor('I', { preferredChannel: 'email', reversals: [{ amountCents: 100, date: '2026-06-26', reasonCode: 'md07' }] })], { parameters: base })).rejects.toThrow(
			'Item 0 (debtor I): field "reversals[0].reasonCode" must be a SEPA reason code such as AM04 or MD07',
		);
	});

	test('continue on fail: the failing item stays on output 1 with its error, the others are scheduled', async () => {
		const outputs = (await runNode(node, [debtor('A', { preferredChannel: 'email' }), debtor('B', { preferredChannel: 'fax' })], {
			parameters: base,
			continueOnFail: true,
		})) as any;
		expect(outputs[0].map((item: any) => item.json.debtorId)).toEqual(['A', 'B']);
		expect(outputs[0][1].json.error).toBe('Item 1 (debtor B): field "preferredChannel" must be one of: email, sms, whatsapp, letter, phone');
		expect(outputs[0][1].json.errorDetails).toMatchObject({ itemIndex: 1, debtorId: 'B', field: 'preferredChannel' });
		expect(pairedIndexes(outputs)).toEqual([[0, 1], []]);
	});

	test('node-level setting errors stop the run with the setting named', async () => {
		await expect(runNode(node, [debtor('A')], { parameters: { ...base, extraDesignatedDays: '2029-13-01' } })).rejects.toThrow('Extra Designated Days');
		await expect(
			runNode(node, [debtor('A')], { parameters: { ...base, contactHours: { rule: [{ from: 'nine', until: '17:00' }] } } }),
		).rejects.toThrow('Setting "hours[0].from" must be a time such as 08:30');
		await expect(runNode(node, [debtor('A')], { parameters: { ...base, paydayAlignment: { minWorkingDays: 3, maxWorkingDays: 1 } } })).rejects.toThrow(
			'paydayMaxWorkingDays',
		);
		await expect(runNode(node, [debtor('A')], { parameters: { options: { now: 'soon' } } })).rejects.toThrow('Now (for Replays)');
	});
});

describe('Payday Scheduler node: direct debit and 14-day letter', () => {
	test('direct-debit collection dates and the stops', async () => {
		const items = [
			debtor('DD', { paymentMethod: 'direct-debit', iban: 'NL91ABNA0417164300' }),
			debtor('AM04', { paymentMethod: 'direct-debit', reversals: [{ amountCents: 100, date: '2026-07-01', reasonCode: 'AM04' }] }),
			debtor('AC04', { paymentMethod: 'direct-debit', reversals: [{ amountCents: 100, date: '2026-07-01', reasonCode: 'AC04' }] }),
			debtor('BT', { paymentMethod: 'bank-transfer' }),
		];
		const outputs = (await runNode(node, items, { parameters: { ...base, operation: 'directDebitCollectionDate' } })) as any;
		expect(outputs.map((o: any[]) => o.map((item) => item.json.debtorId))).toEqual([
			['DD', 'AM04'],
			['AC04', 'BT'],
		]);
		// Today 6 July: 27 July needs notice by 13 July -> fine.
		expect(schedules(outputs).map((s) => [s.collectionDate, s.preNotificationDate, s.representation])).toEqual([
			['2026-07-27', '2026-07-13', false],
			['2026-07-27', '2026-07-13', true],
		]);
		expect(schedules(outputs, 1).map((s) => s.reasonCode)).toEqual(['account-closed', 'no-mandate']);

		const agreed = (await runNode(node, [items[0]], {
			parameters: { ...base, operation: 'directDebitCollectionDate', startMoment: '2026-07-20', directDebit: { preNotificationDays: 5, collectionOffsetDays: 2 } },
		})) as any;
		expect(schedules(agreed)[0]).toMatchObject({ collectionDate: '2026-07-28', preNotificationDate: '2026-07-23', preNotificationDays: 5 });
	});

	test('14-day letter from the start date, in the debtor register, with the chosen wording', async () => {
		const outputs = (await runNode(node, [debtor('L', { register: 'je' })], {
			parameters: { ...base, operation: 'fourteenDayLetterTerm', startMoment: '2026-04-24' },
		})) as any;
		const [term] = schedules(outputs);
		expect(term).toMatchObject({
			operation: 'fourteenDayLetterTerm',
			status: 'scheduled',
			sentDate: '2026-04-24',
			presumedReceiptDate: '2026-04-28',
			lastDayToPay: '2026-05-12',
			costsFromDate: '2026-05-13',
		});
		expect(term.phrases.nl.paySentence).toBe('Betaal het bedrag binnen veertien dagen vanaf de dag nadat deze brief bij je is bezorgd.');
		// A bare date is the Amsterdam date even when the workflow runs in Tokyo.
		const tokyo = (await runNode(node, [debtor('L')], {
			parameters: { ...base, operation: 'fourteenDayLetterTerm', startMoment: '2026-04-24', letter: { letterWording: 'fifteen-days-after' } },
			timezone: 'Asia/Tokyo',
		})) as any;
		expect(schedules(tokyo)[0]).toMatchObject({ sentDate: '2026-04-24', lastDayToPay: '2026-05-13', wording: 'fifteen-days-after' });
		// No 14-day letter for a deceased debtor.
		const dead = (await runNode(node, [debtor('X', { flags: { deceased: true } })], { parameters: { ...base, operation: 'fourteenDayLetterTerm' } })) as any;
		expect(dead[0]).toHaveLength(0);
		expect(schedules(dead, 1)[0]).toMatchObject({ operation: 'fourteenDayLetterTerm', status: 'not-schedulable', reasonCode: 'deceased' });
	});
});

describe('Payday Scheduler node: description', () => {
	const find = (name: string, list: INodeProperties[] = paydaySchedulerProperties) => list.find((p) => p.name === name)!;
	const option = (collection: string, name: string) => (find(collection).options as INodeProperties[]).find((p) => p.name === name)!.default;

	test('defaults on the canvas equal the domain defaults', () => {
		const d = DEFAULT_SCHEDULING_SETTINGS;
		const i = DEFAULT_INCOME_CALENDAR_OPTIONS;
		expect(find('saturdays').default).toBe(d.saturdays);
		expect(option('paydayAlignment', 'personas')).toEqual(d.paydayPersonas);
		expect(option('paydayAlignment', 'minWorkingDays')).toBe(d.paydayMinWorkingDays);
		expect(option('paydayAlignment', 'maxWorkingDays')).toBe(d.paydayMaxWorkingDays);
		expect(option('contactPressure', 'maxContactsPer7Days')).toBe(d.maxContactsPer7Days);
		expect(option('contactPressure', 'minHoursBetweenContacts')).toBe(d.minHoursBetweenContacts);
		expect(option('contactPressure', 'minHoursSameChannel')).toBe(d.minHoursSameChannel);
		expect(option('contactPressure', 'countInboundContacts')).toBe(d.countInboundContacts);
		expect(option('options', 'jitterMinutes')).toBe(d.jitterMinutes);
		expect(option('options', 'stopPersonas')).toEqual(d.stopPersonas);
		expect(option('options', 'horizonDays')).toBe(d.horizonDays);
		expect(option('directDebit', 'preNotificationDays')).toBe(d.preNotificationDays);
		expect(option('directDebit', 'collectionOffsetDays')).toBe(d.collectionOffsetDays);
		expect(option('directDebit', 'usePreferredCollectionDay')).toBe(d.usePreferredCollectionDay);
		expect(option('letter', 'letterWording')).toBe(d.letterWording);
		expect(option('letter', 'extendLetterTerm')).toBe(d.extendLetterTerm);
		for (const key of ['salaryDayOfMonth', 'aowDayOfMonth', 'uwvBenefitDayOfMonth', 'wwBusinessDayOfMonth', 'bijstandDayOfMonth', 'unknownDayOfMonth', 'nonBusinessDay'] as const) {
			expect([key, option('incomeCalendar', key)]).toEqual([key, i[key]]);
		}
		// Empty parameter groups give exactly the default settings.
		expect(compileSettings(settingsFromParameters({})).settings).toEqual({ ...d, income: { bijstandDayByMunicipality: {} } });
	});

	test('parameter groups map onto settings', () => {
		const settings = settingsFromParameters({
			saturdays: false,
			contactHours: { rule: [{ channels: ['sms'], days: [6], from: '09:00', until: '12:00' }] },
			bijstandMunicipalities: { municipality: [{ name: ' Tilburg ', dayOfMonth: 27 }, { name: '', dayOfMonth: 3 }] },
			incomeCalendar: { salaryDayOfMonth: 28 },
			options: { jitterMinutes: 10 },
		});
		expect(settings).toMatchObject({
			saturdays: false,
			hours: [{ channels: ['sms'], days: [6], from: '09:00', until: '12:00' }],
			income: { salaryDayOfMonth: 28, bijstandDayByMunicipality: { Tilburg: 27 } },
			jitterMinutes: 10,
		});
	});

	test('outputs follow the switch and the version, evaluated as the editor does', () => {
		expect(evaluateOutputs(node, 1, {})).toEqual(['Scheduled', 'Not Schedulable']);
		expect(evaluateOutputs(node, 1, { notSchedulableOutput: false })).toEqual(['Scheduled']);
		// Version 1 had no Invalid output, whatever the parameters say.
		expect(evaluateOutputs(node, 1, { invalidRecords: 'route' })).toEqual(['Scheduled', 'Not Schedulable']);
		expect(evaluateOutputs(node, 2, {})).toEqual(['Scheduled', 'Not Schedulable', 'Invalid']);
		expect(evaluateOutputs(node, 2, { notSchedulableOutput: false })).toEqual(['Scheduled', 'Invalid']);
		expect(evaluateOutputs(node, 2, { invalidRecords: 'fail' })).toEqual(['Scheduled', 'Not Schedulable']);
		expect(paydaySchedulerOutputs({ notSchedulableOutput: true })).toHaveLength(2);
	});

	test('every option and parameter has a description for ops staff', () => {
		const walk = (list: INodeProperties[]): string[] =>
			list.flatMap((p) => {
				const own = p.type === 'options' || p.type === 'multiOptions' || p.name === 'operation' || p.description ? [] : [p.name];
				const nested = (p.options ?? []).flatMap((o: any) => ('values' in o ? walk(o.values) : 'type' in o ? walk([o]) : []));
				return [...own, ...nested];
			});
		expect(walk(paydaySchedulerProperties).filter((name) => !['directDebit', 'letter', 'options'].includes(name))).toEqual([]);
	});
});
