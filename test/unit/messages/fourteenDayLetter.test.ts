/**
 * The legal 14-day letter (art. 6:96 lid 6 BW): the accepted wording of the term, the computed dates
 * (presumed receipt per Hoge Raad 2016, term from the day after receipt, extended past non-working
 * days), the exact costs of the BIK scale and the VAT sentence. Expected values are worked out by hand
 * from the domain brief, not copied from the code.
 */
import { dayNumber } from '../../../nodes/shared/calendar';
import { TemplateLibrary, composeMessage, resolveSelection, type MessageChannel, type Register, type Tone } from '../../../nodes/shared/messages';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../../nodes/ToneTemplate/generated/library';
import { sampleDebtor, sampleItem, sampleOptions } from '../../../build/gallery/samples';

const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);

interface Case {
	language?: 'nl' | 'en';
	register?: Register;
	tone?: Tone;
	channel?: MessageChannel;
	day?: string;
	openCents?: number[];
	canDeductVat?: boolean;
	extra?: Record<string, unknown>;
}

function letter(c: Case = {}) {
	const claims = (c.openCents ?? [61725, 61725]).map((openCents, i) => ({
		claimId: `F-${i + 1}`,
		principalCents: openCents,
		openCents,
		invoiceDate: '2026-02-01',
		dueDate: '2026-03-15',
	}));
	const item = { ...sampleItem('fourteen-day-letter', sampleDebtor({ claims, language: c.language ?? 'nl', register: c.register ?? 'u' })), ...(c.extra ?? {}) };
	if (c.day) item.referenceDay = dayNumber(c.day);
	const selection = resolveSelection(
		{ stage: 'fourteen-day-letter', channel: c.channel ?? 'letter', tone: c.tone ?? 'neutral', register: 'item', language: 'item', defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'letter' },
		item,
	);
	return composeMessage(library, selection, item, sampleOptions({ creditorCanDeductVat: c.canDeductVat ?? true }));
}

describe('wording of the term', () => {
	test('Dutch, formal: "binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd"', () => {
		const message = letter();
		expect(message.text).toContain('Betaal EUR 1.234,50 binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd.');
		expect(message.html).toContain('binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd');
	});

	test('every tone keeps the wording; informal "je" says "bij jou"; English says "from the day after"', () => {
		for (const tone of ['supportive', 'neutral', 'firm'] as const) {
			expect(letter({ tone }).text).toContain('binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd');
			expect(letter({ tone, register: 'je' }).text).toContain('binnen veertien dagen vanaf de dag nadat deze brief bij jou is bezorgd');
			expect(letter({ tone, language: 'en' }).text).toContain('within fourteen days from the day after this letter was delivered to you');
		}
		expect(letter({ channel: 'email' }).text).toContain('binnen veertien dagen vanaf de dag nadat dit bericht bij u is bezorgd');
	});

	test('never the invalid "within 14 days of the letter date"', () => {
		const invalid = /na dagtekening|na de datum van deze brief|binnen 14 dagen na|veertien dagen na de datum|of the date of this letter|days after the date/i;
		for (const language of ['nl', 'en'] as const)
			for (const register of ['u', 'je'] as const)
				for (const channel of ['letter', 'email'] as const) expect(letter({ language, register, channel }).text).not.toMatch(invalid);
	});
});

