import type { INodeProperties } from 'n8n-workflow';

// The defaults are DEFAULT_INTAKE_LIMITS (nodes/shared/intake/signedRequest.ts), written out as the
// linter wants literals; test/nodes/ErpIntakeTrigger.test.ts keeps them equal.

export const erpIntakeTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'sc-erp-intake',
		required: true,
		description: 'The last part of the URL your ERP posts to: POST https://&lt;your n8n&gt;/webhook/&lt;path&gt;',
	},
	{
		displayName: 'Requests are refused before anything reads them unless they carry a valid X-Signature (HMAC-SHA256 of "&lt;X-Signature-Timestamp&gt;.&lt;raw body&gt;" with the Signing Secret of the credential, at most 5 minutes old). Add Respond to Webhook nodes to answer accepted requests.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Largest Body (Bytes)',
				name: 'maxBodyBytes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1048576,
				description: 'A larger request is answered 413 before its signature is checked',
			},
			{
				displayName: 'Deepest Nesting',
				name: 'maxDepth',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 16,
				description: 'A signed body with objects or arrays nested deeper is answered 400 before it is parsed',
			},
		],
	},
];
