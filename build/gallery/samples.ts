/**
 * Typical data for rendering every template: a brand, a debtor per stage (with the history the stage
 * needs), and the settings the node would pass. Used by the unit tests, the benchmark and the gallery.
 */
import { dayNumber, getDutchCalendar } from '../../nodes/shared/calendar';
import type { DebtorRecord, Stage } from '../../nodes/shared/debtor/model';
import { resolveBrand, type BankSettings, type BrandSettings, type ComposeOptions, type ItemParts } from '../../nodes/shared/messages';

export const SAMPLE_BRAND: BrandSettings = {
	senderName: 'Woonstad Rotterdam',
	primaryColour: '#00567d',
	phone: '010 123 45 67',
	phoneHours: '8:30-17:00',
	contactEmail: 'incasso@woonstad.example',
	websiteUrl: 'https://www.woonstad.example',
	paymentLinkBase: 'https://betaal.woonstad.example/p/{reference}',
	helpUrl: 'https://www.woonstad.example/regeling',
	chooseDateUrl: 'https://www.woonstad.example/incassodag',
	senderAddress: 'Postbus 2001\n3000 CA Rotterdam',
	footer: 'Woonstad Rotterdam · KvK 24212345\nPostbus 2001, 3000 CA Rotterdam',
};

export const SAMPLE_BANK: BankSettings = { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', accountHolder: 'Woonstad Rotterdam' };

/** The reference day of the samples: a Friday, so the 14-day letter matches the brief's example. */
export const SAMPLE_DAY = '2026-04-24';

export function sampleOptions(overrides: Partial<ComposeOptions> = {}): ComposeOptions {
	return {
		brand: resolveBrand(SAMPLE_BRAND, SAMPLE_BANK),
		calendar: getDutchCalendar(),
		daysToPay: 7,
		objectionDays: 14,
		creditorCanDeductVat: true,
		vatRatePercent: 21,
		qrImage: 'inline',
		municipalityOffer: 'auto',
		smsGsm7: true,
		...overrides,
	};
}

/** A debtor with two unpaid rent terms, a payment, a returned direct debit and an arrangement. */
export function sampleDebtor(overrides: Partial<DebtorRecord> = {}): DebtorRecord {
	return {
		debtorId: 'D-2026-0042',
		firstName: 'Jan',
		lastName: 'de Vries',
		language: 'nl',
		register: 'u',
		contact: {
			email: 'jan.devries@example.nl',
			mobile: '+31612345678',
			address: { street: 'Coolsingel', houseNumber: '40', postalCode: '3011 AD', city: 'Rotterdam', country: 'NL' },
		},
		paymentMethod: 'bank-transfer',
		income: { type: 'salary-monthly', dayOfMonth: 25, municipality: 'Rotterdam' },
		claims: [
			{ claimId: 'F-2026-0311', principalCents: 61725, openCents: 0, invoiceDate: '2026-02-01', dueDate: '2026-02-15', sector: 'rent' },
			{ claimId: 'F-2026-0398', principalCents: 61725, openCents: 61725, invoiceDate: '2026-03-01', dueDate: '2026-03-15', sector: 'rent' },
			{ claimId: 'F-2026-0477', principalCents: 61725, openCents: 61725, invoiceDate: '2026-04-01', dueDate: '2026-04-15', sector: 'rent' },
			{ claimId: 'F-2026-0560', principalCents: 61725, openCents: 61725, invoiceDate: '2026-04-20', dueDate: '2026-05-01', sector: 'rent' },
		],
		payments: [{ claimId: 'F-2026-0311', amountCents: 61725, date: '2026-04-21', method: 'bank-transfer' }],
		reversals: [{ claimId: 'F-2026-0398', amountCents: 61725, date: '2026-03-17', reasonCode: 'AM04' }],
		...overrides,
	};
}

export const SAMPLE_ARRANGEMENT = {
	totalCents: 123450,
	agreedOn: '2026-04-01',
	claimIds: ['F-2026-0398', 'F-2026-0477'],
	instalments: [
		{ number: 1, dueDate: '2026-04-27', amountCents: 20575 },
		{ number: 2, dueDate: '2026-05-27', amountCents: 20575 },
		{ number: 3, dueDate: '2026-06-26', amountCents: 20575 },
		{ number: 4, dueDate: '2026-07-27', amountCents: 20575 },
		{ number: 5, dueDate: '2026-08-27', amountCents: 20575 },
		{ number: 6, dueDate: '2026-09-28', amountCents: 20575 },
	],
};

/** An arrangement whose first instalment fell before the sample day and was not paid. */
export const SAMPLE_MISSED_ARRANGEMENT = {
	...SAMPLE_ARRANGEMENT,
	agreedOn: '2026-03-01',
	instalments: SAMPLE_ARRANGEMENT.instalments.map((i) => ({ ...i, dueDate: i.dueDate.replace('2026-04-27', '2026-04-17') })),
};

/** The item parts a stage needs, on top of the debtor record. */
export function sampleItem(stage: Stage, record: DebtorRecord = sampleDebtor()): ItemParts & { referenceDay: number } {
	const item: ItemParts & { referenceDay: number } = { record, referenceDay: dayNumber(SAMPLE_DAY) };
	if (stage === 'arrangement-offer' || stage === 'arrangement-confirmation' || stage === 'instalment-reminder') item.arrangement = SAMPLE_ARRANGEMENT;
	if (stage === 'missed-instalment') item.arrangement = SAMPLE_MISSED_ARRANGEMENT;
	if (stage === 'reversal-notice' || stage === 'collection-date-invitation') item.record = { ...record, paymentMethod: 'direct-debit', preferredCollectionDay: 27 };
	return item;
}