describe('dates', () => {
	test('sent Friday 24 April 2026: received Tuesday 28 April (Sunday, and Monday 27 = King\'s Day, skipped), last day Tuesday 12 May', () => {
		const message = letter({ day: '2026-04-24' });
		expect(message.text).toContain('Wij gaan ervan uit dat deze brief op dinsdag 28 april 2026 bij u is bezorgd. Uw laatste betaaldag is dan dinsdag 12 mei 2026.');
		expect(message.text).toContain('Wij rekenen ze vanaf woensdag 13 mei 2026.');
		expect(message.subject).toBe('Aanmaning: betaal EUR 1.234,50 uiterlijk dinsdag 12 mei 2026');
		expect(message.letterTerm).toEqual({ sentDate: '2026-04-24', presumedReceiptDate: '2026-04-28', lastDayToPay: '2026-05-12', costsFromDate: '2026-05-13' });
		expect(message.dueDate).toBe('2026-05-12');
		expect(message.text.split('\n')[0]).toBe('Datum vrijdag 24 april 2026');
	});

	test('a last day on Ascension Day moves past the designated Friday and the weekend to Monday', () => {
		// Sent Tuesday 28 April 2026: Wednesday 29 and Thursday 30 April are the two delivery days, the
		// term runs 1-14 May, 14 May is Ascension Day, 15 May a designated day, then the weekend.
		const message = letter({ day: '2026-04-28', language: 'en' });
		expect(message.text).toContain('We assume that this letter was delivered to you on Thursday 30 April 2026. Your last day to pay is then Monday 18 May 2026.');
		expect(message.letterTerm!.costsFromDate).toBe('2026-05-19');
	});

	test('a term computed by the Payday Scheduler (item.schedule) is used as it is', () => {
		const schedule = { operation: 'fourteenDayLetterTerm', status: 'scheduled', sentDate: '2026-06-01', presumedReceiptDate: '2026-06-03', lastDayToPay: '2026-06-17', costsFromDate: '2026-06-18' };
		const message = letter({ extra: { schedule } });
		expect(message.text).toContain('op woensdag 3 juni 2026 bij u is bezorgd. Uw laatste betaaldag is dan woensdag 17 juni 2026.');
		expect(message.text.split('\n')[0]).toBe('Datum maandag 1 juni 2026');
	});
});

describe('costs', () => {
	test('the exact costs of the BIK scale: 15% of EUR 1,234.50 = EUR 185.175, rounded to EUR 185.18', () => {
		const message = letter();
		expect(message.text).toContain('Die kosten zijn EUR 185,18.');
		expect(message.text).toContain('Totaal als u te laat betaalt: EUR 1.419,68');
		expect(message.text).not.toContain('btw');
		expect(message.letterCosts).toEqual({ principalCents: 123450, costsCents: 18518, vatCents: 0, interestCents: 0, totalCents: 141968 });
	});

	test('more brackets and the minimum: EUR 4,000 -> 375 + 150 = EUR 525; EUR 100 -> minimum EUR 40', () => {
		expect(letter({ openCents: [400000] }).text).toContain('Die kosten zijn EUR 525,00.');
		expect(letter({ openCents: [10000], language: 'en' }).text).toContain('These costs are EUR 40.00.');
	});

	test('VAT added when the creditor cannot deduct it, and the letter says so: 185.18 + 21% (38.89) = 224.07', () => {
		const message = letter({ canDeductVat: false });
		expect(message.text).toContain('Die kosten zijn EUR 224,07.');
		expect(message.text).toContain('In de incassokosten zit 21% btw (EUR 38,89). Wij kunnen de btw niet verrekenen. Daarom rekenen wij de btw aan u door.');
		const english = letter({ canDeductVat: false, language: 'en' });
		expect(english.text).toContain('The collection costs include 21% VAT (EUR 38.89). We cannot deduct the VAT.');
	});

	test('figures from the Collection Costs node (item.costs) are printed as they are, interest included', () => {
		const costs = {
			purpose: 'announce',
			allowed: true,
			principalTotalCents: 100000,
			costsExclVatCents: 15000,
			vatAdded: true,
			vatRatePercent: 21,
			vatCents: 3150,
			costsInclVatCents: 18150,
			totalCostsCents: 18150,
			interestTotalCents: 1234,
			grandTotalCents: 119384,
		};
		const message = letter({ extra: { costs } });
		expect(message.text).toContain('Betaal EUR 1.012,34 binnen veertien dagen'); // principal + interest
		expect(message.text).toContain('Die kosten zijn EUR 181,50.');
		expect(message.text).toContain('In de incassokosten zit 21% btw (EUR 31,50).');
		expect(message.text).toContain('Wettelijke rente tot nu: EUR 12,34');
		expect(message.text).toContain('Totaal als u te laat betaalt: EUR 1.193,84');
	});

	test('an item with unusable costs names the field', () => {
		expect(() => letter({ extra: { costs: { principalTotalCents: 100 } } })).toThrow(expect.objectContaining({ field: 'costs.totalCostsCents' }));
		expect(() => letter({ extra: { costs: { principalTotalCents: 100, totalCostsCents: 12.5 } } })).toThrow(expect.objectContaining({ field: 'costs.totalCostsCents' }));
	});
});
