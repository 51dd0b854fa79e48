import type { INodeProperties } from 'n8n-workflow';

import { INVALID_OUTPUT_VERSION, invalidRecordsProperty, referenceDateProperty, usualDesignatedDaysProperty } from '../shared/n8n/descriptions';

// Defaults are literals (the linter wants them so); a node test checks they equal the domain defaults.

const propose = { show: { operation: ['propose'] } };
const check = { show: { operation: ['check'] } };

export const paymentArrangementProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'propose',
		options: [
			{
				name: 'Check Arrangement',
				value: 'check',
				action: 'Check an arrangement against payments',
				description: 'On track, instalment due soon, missed (how many days) or completed, from the payments received',
			},
			{
				name: 'Propose Plans',
				value: 'propose',
				action: 'Propose instalment plans',
				description: 'Instalment plans within the debtor\'s capacity and the protected income floor, dated after payday',
			},
		],
	},
	invalidRecordsProperty(INVALID_OUTPUT_VERSION),
	referenceDateProperty('The day to plan or check for (YYYY-MM-DD). Empty means today in the workflow time zone.'),
	{
		displayName: 'Amount',
		name: 'amountSource',
		type: 'options',
		default: 'open',
		displayOptions: propose,
		options: [
			{ name: 'Custom Amount', value: 'custom', description: 'The amount in the field below' },
			{ name: 'Open Claims', value: 'open', description: 'What is open of the undisputed claims in default' },
			{
				name: 'Open Claims Plus Costs and Interest',
				value: 'open-plus-costs',
				description: 'Adds the collection costs and interest from the Collection Costs node (under "costs"), when present',
			},
		],
		description: 'Which amount to spread over the instalments',
	},
	{
		displayName: 'Amount (EUR)',
		name: 'amountEuros',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		displayOptions: { show: { operation: ['propose'], amountSource: ['custom'] } },
		description: 'The amount to arrange, in euros',
	},
	{
		displayName: 'Monthly Capacity (EUR)',
		name: 'capacityEuros',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		displayOptions: propose,
		placeholder: 'e.g. {{ $json.capacityEuros }}',
		description:
			'What the debtor says they can pay a month; 0 means not stated. With a known income (income.netMonthlyCents) the instalment also stays within the income above the protected floor.',
	},
	{
		displayName: 'Minimum Instalment (EUR)',
		name: 'minimumInstalmentEuros',
		type: 'number',
		default: 25,
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		displayOptions: propose,
		description: 'No instalment is lower than this (except a single payment of a smaller amount)',
	},
	{
		displayName: 'Maximum Terms',
		name: 'maximumTerms',
		type: 'number',
		default: 12,
		typeOptions: { minValue: 1, maxValue: 120 },
		displayOptions: propose,
		description: 'The longest arrangement, in monthly instalments (12 is common)',
	},
	{
		displayName: 'Maximum Terms With Debt Help',
		name: 'maximumTermsWithDebtHelp',
		type: 'number',
		default: 24,
		typeOptions: { minValue: 1, maxValue: 120 },
		displayOptions: propose,
		description: 'The longest arrangement when debt help is involved (flags.debtHelp)',
	},
	{
		displayName: 'Options',
		name: 'proposeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: propose,
		options: [
			usualDesignatedDaysProperty,
			{
				displayName: 'Extra Designated Days',
				name: 'extraDesignatedDays',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2029-05-11, 2029-12-24',
				description: 'Days the government designated as equal to a general holiday, on top of the built-in list',
			},
			{
				displayName: 'First Instalment After (Days)',
				name: 'firstInstalmentAfterDays',
				type: 'number',
				default: 7,
				typeOptions: { minValue: 0, maxValue: 92 },
				description: 'The first instalment falls after the first income on or after this many days from the reference date',
			},
			{
				displayName: 'Net Monthly Income (EUR)',
				name: 'incomeEuros',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.statedIncome }}',
				description: 'The net monthly income the debtor states (e.g. on a form), in euros: used for the protected floor instead of income.netMonthlyCents. Empty: the record\'s income.',
			},
			{
				displayName: 'Number of Plans',
				name: 'alternatives',
				type: 'number',
				default: 3,
				typeOptions: { minValue: 1, maxValue: 5 },
				description: 'How many plans to offer: the fewest affordable terms, the most allowed, and some between',
			},
			{
				displayName: 'Payment Delay (Working Days After Income)',
				name: 'paymentDelayWorkingDays',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 0, maxValue: 10 },
				description: 'Each instalment falls this many working days after the expected income (1-3 is the advice)',
			},
			{
				displayName: 'Protected Floor Norms (JSON)',
				name: 'floorNorms',
				type: 'json',
				default: '[]',
				description:
					'Your own dated table of monthly floor amounts in cents, e.g. [{"from": "2026-01-01", "amounts": {"single": 130000, "single-parent": 130000, "couple": 186000, "couple-with-children": 186000, "other": 186000}}]. Empty: the built-in approximations of 95% of the social-assistance norm.',
			},
		],
	},
	{
		displayName: 'Plan Field',
		name: 'planField',
		type: 'string',
		default: 'arrangement.plan',
		displayOptions: check,
		description: 'Where the item holds the agreed plan ({ agreedOn, totalCents, instalments: [{ number, dueDate, amountCents }] }), as a path',
	},
	{
		displayName: 'Reminder (Days Before)',
		name: 'reminderDays',
		type: 'number',
		default: 3,
		typeOptions: { minValue: 0 },
		displayOptions: check,
		description: 'An instalment due within this many days counts as "due soon"',
	},
	{
		displayName: 'Grace Days',
		name: 'graceDays',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		displayOptions: check,
		description: 'Days after the due date before an unpaid instalment counts as missed',
	},
];
