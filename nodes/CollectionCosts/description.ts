import type { INodeProperties } from 'n8n-workflow';

import { INVALID_OUTPUT_VERSION, invalidRecordsProperty, referenceDateProperty, usualDesignatedDaysProperty } from '../shared/n8n/descriptions';

// Defaults are literals (the linter wants them so); the docs page and a node test keep them in line
// with the domain defaults (21% VAT, the built-in interest tables, the Atw extension of the term).

export const collectionCostsProperties: INodeProperties[] = [
	{
		displayName: 'Purpose',
		name: 'purpose',
		type: 'options',
		noDataExpression: true,
		default: 'auto',
		options: [
			{
				name: 'Announce in the 14-Day Letter',
				value: 'announce',
				description: 'The exact costs the 14-day letter must state: every open claim in default counts, no letter needed yet',
			},
			{
				name: 'Auto (From the Journey)',
				value: 'auto',
				description: 'Announce when the Journey Planner plans the 14-day letter for the item, charge otherwise',
			},
			{
				name: 'Charge Now',
				value: 'charge',
				description: 'Costs that may be added today: for consumers only claims whose 14-day letter term has passed unpaid',
			},
		],
		description: 'What the costs are for. Consumers owe collection costs only after a correct 14-day letter whose term has passed.',
	},
	invalidRecordsProperty(INVALID_OUTPUT_VERSION),
	referenceDateProperty('The day to calculate for (YYYY-MM-DD). Empty means today in the workflow time zone.'),
	{
		displayName: 'Creditor Can Deduct VAT',
		name: 'creditorCanDeductVat',
		type: 'boolean',
		default: true,
		description:
			'Whether the creditor can deduct VAT. If not, VAT is added to the costs (21%: minimum EUR 48.40) and the letter must say so.',
	},
	{
		displayName: 'VAT Rate (%)',
		name: 'vatRatePercent',
		type: 'number',
		default: 21,
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		displayOptions: { show: { creditorCanDeductVat: [false] } },
		description: 'VAT added to the collection costs when the creditor cannot deduct it',
	},
	{
		displayName: 'Statutory Interest',
		name: 'includeInterest',
		type: 'boolean',
		default: true,
		description: 'Whether to add statutory interest (art. 6:119 / 6:119a BW) from each claim\'s default date, compounded yearly.',
	},
	{
		displayName: 'Interest Options',
		name: 'interestOptions',
		type: 'collection',
		placeholder: 'Change an Interest Setting',
		default: {},
		displayOptions: { show: { includeInterest: [true] } },
		options: [
			{
				displayName: 'Day Count',
				name: 'dayCount',
				type: 'options',
				default: 'actual/actual',
				options: [
					{ name: 'Actual/365', value: 'actual/365', description: 'Every day earns 1/365 of the yearly rate, also in leap years' },
					{ name: 'Actual/Actual', value: 'actual/actual', description: 'Every day earns 1/365 or 1/366 of the yearly rate, so a full year earns exactly the rate' },
				],
			},
			{
				displayName: 'Interest Kind',
				name: 'kind',
				type: 'options',
				default: 'auto',
				options: [
					{ name: 'Auto (Consumer or Commercial by Debtor Type)', value: 'auto' },
					{ name: 'Commercial (Art. 6:119a BW)', value: 'commercial' },
					{ name: 'Consumer (Art. 6:119 BW)', value: 'consumer' },
				],
			},
			{
				displayName: 'Interest Until',
				name: 'until',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2026-06-30',
				description: 'Last day of interest, inclusive (YYYY-MM-DD). Empty means the reference date.',
			},
			{
				displayName: 'Rate Table (JSON)',
				name: 'rates',
				type: 'json',
				default: '{}',
				description:
					'Your own dated rates, e.g. {"consumer": [{"from": "2024-01-01", "ratePercent": 7}], "commercial": [...]}. A kind left out uses the built-in table. Keep it current: rates change on 1 January and 1 July.',
			},
			{
				displayName: 'Rates Verified Until',
				name: 'ratesVerifiedUntil',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2026-12-31',
				description: 'Last day your rate table is known to be right; interest past it carries a warning. Empty: the built-in date for built-in tables.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			usualDesignatedDaysProperty,
			{
				displayName: 'Business Debtors',
				name: 'businessMethod',
				type: 'options',
				default: 'flat-per-claim',
				options: [
					{ name: 'BIK Scale (by Agreement)', value: 'bik-scale', description: 'The consumer scale, when the contract says so' },
					{ name: 'Flat EUR 40 per Claim', value: 'flat-per-claim', description: 'Art. 6:96 lid 4 BW, due after the payment term without a letter.' },
				],
			},
			{
				displayName: 'Costs Already Charged Under the Small-Claim Cap (EUR)',
				name: 'smallClaimCostsAlreadyChargedEuros',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 2 },
				description: 'Collection costs already charged for earlier small claims or instalments of the same debt; they count against the EUR 140 cap',
			},
			{
				displayName: 'Extend Term Past Weekend or Holiday',
				name: 'extendTerm',
				type: 'boolean',
				default: true,
				description: 'Whether a 14-day term ending on a Saturday, Sunday or holiday ends on the next working day (Algemene termijnenwet; the careful choice)',
			},
			{
				displayName: 'Extra Designated Days',
				name: 'extraDesignatedDays',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2029-05-11, 2029-12-24',
				description: 'Days the government designated as equal to a general holiday, on top of the built-in list',
			},
			{
				displayName: 'Instalment Amount (EUR)',
				name: 'instalmentEuros',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 2 },
				description: 'The instalment these costs are about, if any. Below EUR 266.67 the costs are capped at EUR 140 in total. 0 means none.',
			},
			{
				displayName: 'Letter Sent On',
				name: 'letterSentOn',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.letterSentOn }}',
				description:
					'Date the 14-day letter went out for all claims in default then (YYYY-MM-DD), when your contact history does not record it. The contact history, journey.letters and schedule are read as well.',
			},
			{
				displayName: 'Small-Claim Cap Includes VAT',
				name: 'smallClaimCapVat',
				type: 'options',
				default: 'included',
				options: [
					{ name: 'Excluded (EUR 140 Before VAT)', value: 'excluded' },
					{ name: 'Included (EUR 140 Including VAT)', value: 'included' },
				],
				description: 'Whether the EUR 140 cap includes VAT when VAT is added. Included is the reading that protects the debtor.',
			},
		],
	},
];
