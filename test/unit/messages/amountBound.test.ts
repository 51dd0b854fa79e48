/**
 * A message never states an amount beyond what a message, EPC QR code or payment link can state
 * (MAX_STATABLE_CENTS, EUR 999,999,999.99): the item is refused with the field at fault before any
 * text is written, where before 1e300 cents were worded "EUR 1.0.000.000.000.000.001e+298,60".
 */
import type { Stage } from '../../../nodes/shared/debtor/model';
import { MessageDataError, TemplateLibrary, composeMessage, resolveSelection, type MessageChannel } from '../../../nodes/shared/messages';
import { MAX_STATABLE_CENTS } from '../../../nodes/shared/money';
import { parsePlan } from '../../../nodes/shared/arrangement/check';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../../nodes/ToneTemplate/generated/library';
import { sampleDebtor, sampleItem, sampleOptions } from '../../../build/gallery/samples';

const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);

function compose(stage: Stage, channel: MessageChannel, item: ReturnType<typeof sampleItem>) {
	const selection = resolveSelection(
		{ stage, channel, tone: 'neutral', register: 'u', language: 'nl', defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'email' },
		item,
	);
	return composeMessage(library, selection, item, sampleOptions());
}

/** The MessageDataError `run` throws (fails the test when it throws anything else or nothing). */
function refusal(run: () => unknown): MessageDataError {
	let thrown: unknown;
	try {
		run();
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(MessageDataError);
	return thrown as MessageDataError;
}

/** Two open claims at the bound: each within the schema, together beyond what a message can state. */
function twoLargeClaims() {
	const debtor = sampleDebtor();
	return sampleDebtor({
		claims: [
			{ ...debtor.claims![1], openCents: MAX_STATABLE_CENTS, principalCents: MAX_STATABLE_CENTS },
			{ ...debtor.claims![2], openCents: MAX_STATABLE_CENTS, principalCents: MAX_STATABLE_CENTS },
		],
	});
}

describe('amounts a message cannot state', () => {
	test('the open claims added up beyond the bound: every channel refuses, naming "claims"', () => {
		for (const channel of ['sms', 'email', 'letter', 'whatsapp'] as const) {
			const error = refusal(() => compose('reminder-1', channel, sampleItem('reminder-1', twoLargeClaims())));
			expect(error.field).toBe('claims');
			expect(error.message).toBe('adds up to more than EUR 999,999,999.99, the most a message, QR code or payment link can state');
		}
	});

	test('one claim at the bound is stated in full, in the text, the QR code and the payment link', () => {
		const debtor = sampleDebtor();
		const record = sampleDebtor({ claims: [{ ...debtor.claims![1], openCents: MAX_STATABLE_CENTS, principalCents: MAX_STATABLE_CENTS }] });
		const message = compose('reminder-1', 'email', sampleItem('reminder-1', record)) as unknown as { text: string; amountCents: number; epcQr?: { payload: string } };
		expect(message.text).toContain('€ 999.999.999,99'); // the e-mail's text part says the euro sign
		expect(message.text).not.toMatch(/e\+\d/);
		expect(message.amountCents).toBe(MAX_STATABLE_CENTS);
		expect(message.epcQr?.payload).toContain('EUR999999999.99');
	});

	test('a record amount beyond it (the schema refuses it first) is refused here too, never worded', () => {
		const debtor = sampleDebtor();
		const record = sampleDebtor({ claims: [{ ...debtor.claims![1], openCents: 1e300, principalCents: 1e300 }] });
		expect(refusal(() => compose('reminder-1', 'sms', sampleItem('reminder-1', record))).field).toBe('claims');
	});

	test('costs on the item that take the 14-day letter beyond it: refused naming "costs"', () => {
		const debtor = sampleDebtor();
		const record = sampleDebtor({ claims: [{ ...debtor.claims![1], openCents: MAX_STATABLE_CENTS, principalCents: MAX_STATABLE_CENTS }] });
		const item = { ...sampleItem('fourteen-day-letter', record), costs: { principalTotalCents: MAX_STATABLE_CENTS, totalCostsCents: 677500 } };
		expect(refusal(() => compose('fourteen-day-letter', 'letter', item)).field).toBe('costs');
		// Computed from the claims instead: the claims are named.
		expect(refusal(() => compose('fourteen-day-letter', 'letter', sampleItem('fourteen-day-letter', record))).field).toBe('claims');
	});

	test('an amount given on the item beyond it is refused naming its field', () => {
		const item = { ...sampleItem('reminder-1'), messageData: { amountCents: MAX_STATABLE_CENTS + 1 } };
		const error = refusal(() => compose('reminder-1', 'sms', item));
		expect(error.field).toBe('messageData.amountCents');
	});

	test('an arrangement whose instalments add up beyond it is refused naming its total', () => {
		const plan = { instalments: [{ number: 1, dueDate: '2026-05-01', amountCents: MAX_STATABLE_CENTS }, { number: 2, dueDate: '2026-06-01', amountCents: 1 }] };
		expect(() => parsePlan(plan, 'arrangement')).toThrow('the instalments add up to more than EUR 999,999,999.99, the most a message, QR code or payment link can state');
		const item = { ...sampleItem('arrangement-confirmation'), arrangement: plan };
		expect(refusal(() => compose('arrangement-confirmation', 'sms', item)).field).toBe('arrangement.totalCents');
	});
});
