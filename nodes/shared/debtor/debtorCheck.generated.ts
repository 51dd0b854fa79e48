/* eslint-disable -- generated code */
// Generated from debtor.schema.json by build/debtorCheck.ts (gulp build). Do not edit.
import type { CheckedDates } from '../calendar/checkedDates';
import { codePoints, isDate, isDateTime, isEmail } from './formats';

void codePoints, void isDate, void isDateTime, void isEmail;

/** A schema problem as ajv reports it: where (a JSON pointer), which keyword, its parameters. */
export interface SchemaError {
	instancePath: string;
	keyword: string;
	params: Record<string, unknown>;
}

const C3 = ["consumer","business"] as unknown[];
const C8 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C13 = new RegExp("^\\+[1-9][0-9]{6,14}$", 'u');
const C22 = new RegExp("^[A-Z]{2}$", 'u');
const C24 = new RegExp("^[a-z]{2}$", 'u');
const C26 = ["u","je"] as unknown[];
const C28 = ["email","sms","whatsapp","letter","phone"] as unknown[];
const C42 = ["single","couple","single-parent","couple-with-children","other"] as unknown[];
const C46 = ["salary-monthly","salary-four-weekly","aow","uwv-benefit","ww","bijstand","chosen-day","unknown"] as unknown[];
const C53 = ["direct-debit","bank-transfer","payment-link","cash","other"] as unknown[];
const C55 = new RegExp("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", 'u');
const C66 = ["rent","health-insurance","energy","heat","water","telecom","retail","utility-other","credit-agreement","other"] as unknown[];
const C87 = new RegExp("^[A-Z]{2}[0-9]{2}$", 'u');
const C94 = ["email","sms","whatsapp","letter","phone","portal","in-person"] as unknown[];
const C96 = ["outbound","inbound"] as unknown[];
const C98 = ["pre-due-notice","reminder-1","reminder-2","fourteen-day-letter","arrangement-offer","arrangement-confirmation","instalment-reminder","missed-instalment","reversal-notice","early-warning-care","collection-date-invitation","payment-received","final-notice"] as unknown[];
const C100 = ["sent","delivered","opened","clicked","read","replied","answered","no-answer","bounced","failed","promise-to-pay","objection","unconfirmed"] as unknown[];
const C115 = ["arrangement","deferral","other"] as unknown[];

function report57(x: unknown, p: string, e: SchemaError[]): void {
	if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
		const o58 = x as Record<string, unknown>;
		if (o58["claimId"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "claimId" } });
		if (o58["principalCents"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "principalCents" } });
		if (o58["openCents"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "openCents" } });
		if (o58["invoiceDate"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "invoiceDate" } });
		if (o58["dueDate"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "dueDate" } });
		const v59 = o58["claimId"];
		if (v59 !== undefined) {
			if (typeof v59 === 'string') {
				if (v59.length > 100 && codePoints(v59) > 100) e.push({ instancePath: p + "/claimId", keyword: 'maxLength', params: { limit: 100 } });
				if (v59.length < 2 && codePoints(v59) < 1) e.push({ instancePath: p + "/claimId", keyword: 'minLength', params: { limit: 1 } });
			} else e.push({ instancePath: p + "/claimId", keyword: 'type', params: { type: 'string' } });
		}
		const v60 = o58["description"];
		if (v60 !== undefined) {
			if (typeof v60 === 'string') {
				if (v60.length > 500 && codePoints(v60) > 500) e.push({ instancePath: p + "/description", keyword: 'maxLength', params: { limit: 500 } });
			} else e.push({ instancePath: p + "/description", keyword: 'type', params: { type: 'string' } });
		}
		const v61 = o58["principalCents"];
		if (v61 !== undefined) {
			if (typeof v61 !== 'number' || !Number.isInteger(v61)) e.push({ instancePath: p + "/principalCents", keyword: 'type', params: { type: 'integer' } });
			if (typeof v61 === 'number') {
				if (v61 > 99999999999 || v61 !== v61) e.push({ instancePath: p + "/principalCents", keyword: 'maximum', params: { comparison: '<=', limit: 99999999999 } });
				if (v61 < 0 || v61 !== v61) e.push({ instancePath: p + "/principalCents", keyword: 'minimum', params: { comparison: '>=', limit: 0 } });
			}
		}
		const v62 = o58["openCents"];
		if (v62 !== undefined) {
			if (typeof v62 !== 'number' || !Number.isInteger(v62)) e.push({ instancePath: p + "/openCents", keyword: 'type', params: { type: 'integer' } });
			if (typeof v62 === 'number') {
				if (v62 > 99999999999 || v62 !== v62) e.push({ instancePath: p + "/openCents", keyword: 'maximum', params: { comparison: '<=', limit: 99999999999 } });
				if (v62 < 0 || v62 !== v62) e.push({ instancePath: p + "/openCents", keyword: 'minimum', params: { comparison: '>=', limit: 0 } });
			}
		}
		const v63 = o58["invoiceDate"];
		if (v63 !== undefined) {
			if (typeof v63 === 'string') {
				if (!C8.test(v63)) e.push({ instancePath: p + "/invoiceDate", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
				if (!isDate(v63, undefined)) e.push({ instancePath: p + "/invoiceDate", keyword: 'format', params: { format: "date" } });
			} else e.push({ instancePath: p + "/invoiceDate", keyword: 'type', params: { type: 'string' } });
		}
		const v64 = o58["dueDate"];
		if (v64 !== undefined) {
			if (typeof v64 === 'string') {
				if (!C8.test(v64)) e.push({ instancePath: p + "/dueDate", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
				if (!isDate(v64, undefined)) e.push({ instancePath: p + "/dueDate", keyword: 'format', params: { format: "date" } });
			} else e.push({ instancePath: p + "/dueDate", keyword: 'type', params: { type: 'string' } });
		}
		const v65 = o58["sector"];
		if (v65 !== undefined) {
			if (v65 !== "rent" && v65 !== "health-insurance" && v65 !== "energy" && v65 !== "heat" && v65 !== "water" && v65 !== "telecom" && v65 !== "retail" && v65 !== "utility-other" && v65 !== "credit-agreement" && v65 !== "other") e.push({ instancePath: p + "/sector", keyword: 'enum', params: { allowedValues: C66 } });
		}
		const v67 = o58["disputed"];
		if (v67 !== undefined) {
			if (typeof v67 !== 'boolean') e.push({ instancePath: p + "/disputed", keyword: 'type', params: { type: 'boolean' } });
		}
		const v68 = o58["defaultDate"];
		if (v68 !== undefined) {
			if (typeof v68 === 'string') {
				if (!C8.test(v68)) e.push({ instancePath: p + "/defaultDate", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
				if (!isDate(v68, undefined)) e.push({ instancePath: p + "/defaultDate", keyword: 'format', params: { format: "date" } });
			} else e.push({ instancePath: p + "/defaultDate", keyword: 'type', params: { type: 'string' } });
		}
	} else e.push({ instancePath: p, keyword: 'type', params: { type: 'object' } });
}

function report71(x: unknown, p: string, e: SchemaError[]): void {
	if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
		const o72 = x as Record<string, unknown>;
		if (o72["amountCents"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "amountCents" } });
		if (o72["date"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "date" } });
		const v73 = o72["paymentId"];
		if (v73 !== undefined) {
			if (typeof v73 !== 'string') e.push({ instancePath: p + "/paymentId", keyword: 'type', params: { type: 'string' } });
		}
		const v74 = o72["claimId"];
		if (v74 !== undefined) {
			if (typeof v74 !== 'string') e.push({ instancePath: p + "/claimId", keyword: 'type', params: { type: 'string' } });
		}
		const v75 = o72["amountCents"];
		if (v75 !== undefined) {
			if (typeof v75 !== 'number' || !Number.isInteger(v75)) e.push({ instancePath: p + "/amountCents", keyword: 'type', params: { type: 'integer' } });
			if (typeof v75 === 'number') {
				if (v75 > 99999999999 || v75 !== v75) e.push({ instancePath: p + "/amountCents", keyword: 'maximum', params: { comparison: '<=', limit: 99999999999 } });
				if (v75 < 1 || v75 !== v75) e.push({ instancePath: p + "/amountCents", keyword: 'minimum', params: { comparison: '>=', limit: 1 } });
			}
		}
		const v76 = o72["date"];
		if (v76 !== undefined) {
			if (typeof v76 === 'string') {
				if (!C8.test(v76)) e.push({ instancePath: p + "/date", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
				if (!isDate(v76, undefined)) e.push({ instancePath: p + "/date", keyword: 'format', params: { format: "date" } });
			} else e.push({ instancePath: p + "/date", keyword: 'type', params: { type: 'string' } });
		}
		const v77 = o72["method"];
		if (v77 !== undefined) {
			if (v77 !== "direct-debit" && v77 !== "bank-transfer" && v77 !== "payment-link" && v77 !== "cash" && v77 !== "other") e.push({ instancePath: p + "/method", keyword: 'enum', params: { allowedValues: C53 } });
		}
	} else e.push({ instancePath: p, keyword: 'type', params: { type: 'object' } });
}

function report80(x: unknown, p: string, e: SchemaError[]): void {
	if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
		const o81 = x as Record<string, unknown>;
		if (o81["amountCents"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "amountCents" } });
		if (o81["date"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "date" } });
		if (o81["reasonCode"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "reasonCode" } });
		const v82 = o81["reversalId"];
		if (v82 !== undefined) {
			if (typeof v82 !== 'string') e.push({ instancePath: p + "/reversalId", keyword: 'type', params: { type: 'string' } });
		}
		const v83 = o81["claimId"];
		if (v83 !== undefined) {
			if (typeof v83 !== 'string') e.push({ instancePath: p + "/claimId", keyword: 'type', params: { type: 'string' } });
		}
		const v84 = o81["amountCents"];
		if (v84 !== undefined) {
			if (typeof v84 !== 'number' || !Number.isInteger(v84)) e.push({ instancePath: p + "/amountCents", keyword: 'type', params: { type: 'integer' } });
			if (typeof v84 === 'number') {
				if (v84 > 99999999999 || v84 !== v84) e.push({ instancePath: p + "/amountCents", keyword: 'maximum', params: { comparison: '<=', limit: 99999999999 } });
				if (v84 < 1 || v84 !== v84) e.push({ instancePath: p + "/amountCents", keyword: 'minimum', params: { comparison: '>=', limit: 1 } });
			}
		}
		const v85 = o81["date"];
		if (v85 !== undefined) {
			if (typeof v85 === 'string') {
				if (!C8.test(v85)) e.push({ instancePath: p + "/date", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
				if (!isDate(v85, undefined)) e.push({ instancePath: p + "/date", keyword: 'format', params: { format: "date" } });
			} else e.push({ instancePath: p + "/date", keyword: 'type', params: { type: 'string' } });
		}
		const v86 = o81["reasonCode"];
		if (v86 !== undefined) {
			if (typeof v86 === 'string') {
				if (!C87.test(v86)) e.push({ instancePath: p + "/reasonCode", keyword: 'pattern', params: { pattern: "^[A-Z]{2}[0-9]{2}$" } });
			} else e.push({ instancePath: p + "/reasonCode", keyword: 'type', params: { type: 'string' } });
		}
	} else e.push({ instancePath: p, keyword: 'type', params: { type: 'object' } });
}

function report90(x: unknown, p: string, e: SchemaError[]): void {
	if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
		const o91 = x as Record<string, unknown>;
		if (o91["at"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "at" } });
		if (o91["channel"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "channel" } });
		if (o91["direction"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "direction" } });
		const v92 = o91["at"];
		if (v92 !== undefined) {
			if (typeof v92 === 'string') {
				if (!C8.test(v92)) e.push({ instancePath: p + "/at", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
				if (!isDateTime(v92, undefined)) e.push({ instancePath: p + "/at", keyword: 'format', params: { format: "date-time" } });
			} else e.push({ instancePath: p + "/at", keyword: 'type', params: { type: 'string' } });
		}
		const v93 = o91["channel"];
		if (v93 !== undefined) {
			if (v93 !== "email" && v93 !== "sms" && v93 !== "whatsapp" && v93 !== "letter" && v93 !== "phone" && v93 !== "portal" && v93 !== "in-person") e.push({ instancePath: p + "/channel", keyword: 'enum', params: { allowedValues: C94 } });
		}
		const v95 = o91["direction"];
		if (v95 !== undefined) {
			if (v95 !== "outbound" && v95 !== "inbound") e.push({ instancePath: p + "/direction", keyword: 'enum', params: { allowedValues: C96 } });
		}
		const v97 = o91["stage"];
		if (v97 !== undefined) {
			if (v97 !== "pre-due-notice" && v97 !== "reminder-1" && v97 !== "reminder-2" && v97 !== "fourteen-day-letter" && v97 !== "arrangement-offer" && v97 !== "arrangement-confirmation" && v97 !== "instalment-reminder" && v97 !== "missed-instalment" && v97 !== "reversal-notice" && v97 !== "early-warning-care" && v97 !== "collection-date-invitation" && v97 !== "payment-received" && v97 !== "final-notice") e.push({ instancePath: p + "/stage", keyword: 'enum', params: { allowedValues: C98 } });
		}
		const v99 = o91["outcome"];
		if (v99 !== undefined) {
			if (v99 !== "sent" && v99 !== "delivered" && v99 !== "opened" && v99 !== "clicked" && v99 !== "read" && v99 !== "replied" && v99 !== "answered" && v99 !== "no-answer" && v99 !== "bounced" && v99 !== "failed" && v99 !== "promise-to-pay" && v99 !== "objection" && v99 !== "unconfirmed") e.push({ instancePath: p + "/outcome", keyword: 'enum', params: { allowedValues: C100 } });
		}
		const v101 = o91["claimId"];
		if (v101 !== undefined) {
			if (typeof v101 !== 'string') e.push({ instancePath: p + "/claimId", keyword: 'type', params: { type: 'string' } });
		}
	} else e.push({ instancePath: p, keyword: 'type', params: { type: 'object' } });
}

function report112(x: unknown, p: string, e: SchemaError[]): void {
	if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
		const o113 = x as Record<string, unknown>;
		if (o113["kind"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "kind" } });
		if (o113["date"] === undefined) e.push({ instancePath: p, keyword: 'required', params: { missingProperty: "date" } });
		const v114 = o113["kind"];
		if (v114 !== undefined) {
			if (v114 !== "arrangement" && v114 !== "deferral" && v114 !== "other") e.push({ instancePath: p + "/kind", keyword: 'enum', params: { allowedValues: C115 } });
		}
		const v116 = o113["date"];
		if (v116 !== undefined) {
			if (typeof v116 === 'string') {
				if (!C8.test(v116)) e.push({ instancePath: p + "/date", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
				if (!isDate(v116, undefined)) e.push({ instancePath: p + "/date", keyword: 'format', params: { format: "date" } });
			} else e.push({ instancePath: p + "/date", keyword: 'type', params: { type: 'string' } });
		}
		const v117 = o113["claimId"];
		if (v117 !== undefined) {
			if (typeof v117 !== 'string') e.push({ instancePath: p + "/claimId", keyword: 'type', params: { type: 'string' } });
		}
	} else e.push({ instancePath: p, keyword: 'type', params: { type: 'object' } });
}

function item166(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o167 = x as Record<string, unknown>;
	const m6 = s[6];
	if ((m6 & 1) !== 0) {
		const v168 = o167["claimId"];
		if (v168 === undefined) return false;
		if (typeof v168 !== 'string') return false;
		if (v168.length < 2 && codePoints(v168) < 1) return false;
		if (v168.length > 100 && codePoints(v168) > 100) return false;
	}
	if ((m6 & 2) !== 0) {
		const v169 = o167["description"];
		if (v169 !== undefined) {
			if (typeof v169 !== 'string') return false;
			if (v169.length > 500 && codePoints(v169) > 500) return false;
		}
	}
	if ((m6 & 4) !== 0) {
		const v170 = o167["principalCents"];
		if (v170 === undefined) return false;
		if (typeof v170 !== 'number' || !Number.isInteger(v170)) return false;
		if (v170 < 0) return false;
		if (v170 > 99999999999) return false;
	}
	if ((m6 & 8) !== 0) {
		const v171 = o167["openCents"];
		if (v171 === undefined) return false;
		if (typeof v171 !== 'number' || !Number.isInteger(v171)) return false;
		if (v171 < 0) return false;
		if (v171 > 99999999999) return false;
	}
	if ((m6 & 16) !== 0) {
		const v172 = o167["invoiceDate"];
		if (v172 === undefined) return false;
		if (typeof v172 !== 'string') return false;
		if (!C8.test(v172)) return false;
		if (!isDate(v172, d)) return false;
	}
	if ((m6 & 32) !== 0) {
		const v173 = o167["dueDate"];
		if (v173 === undefined) return false;
		if (typeof v173 !== 'string') return false;
		if (!C8.test(v173)) return false;
		if (!isDate(v173, d)) return false;
	}
	if ((m6 & 64) !== 0) {
		const v174 = o167["sector"];
		if (v174 !== undefined) {
			if (v174 !== "rent" && v174 !== "health-insurance" && v174 !== "energy" && v174 !== "heat" && v174 !== "water" && v174 !== "telecom" && v174 !== "retail" && v174 !== "utility-other" && v174 !== "credit-agreement" && v174 !== "other") return false;
		}
	}
	if ((m6 & 128) !== 0) {
		const v175 = o167["disputed"];
		if (v175 !== undefined) {
			if (typeof v175 !== 'boolean') return false;
		}
	}
	if ((m6 & 256) !== 0) {
		const v176 = o167["defaultDate"];
		if (v176 !== undefined) {
			if (typeof v176 !== 'string') return false;
			if (!C8.test(v176)) return false;
			if (!isDate(v176, d)) return false;
		}
	}
	return true;
}

function item178(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o179 = x as Record<string, unknown>;
	const m7 = s[7];
	if ((m7 & 1) !== 0) {
		const v180 = o179["paymentId"];
		if (v180 !== undefined) {
			if (typeof v180 !== 'string') return false;
		}
	}
	if ((m7 & 2) !== 0) {
		const v181 = o179["claimId"];
		if (v181 !== undefined) {
			if (typeof v181 !== 'string') return false;
		}
	}
	if ((m7 & 4) !== 0) {
		const v182 = o179["amountCents"];
		if (v182 === undefined) return false;
		if (typeof v182 !== 'number' || !Number.isInteger(v182)) return false;
		if (v182 < 1) return false;
		if (v182 > 99999999999) return false;
	}
	if ((m7 & 8) !== 0) {
		const v183 = o179["date"];
		if (v183 === undefined) return false;
		if (typeof v183 !== 'string') return false;
		if (!C8.test(v183)) return false;
		if (!isDate(v183, d)) return false;
	}
	if ((m7 & 16) !== 0) {
		const v184 = o179["method"];
		if (v184 !== undefined) {
			if (v184 !== "direct-debit" && v184 !== "bank-transfer" && v184 !== "payment-link" && v184 !== "cash" && v184 !== "other") return false;
		}
	}
	return true;
}

function item186(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o187 = x as Record<string, unknown>;
	const m8 = s[8];
	if ((m8 & 1) !== 0) {
		const v188 = o187["reversalId"];
		if (v188 !== undefined) {
			if (typeof v188 !== 'string') return false;
		}
	}
	if ((m8 & 2) !== 0) {
		const v189 = o187["claimId"];
		if (v189 !== undefined) {
			if (typeof v189 !== 'string') return false;
		}
	}
	if ((m8 & 4) !== 0) {
		const v190 = o187["amountCents"];
		if (v190 === undefined) return false;
		if (typeof v190 !== 'number' || !Number.isInteger(v190)) return false;
		if (v190 < 1) return false;
		if (v190 > 99999999999) return false;
	}
	if ((m8 & 8) !== 0) {
		const v191 = o187["date"];
		if (v191 === undefined) return false;
		if (typeof v191 !== 'string') return false;
		if (!C8.test(v191)) return false;
		if (!isDate(v191, d)) return false;
	}
	if ((m8 & 16) !== 0) {
		const v192 = o187["reasonCode"];
		if (v192 === undefined) return false;
		if (typeof v192 !== 'string') return false;
		if (!C87.test(v192)) return false;
	}
	return true;
}

function item194(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o195 = x as Record<string, unknown>;
	const m9 = s[9];
	if ((m9 & 1) !== 0) {
		const v196 = o195["at"];
		if (v196 === undefined) return false;
		if (typeof v196 !== 'string') return false;
		if (!C8.test(v196)) return false;
		if (!isDateTime(v196, d)) return false;
	}
	if ((m9 & 2) !== 0) {
		const v197 = o195["channel"];
		if (v197 === undefined) return false;
		if (v197 !== "email" && v197 !== "sms" && v197 !== "whatsapp" && v197 !== "letter" && v197 !== "phone" && v197 !== "portal" && v197 !== "in-person") return false;
	}
	if ((m9 & 4) !== 0) {
		const v198 = o195["direction"];
		if (v198 === undefined) return false;
		if (v198 !== "outbound" && v198 !== "inbound") return false;
	}
	if ((m9 & 8) !== 0) {
		const v199 = o195["stage"];
		if (v199 !== undefined) {
			if (v199 !== "pre-due-notice" && v199 !== "reminder-1" && v199 !== "reminder-2" && v199 !== "fourteen-day-letter" && v199 !== "arrangement-offer" && v199 !== "arrangement-confirmation" && v199 !== "instalment-reminder" && v199 !== "missed-instalment" && v199 !== "reversal-notice" && v199 !== "early-warning-care" && v199 !== "collection-date-invitation" && v199 !== "payment-received" && v199 !== "final-notice") return false;
		}
	}
	if ((m9 & 16) !== 0) {
		const v200 = o195["outcome"];
		if (v200 !== undefined) {
			if (v200 !== "sent" && v200 !== "delivered" && v200 !== "opened" && v200 !== "clicked" && v200 !== "read" && v200 !== "replied" && v200 !== "answered" && v200 !== "no-answer" && v200 !== "bounced" && v200 !== "failed" && v200 !== "promise-to-pay" && v200 !== "objection" && v200 !== "unconfirmed") return false;
		}
	}
	if ((m9 & 32) !== 0) {
		const v201 = o195["claimId"];
		if (v201 !== undefined) {
			if (typeof v201 !== 'string') return false;
		}
	}
	return true;
}

function item211(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o212 = x as Record<string, unknown>;
	const m11 = s[11];
	if ((m11 & 1) !== 0) {
		const v213 = o212["kind"];
		if (v213 === undefined) return false;
		if (v213 !== "arrangement" && v213 !== "deferral" && v213 !== "other") return false;
	}
	if ((m11 & 2) !== 0) {
		const v214 = o212["date"];
		if (v214 === undefined) return false;
		if (typeof v214 !== 'string') return false;
		if (!C8.test(v214)) return false;
		if (!isDate(v214, d)) return false;
	}
	if ((m11 & 4) !== 0) {
		const v215 = o212["claimId"];
		if (v215 !== undefined) {
			if (typeof v215 !== 'string') return false;
		}
	}
	return true;
}

/** Top-level fields of the debtor record, in schema order. */
export const DEBTOR_FIELDS = ["debtorId","debtorType","firstName","lastName","companyName","birthDate","contact","language","register","preferredChannel","consents","household","income","preferredCollectionDay","paymentMethod","iban","claims","payments","reversals","contacts","flags","forbearanceOffers","features"] as const;

/**
 * The objects of the record that have fields, in schema order: the record itself, its objects, and
 * the items of its lists (named by the list). A field selection holds one mask per object, in this
 * order; bit k of a mask selects the k-th field.
 */
export const DEBTOR_OBJECTS: ReadonlyArray<{ readonly path: string; readonly fields: readonly string[] }> = [
	{ path: "", fields: ["debtorId","debtorType","firstName","lastName","companyName","birthDate","contact","language","register","preferredChannel","consents","household","income","preferredCollectionDay","paymentMethod","iban","claims","payments","reversals","contacts","flags","forbearanceOffers","features"] },
	{ path: "contact", fields: ["email","mobile","phone","address"] },
	{ path: "contact.address", fields: ["street","houseNumber","postalCode","city","country"] },
	{ path: "consents", fields: ["whatsappOptIn","whatsappOptInAt","emailOptOut","smsOptOut","municipalityObjection"] },
	{ path: "household", fields: ["adults","children","age","composition"] },
	{ path: "income", fields: ["type","dayOfMonth","anchorDate","municipality","netMonthlyCents"] },
	{ path: "claims", fields: ["claimId","description","principalCents","openCents","invoiceDate","dueDate","sector","disputed","defaultDate"] },
	{ path: "payments", fields: ["paymentId","claimId","amountCents","date","method"] },
	{ path: "reversals", fields: ["reversalId","claimId","amountCents","date","reasonCode"] },
	{ path: "contacts", fields: ["at","channel","direction","stage","outcome","claimId"] },
	{ path: "flags", fields: ["dispute","arrangementActive","debtHelp","debtHelpSince","deceased","vulnerable"] },
	{ path: "forbearanceOffers", fields: ["kind","date","claimId"] },
];

/** A field a node can select: `claims` (with all it holds) or `claims.dueDate` (that field of every claim). */
export type DebtorFieldPath =
	| "debtorId"
	| "debtorType"
	| "firstName"
	| "lastName"
	| "companyName"
	| "birthDate"
	| "contact"
	| "language"
	| "register"
	| "preferredChannel"
	| "consents"
	| "household"
	| "income"
	| "preferredCollectionDay"
	| "paymentMethod"
	| "iban"
	| "claims"
	| "payments"
	| "reversals"
	| "contacts"
	| "flags"
	| "forbearanceOffers"
	| "features"
	| "contact.email"
	| "contact.mobile"
	| "contact.phone"
	| "contact.address"
	| "contact.address.street"
	| "contact.address.houseNumber"
	| "contact.address.postalCode"
	| "contact.address.city"
	| "contact.address.country"
	| "consents.whatsappOptIn"
	| "consents.whatsappOptInAt"
	| "consents.emailOptOut"
	| "consents.smsOptOut"
	| "consents.municipalityObjection"
	| "household.adults"
	| "household.children"
	| "household.age"
	| "household.composition"
	| "income.type"
	| "income.dayOfMonth"
	| "income.anchorDate"
	| "income.municipality"
	| "income.netMonthlyCents"
	| "claims.claimId"
	| "claims.description"
	| "claims.principalCents"
	| "claims.openCents"
	| "claims.invoiceDate"
	| "claims.dueDate"
	| "claims.sector"
	| "claims.disputed"
	| "claims.defaultDate"
	| "payments.paymentId"
	| "payments.claimId"
	| "payments.amountCents"
	| "payments.date"
	| "payments.method"
	| "reversals.reversalId"
	| "reversals.claimId"
	| "reversals.amountCents"
	| "reversals.date"
	| "reversals.reasonCode"
	| "contacts.at"
	| "contacts.channel"
	| "contacts.direction"
	| "contacts.stage"
	| "contacts.outcome"
	| "contacts.claimId"
	| "flags.dispute"
	| "flags.arrangementActive"
	| "flags.debtHelp"
	| "flags.debtHelpSince"
	| "flags.deceased"
	| "flags.vulnerable"
	| "forbearanceOffers.kind"
	| "forbearanceOffers.date"
	| "forbearanceOffers.claimId";

/** A selection of every field. */
export const ALL_DEBTOR_FIELDS = Int32Array.of(8388607, 15, 31, 31, 15, 31, 511, 31, 31, 63, 63, 7);

/** The required top-level fields (bits of the first mask), checked whatever the selection. */
export const REQUIRED_DEBTOR_FIELDS = 1;

/**
 * True when the record satisfies the debtor JSON Schema (the same answer as ajv) in the fields the
 * selection `s` holds; the required top-level fields are always checked. The dates and moments it
 * reads are remembered in `d`, when given, for the next reader of the record (see CheckedDates).
 */
export function checkDebtorFields(record: unknown, s: Int32Array, d?: CheckedDates): boolean {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
	const o120 = record as Record<string, unknown>;
	const m0 = s[0];
	const v121 = o120["debtorId"];
	if (v121 === undefined) return false;
	if (typeof v121 !== 'string') return false;
	if (v121.length < 2 && codePoints(v121) < 1) return false;
	if (v121.length > 100 && codePoints(v121) > 100) return false;
	if ((m0 & 2) !== 0) {
		const v122 = o120["debtorType"];
		if (v122 !== undefined) {
			if (v122 !== "consumer" && v122 !== "business") return false;
		}
	}
	if ((m0 & 4) !== 0) {
		const v123 = o120["firstName"];
		if (v123 !== undefined) {
			if (typeof v123 !== 'string') return false;
			if (v123.length > 200 && codePoints(v123) > 200) return false;
		}
	}
	if ((m0 & 8) !== 0) {
		const v124 = o120["lastName"];
		if (v124 !== undefined) {
			if (typeof v124 !== 'string') return false;
			if (v124.length > 200 && codePoints(v124) > 200) return false;
		}
	}
	if ((m0 & 16) !== 0) {
		const v125 = o120["companyName"];
		if (v125 !== undefined) {
			if (typeof v125 !== 'string') return false;
			if (v125.length > 300 && codePoints(v125) > 300) return false;
		}
	}
	if ((m0 & 32) !== 0) {
		const v126 = o120["birthDate"];
		if (v126 !== undefined) {
			if (typeof v126 !== 'string') return false;
			if (!C8.test(v126)) return false;
			if (!isDate(v126, d)) return false;
		}
	}
	if ((m0 & 64) !== 0) {
		const v127 = o120["contact"];
		if (v127 !== undefined) {
			if (typeof v127 !== 'object' || v127 === null || Array.isArray(v127)) return false;
			const o128 = v127 as Record<string, unknown>;
			const m1 = s[1];
			if ((m1 & 1) !== 0) {
				const v129 = o128["email"];
				if (v129 !== undefined) {
					if (typeof v129 !== 'string') return false;
					if (!isEmail(v129)) return false;
				}
			}
			if ((m1 & 2) !== 0) {
				const v130 = o128["mobile"];
				if (v130 !== undefined) {
					if (typeof v130 !== 'string') return false;
					if (!C13.test(v130)) return false;
				}
			}
			if ((m1 & 4) !== 0) {
				const v131 = o128["phone"];
				if (v131 !== undefined) {
					if (typeof v131 !== 'string') return false;
					if (!C13.test(v131)) return false;
				}
			}
			if ((m1 & 8) !== 0) {
				const v132 = o128["address"];
				if (v132 !== undefined) {
					if (typeof v132 !== 'object' || v132 === null || Array.isArray(v132)) return false;
					const o133 = v132 as Record<string, unknown>;
					const m2 = s[2];
					if ((m2 & 1) !== 0) {
						const v134 = o133["street"];
						if (v134 === undefined) return false;
						if (typeof v134 !== 'string') return false;
						if (v134.length < 2 && codePoints(v134) < 1) return false;
						if (v134.length > 200 && codePoints(v134) > 200) return false;
					}
					if ((m2 & 2) !== 0) {
						const v135 = o133["houseNumber"];
						if (v135 === undefined) return false;
						if (typeof v135 !== 'string') return false;
						if (v135.length < 2 && codePoints(v135) < 1) return false;
						if (v135.length > 20 && codePoints(v135) > 20) return false;
					}
					if ((m2 & 4) !== 0) {
						const v136 = o133["postalCode"];
						if (v136 === undefined) return false;
						if (typeof v136 !== 'string') return false;
						if (v136.length < 2 && codePoints(v136) < 1) return false;
						if (v136.length > 20 && codePoints(v136) > 20) return false;
					}
					if ((m2 & 8) !== 0) {
						const v137 = o133["city"];
						if (v137 === undefined) return false;
						if (typeof v137 !== 'string') return false;
						if (v137.length < 2 && codePoints(v137) < 1) return false;
						if (v137.length > 100 && codePoints(v137) > 100) return false;
					}
					if ((m2 & 16) !== 0) {
						const v138 = o133["country"];
						if (v138 !== undefined) {
							if (typeof v138 !== 'string') return false;
							if (!C22.test(v138)) return false;
						}
					}
				}
			}
		}
	}
	if ((m0 & 128) !== 0) {
		const v139 = o120["language"];
		if (v139 !== undefined) {
			if (typeof v139 !== 'string') return false;
			if (!C24.test(v139)) return false;
		}
	}
	if ((m0 & 256) !== 0) {
		const v140 = o120["register"];
		if (v140 !== undefined) {
			if (v140 !== "u" && v140 !== "je") return false;
		}
	}
	if ((m0 & 512) !== 0) {
		const v141 = o120["preferredChannel"];
		if (v141 !== undefined) {
			if (v141 !== "email" && v141 !== "sms" && v141 !== "whatsapp" && v141 !== "letter" && v141 !== "phone") return false;
		}
	}
	if ((m0 & 1024) !== 0) {
		const v142 = o120["consents"];
		if (v142 !== undefined) {
			if (typeof v142 !== 'object' || v142 === null || Array.isArray(v142)) return false;
			const o143 = v142 as Record<string, unknown>;
			const m3 = s[3];
			if ((m3 & 1) !== 0) {
				const v144 = o143["whatsappOptIn"];
				if (v144 !== undefined) {
					if (typeof v144 !== 'boolean') return false;
				}
			}
			if ((m3 & 2) !== 0) {
				const v145 = o143["whatsappOptInAt"];
				if (v145 !== undefined) {
					if (typeof v145 !== 'string') return false;
					if (!C8.test(v145)) return false;
					if (!isDateTime(v145, d)) return false;
				}
			}
			if ((m3 & 4) !== 0) {
				const v146 = o143["emailOptOut"];
				if (v146 !== undefined) {
					if (typeof v146 !== 'boolean') return false;
				}
			}
			if ((m3 & 8) !== 0) {
				const v147 = o143["smsOptOut"];
				if (v147 !== undefined) {
					if (typeof v147 !== 'boolean') return false;
				}
			}
			if ((m3 & 16) !== 0) {
				const v148 = o143["municipalityObjection"];
				if (v148 !== undefined) {
					if (typeof v148 !== 'boolean') return false;
				}
			}
		}
	}
	if ((m0 & 2048) !== 0) {
		const v149 = o120["household"];
		if (v149 !== undefined) {
			if (typeof v149 !== 'object' || v149 === null || Array.isArray(v149)) return false;
			const o150 = v149 as Record<string, unknown>;
			const m4 = s[4];
			if ((m4 & 1) !== 0) {
				const v151 = o150["adults"];
				if (v151 !== undefined) {
					if (typeof v151 !== 'number' || !Number.isInteger(v151)) return false;
					if (v151 < 1) return false;
					if (v151 > 20) return false;
				}
			}
			if ((m4 & 2) !== 0) {
				const v152 = o150["children"];
				if (v152 !== undefined) {
					if (typeof v152 !== 'number' || !Number.isInteger(v152)) return false;
					if (v152 < 0) return false;
					if (v152 > 30) return false;
				}
			}
			if ((m4 & 4) !== 0) {
				const v153 = o150["age"];
				if (v153 !== undefined) {
					if (typeof v153 !== 'number' || !Number.isInteger(v153)) return false;
					if (v153 < 16) return false;
					if (v153 > 120) return false;
				}
			}
			if ((m4 & 8) !== 0) {
				const v154 = o150["composition"];
				if (v154 !== undefined) {
					if (v154 !== "single" && v154 !== "couple" && v154 !== "single-parent" && v154 !== "couple-with-children" && v154 !== "other") return false;
				}
			}
		}
	}
	if ((m0 & 4096) !== 0) {
		const v155 = o120["income"];
		if (v155 !== undefined) {
			if (typeof v155 !== 'object' || v155 === null || Array.isArray(v155)) return false;
			const o156 = v155 as Record<string, unknown>;
			const m5 = s[5];
			if ((m5 & 1) !== 0) {
				const v157 = o156["type"];
				if (v157 === undefined) return false;
				if (v157 !== "salary-monthly" && v157 !== "salary-four-weekly" && v157 !== "aow" && v157 !== "uwv-benefit" && v157 !== "ww" && v157 !== "bijstand" && v157 !== "chosen-day" && v157 !== "unknown") return false;
			}
			if ((m5 & 2) !== 0) {
				const v158 = o156["dayOfMonth"];
				if (v158 !== undefined) {
					if (typeof v158 !== 'number' || !Number.isInteger(v158)) return false;
					if (v158 < 1) return false;
					if (v158 > 31) return false;
				}
			}
			if ((m5 & 4) !== 0) {
				const v159 = o156["anchorDate"];
				if (v159 !== undefined) {
					if (typeof v159 !== 'string') return false;
					if (!C8.test(v159)) return false;
					if (!isDate(v159, d)) return false;
				}
			}
			if ((m5 & 8) !== 0) {
				const v160 = o156["municipality"];
				if (v160 !== undefined) {
					if (typeof v160 !== 'string') return false;
					if (v160.length > 100 && codePoints(v160) > 100) return false;
				}
			}
			if ((m5 & 16) !== 0) {
				const v161 = o156["netMonthlyCents"];
				if (v161 !== undefined) {
					if (typeof v161 !== 'number' || !Number.isInteger(v161)) return false;
					if (v161 < 0) return false;
					if (v161 > 99999999999) return false;
				}
			}
		}
	}
	if ((m0 & 8192) !== 0) {
		const v162 = o120["preferredCollectionDay"];
		if (v162 !== undefined) {
			if (typeof v162 !== 'number' || !Number.isInteger(v162)) return false;
			if (v162 < 1) return false;
			if (v162 > 31) return false;
		}
	}
	if ((m0 & 16384) !== 0) {
		const v163 = o120["paymentMethod"];
		if (v163 !== undefined) {
			if (v163 !== "direct-debit" && v163 !== "bank-transfer" && v163 !== "payment-link" && v163 !== "cash" && v163 !== "other") return false;
		}
	}
	if ((m0 & 32768) !== 0) {
		const v164 = o120["iban"];
		if (v164 !== undefined) {
			if (typeof v164 !== 'string') return false;
			if (!C55.test(v164)) return false;
		}
	}
	if ((m0 & 65536) !== 0) {
		const v165 = o120["claims"];
		if (v165 !== undefined) {
			if (!Array.isArray(v165)) return false;
			for (let i = 0, n = v165.length; i < n; i++) if (!item166(v165[i], s, d)) return false;
		}
	}
	if ((m0 & 131072) !== 0) {
		const v177 = o120["payments"];
		if (v177 !== undefined) {
			if (!Array.isArray(v177)) return false;
			for (let i = 0, n = v177.length; i < n; i++) if (!item178(v177[i], s, d)) return false;
		}
	}
	if ((m0 & 262144) !== 0) {
		const v185 = o120["reversals"];
		if (v185 !== undefined) {
			if (!Array.isArray(v185)) return false;
			for (let i = 0, n = v185.length; i < n; i++) if (!item186(v185[i], s, d)) return false;
		}
	}
	if ((m0 & 524288) !== 0) {
		const v193 = o120["contacts"];
		if (v193 !== undefined) {
			if (!Array.isArray(v193)) return false;
			for (let i = 0, n = v193.length; i < n; i++) if (!item194(v193[i], s, d)) return false;
		}
	}
	if ((m0 & 1048576) !== 0) {
		const v202 = o120["flags"];
		if (v202 !== undefined) {
			if (typeof v202 !== 'object' || v202 === null || Array.isArray(v202)) return false;
			const o203 = v202 as Record<string, unknown>;
			const m10 = s[10];
			if ((m10 & 1) !== 0) {
				const v204 = o203["dispute"];
				if (v204 !== undefined) {
					if (typeof v204 !== 'boolean') return false;
				}
			}
			if ((m10 & 2) !== 0) {
				const v205 = o203["arrangementActive"];
				if (v205 !== undefined) {
					if (typeof v205 !== 'boolean') return false;
				}
			}
			if ((m10 & 4) !== 0) {
				const v206 = o203["debtHelp"];
				if (v206 !== undefined) {
					if (typeof v206 !== 'boolean') return false;
				}
			}
			if ((m10 & 8) !== 0) {
				const v207 = o203["debtHelpSince"];
				if (v207 !== undefined) {
					if (typeof v207 !== 'string') return false;
					if (!C8.test(v207)) return false;
					if (!isDate(v207, d)) return false;
				}
			}
			if ((m10 & 16) !== 0) {
				const v208 = o203["deceased"];
				if (v208 !== undefined) {
					if (typeof v208 !== 'boolean') return false;
				}
			}
			if ((m10 & 32) !== 0) {
				const v209 = o203["vulnerable"];
				if (v209 !== undefined) {
					if (typeof v209 !== 'boolean') return false;
				}
			}
		}
	}
	if ((m0 & 2097152) !== 0) {
		const v210 = o120["forbearanceOffers"];
		if (v210 !== undefined) {
			if (!Array.isArray(v210)) return false;
			for (let i = 0, n = v210.length; i < n; i++) if (!item211(v210[i], s, d)) return false;
		}
	}
	if ((m0 & 4194304) !== 0) {
		const v216 = o120["features"];
		if (v216 !== undefined) {
			if (typeof v216 !== 'object' || v216 === null || Array.isArray(v216)) return false;
		}
	}
	return true;
}

/** True when the record satisfies the debtor JSON Schema (the same answer as ajv). */
export function checkDebtorSchema(record: unknown): boolean {
	return checkDebtorFields(record, ALL_DEBTOR_FIELDS, undefined);
}

/**
 * Every problem of the record against the debtor JSON Schema, in every field, as ajv reports them
 * with allErrors: the same paths, keywords, parameters and order. Empty exactly when
 * checkDebtorSchema is true. Run only for a record the check refused, to word its problems.
 */
export function reportDebtorSchema(record: unknown): SchemaError[] {
	const e: SchemaError[] = [];
	if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
		const o0 = record as Record<string, unknown>;
		if (o0["debtorId"] === undefined) e.push({ instancePath: "", keyword: 'required', params: { missingProperty: "debtorId" } });
		const v1 = o0["debtorId"];
		if (v1 !== undefined) {
			if (typeof v1 === 'string') {
				if (v1.length > 100 && codePoints(v1) > 100) e.push({ instancePath: "/debtorId", keyword: 'maxLength', params: { limit: 100 } });
				if (v1.length < 2 && codePoints(v1) < 1) e.push({ instancePath: "/debtorId", keyword: 'minLength', params: { limit: 1 } });
			} else e.push({ instancePath: "/debtorId", keyword: 'type', params: { type: 'string' } });
		}
		const v2 = o0["debtorType"];
		if (v2 !== undefined) {
			if (v2 !== "consumer" && v2 !== "business") e.push({ instancePath: "/debtorType", keyword: 'enum', params: { allowedValues: C3 } });
		}
		const v4 = o0["firstName"];
		if (v4 !== undefined) {
			if (typeof v4 === 'string') {
				if (v4.length > 200 && codePoints(v4) > 200) e.push({ instancePath: "/firstName", keyword: 'maxLength', params: { limit: 200 } });
			} else e.push({ instancePath: "/firstName", keyword: 'type', params: { type: 'string' } });
		}
		const v5 = o0["lastName"];
		if (v5 !== undefined) {
			if (typeof v5 === 'string') {
				if (v5.length > 200 && codePoints(v5) > 200) e.push({ instancePath: "/lastName", keyword: 'maxLength', params: { limit: 200 } });
			} else e.push({ instancePath: "/lastName", keyword: 'type', params: { type: 'string' } });
		}
		const v6 = o0["companyName"];
		if (v6 !== undefined) {
			if (typeof v6 === 'string') {
				if (v6.length > 300 && codePoints(v6) > 300) e.push({ instancePath: "/companyName", keyword: 'maxLength', params: { limit: 300 } });
			} else e.push({ instancePath: "/companyName", keyword: 'type', params: { type: 'string' } });
		}
		const v7 = o0["birthDate"];
		if (v7 !== undefined) {
			if (typeof v7 === 'string') {
				if (!C8.test(v7)) e.push({ instancePath: "/birthDate", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
				if (!isDate(v7, undefined)) e.push({ instancePath: "/birthDate", keyword: 'format', params: { format: "date" } });
			} else e.push({ instancePath: "/birthDate", keyword: 'type', params: { type: 'string' } });
		}
		const v9 = o0["contact"];
		if (v9 !== undefined) {
			if (typeof v9 === 'object' && v9 !== null && !Array.isArray(v9)) {
				const o10 = v9 as Record<string, unknown>;
				const v11 = o10["email"];
				if (v11 !== undefined) {
					if (typeof v11 === 'string') {
						if (!isEmail(v11)) e.push({ instancePath: "/contact/email", keyword: 'format', params: { format: "email" } });
					} else e.push({ instancePath: "/contact/email", keyword: 'type', params: { type: 'string' } });
				}
				const v12 = o10["mobile"];
				if (v12 !== undefined) {
					if (typeof v12 === 'string') {
						if (!C13.test(v12)) e.push({ instancePath: "/contact/mobile", keyword: 'pattern', params: { pattern: "^\\+[1-9][0-9]{6,14}$" } });
					} else e.push({ instancePath: "/contact/mobile", keyword: 'type', params: { type: 'string' } });
				}
				const v14 = o10["phone"];
				if (v14 !== undefined) {
					if (typeof v14 === 'string') {
						if (!C13.test(v14)) e.push({ instancePath: "/contact/phone", keyword: 'pattern', params: { pattern: "^\\+[1-9][0-9]{6,14}$" } });
					} else e.push({ instancePath: "/contact/phone", keyword: 'type', params: { type: 'string' } });
				}
				const v15 = o10["address"];
				if (v15 !== undefined) {
					if (typeof v15 === 'object' && v15 !== null && !Array.isArray(v15)) {
						const o16 = v15 as Record<string, unknown>;
						if (o16["street"] === undefined) e.push({ instancePath: "/contact/address", keyword: 'required', params: { missingProperty: "street" } });
						if (o16["houseNumber"] === undefined) e.push({ instancePath: "/contact/address", keyword: 'required', params: { missingProperty: "houseNumber" } });
						if (o16["postalCode"] === undefined) e.push({ instancePath: "/contact/address", keyword: 'required', params: { missingProperty: "postalCode" } });
						if (o16["city"] === undefined) e.push({ instancePath: "/contact/address", keyword: 'required', params: { missingProperty: "city" } });
						const v17 = o16["street"];
						if (v17 !== undefined) {
							if (typeof v17 === 'string') {
								if (v17.length > 200 && codePoints(v17) > 200) e.push({ instancePath: "/contact/address/street", keyword: 'maxLength', params: { limit: 200 } });
								if (v17.length < 2 && codePoints(v17) < 1) e.push({ instancePath: "/contact/address/street", keyword: 'minLength', params: { limit: 1 } });
							} else e.push({ instancePath: "/contact/address/street", keyword: 'type', params: { type: 'string' } });
						}
						const v18 = o16["houseNumber"];
						if (v18 !== undefined) {
							if (typeof v18 === 'string') {
								if (v18.length > 20 && codePoints(v18) > 20) e.push({ instancePath: "/contact/address/houseNumber", keyword: 'maxLength', params: { limit: 20 } });
								if (v18.length < 2 && codePoints(v18) < 1) e.push({ instancePath: "/contact/address/houseNumber", keyword: 'minLength', params: { limit: 1 } });
							} else e.push({ instancePath: "/contact/address/houseNumber", keyword: 'type', params: { type: 'string' } });
						}
						const v19 = o16["postalCode"];
						if (v19 !== undefined) {
							if (typeof v19 === 'string') {
								if (v19.length > 20 && codePoints(v19) > 20) e.push({ instancePath: "/contact/address/postalCode", keyword: 'maxLength', params: { limit: 20 } });
								if (v19.length < 2 && codePoints(v19) < 1) e.push({ instancePath: "/contact/address/postalCode", keyword: 'minLength', params: { limit: 1 } });
							} else e.push({ instancePath: "/contact/address/postalCode", keyword: 'type', params: { type: 'string' } });
						}
						const v20 = o16["city"];
						if (v20 !== undefined) {
							if (typeof v20 === 'string') {
								if (v20.length > 100 && codePoints(v20) > 100) e.push({ instancePath: "/contact/address/city", keyword: 'maxLength', params: { limit: 100 } });
								if (v20.length < 2 && codePoints(v20) < 1) e.push({ instancePath: "/contact/address/city", keyword: 'minLength', params: { limit: 1 } });
							} else e.push({ instancePath: "/contact/address/city", keyword: 'type', params: { type: 'string' } });
						}
						const v21 = o16["country"];
						if (v21 !== undefined) {
							if (typeof v21 === 'string') {
								if (!C22.test(v21)) e.push({ instancePath: "/contact/address/country", keyword: 'pattern', params: { pattern: "^[A-Z]{2}$" } });
							} else e.push({ instancePath: "/contact/address/country", keyword: 'type', params: { type: 'string' } });
						}
					} else e.push({ instancePath: "/contact/address", keyword: 'type', params: { type: 'object' } });
				}
			} else e.push({ instancePath: "/contact", keyword: 'type', params: { type: 'object' } });
		}
		const v23 = o0["language"];
		if (v23 !== undefined) {
			if (typeof v23 === 'string') {
				if (!C24.test(v23)) e.push({ instancePath: "/language", keyword: 'pattern', params: { pattern: "^[a-z]{2}$" } });
			} else e.push({ instancePath: "/language", keyword: 'type', params: { type: 'string' } });
		}
		const v25 = o0["register"];
		if (v25 !== undefined) {
			if (v25 !== "u" && v25 !== "je") e.push({ instancePath: "/register", keyword: 'enum', params: { allowedValues: C26 } });
		}
		const v27 = o0["preferredChannel"];
		if (v27 !== undefined) {
			if (v27 !== "email" && v27 !== "sms" && v27 !== "whatsapp" && v27 !== "letter" && v27 !== "phone") e.push({ instancePath: "/preferredChannel", keyword: 'enum', params: { allowedValues: C28 } });
		}
		const v29 = o0["consents"];
		if (v29 !== undefined) {
			if (typeof v29 === 'object' && v29 !== null && !Array.isArray(v29)) {
				const o30 = v29 as Record<string, unknown>;
				const v31 = o30["whatsappOptIn"];
				if (v31 !== undefined) {
					if (typeof v31 !== 'boolean') e.push({ instancePath: "/consents/whatsappOptIn", keyword: 'type', params: { type: 'boolean' } });
				}
				const v32 = o30["whatsappOptInAt"];
				if (v32 !== undefined) {
					if (typeof v32 === 'string') {
						if (!C8.test(v32)) e.push({ instancePath: "/consents/whatsappOptInAt", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
						if (!isDateTime(v32, undefined)) e.push({ instancePath: "/consents/whatsappOptInAt", keyword: 'format', params: { format: "date-time" } });
					} else e.push({ instancePath: "/consents/whatsappOptInAt", keyword: 'type', params: { type: 'string' } });
				}
				const v33 = o30["emailOptOut"];
				if (v33 !== undefined) {
					if (typeof v33 !== 'boolean') e.push({ instancePath: "/consents/emailOptOut", keyword: 'type', params: { type: 'boolean' } });
				}
				const v34 = o30["smsOptOut"];
				if (v34 !== undefined) {
					if (typeof v34 !== 'boolean') e.push({ instancePath: "/consents/smsOptOut", keyword: 'type', params: { type: 'boolean' } });
				}
				const v35 = o30["municipalityObjection"];
				if (v35 !== undefined) {
					if (typeof v35 !== 'boolean') e.push({ instancePath: "/consents/municipalityObjection", keyword: 'type', params: { type: 'boolean' } });
				}
			} else e.push({ instancePath: "/consents", keyword: 'type', params: { type: 'object' } });
		}
		const v36 = o0["household"];
		if (v36 !== undefined) {
			if (typeof v36 === 'object' && v36 !== null && !Array.isArray(v36)) {
				const o37 = v36 as Record<string, unknown>;
				const v38 = o37["adults"];
				if (v38 !== undefined) {
					if (typeof v38 !== 'number' || !Number.isInteger(v38)) e.push({ instancePath: "/household/adults", keyword: 'type', params: { type: 'integer' } });
					if (typeof v38 === 'number') {
						if (v38 > 20 || v38 !== v38) e.push({ instancePath: "/household/adults", keyword: 'maximum', params: { comparison: '<=', limit: 20 } });
						if (v38 < 1 || v38 !== v38) e.push({ instancePath: "/household/adults", keyword: 'minimum', params: { comparison: '>=', limit: 1 } });
					}
				}
				const v39 = o37["children"];
				if (v39 !== undefined) {
					if (typeof v39 !== 'number' || !Number.isInteger(v39)) e.push({ instancePath: "/household/children", keyword: 'type', params: { type: 'integer' } });
					if (typeof v39 === 'number') {
						if (v39 > 30 || v39 !== v39) e.push({ instancePath: "/household/children", keyword: 'maximum', params: { comparison: '<=', limit: 30 } });
						if (v39 < 0 || v39 !== v39) e.push({ instancePath: "/household/children", keyword: 'minimum', params: { comparison: '>=', limit: 0 } });
					}
				}
				const v40 = o37["age"];
				if (v40 !== undefined) {
					if (typeof v40 !== 'number' || !Number.isInteger(v40)) e.push({ instancePath: "/household/age", keyword: 'type', params: { type: 'integer' } });
					if (typeof v40 === 'number') {
						if (v40 > 120 || v40 !== v40) e.push({ instancePath: "/household/age", keyword: 'maximum', params: { comparison: '<=', limit: 120 } });
						if (v40 < 16 || v40 !== v40) e.push({ instancePath: "/household/age", keyword: 'minimum', params: { comparison: '>=', limit: 16 } });
					}
				}
				const v41 = o37["composition"];
				if (v41 !== undefined) {
					if (v41 !== "single" && v41 !== "couple" && v41 !== "single-parent" && v41 !== "couple-with-children" && v41 !== "other") e.push({ instancePath: "/household/composition", keyword: 'enum', params: { allowedValues: C42 } });
				}
			} else e.push({ instancePath: "/household", keyword: 'type', params: { type: 'object' } });
		}
		const v43 = o0["income"];
		if (v43 !== undefined) {
			if (typeof v43 === 'object' && v43 !== null && !Array.isArray(v43)) {
				const o44 = v43 as Record<string, unknown>;
				if (o44["type"] === undefined) e.push({ instancePath: "/income", keyword: 'required', params: { missingProperty: "type" } });
				const v45 = o44["type"];
				if (v45 !== undefined) {
					if (v45 !== "salary-monthly" && v45 !== "salary-four-weekly" && v45 !== "aow" && v45 !== "uwv-benefit" && v45 !== "ww" && v45 !== "bijstand" && v45 !== "chosen-day" && v45 !== "unknown") e.push({ instancePath: "/income/type", keyword: 'enum', params: { allowedValues: C46 } });
				}
				const v47 = o44["dayOfMonth"];
				if (v47 !== undefined) {
					if (typeof v47 !== 'number' || !Number.isInteger(v47)) e.push({ instancePath: "/income/dayOfMonth", keyword: 'type', params: { type: 'integer' } });
					if (typeof v47 === 'number') {
						if (v47 > 31 || v47 !== v47) e.push({ instancePath: "/income/dayOfMonth", keyword: 'maximum', params: { comparison: '<=', limit: 31 } });
						if (v47 < 1 || v47 !== v47) e.push({ instancePath: "/income/dayOfMonth", keyword: 'minimum', params: { comparison: '>=', limit: 1 } });
					}
				}
				const v48 = o44["anchorDate"];
				if (v48 !== undefined) {
					if (typeof v48 === 'string') {
						if (!C8.test(v48)) e.push({ instancePath: "/income/anchorDate", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
						if (!isDate(v48, undefined)) e.push({ instancePath: "/income/anchorDate", keyword: 'format', params: { format: "date" } });
					} else e.push({ instancePath: "/income/anchorDate", keyword: 'type', params: { type: 'string' } });
				}
				const v49 = o44["municipality"];
				if (v49 !== undefined) {
					if (typeof v49 === 'string') {
						if (v49.length > 100 && codePoints(v49) > 100) e.push({ instancePath: "/income/municipality", keyword: 'maxLength', params: { limit: 100 } });
					} else e.push({ instancePath: "/income/municipality", keyword: 'type', params: { type: 'string' } });
				}
				const v50 = o44["netMonthlyCents"];
				if (v50 !== undefined) {
					if (typeof v50 !== 'number' || !Number.isInteger(v50)) e.push({ instancePath: "/income/netMonthlyCents", keyword: 'type', params: { type: 'integer' } });
					if (typeof v50 === 'number') {
						if (v50 > 99999999999 || v50 !== v50) e.push({ instancePath: "/income/netMonthlyCents", keyword: 'maximum', params: { comparison: '<=', limit: 99999999999 } });
						if (v50 < 0 || v50 !== v50) e.push({ instancePath: "/income/netMonthlyCents", keyword: 'minimum', params: { comparison: '>=', limit: 0 } });
					}
				}
			} else e.push({ instancePath: "/income", keyword: 'type', params: { type: 'object' } });
		}
		const v51 = o0["preferredCollectionDay"];
		if (v51 !== undefined) {
			if (typeof v51 !== 'number' || !Number.isInteger(v51)) e.push({ instancePath: "/preferredCollectionDay", keyword: 'type', params: { type: 'integer' } });
			if (typeof v51 === 'number') {
				if (v51 > 31 || v51 !== v51) e.push({ instancePath: "/preferredCollectionDay", keyword: 'maximum', params: { comparison: '<=', limit: 31 } });
				if (v51 < 1 || v51 !== v51) e.push({ instancePath: "/preferredCollectionDay", keyword: 'minimum', params: { comparison: '>=', limit: 1 } });
			}
		}
		const v52 = o0["paymentMethod"];
		if (v52 !== undefined) {
			if (v52 !== "direct-debit" && v52 !== "bank-transfer" && v52 !== "payment-link" && v52 !== "cash" && v52 !== "other") e.push({ instancePath: "/paymentMethod", keyword: 'enum', params: { allowedValues: C53 } });
		}
		const v54 = o0["iban"];
		if (v54 !== undefined) {
			if (typeof v54 === 'string') {
				if (!C55.test(v54)) e.push({ instancePath: "/iban", keyword: 'pattern', params: { pattern: "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$" } });
			} else e.push({ instancePath: "/iban", keyword: 'type', params: { type: 'string' } });
		}
		const v56 = o0["claims"];
		if (v56 !== undefined) {
			if (Array.isArray(v56)) {
				for (let i69 = 0, n = v56.length; i69 < n; i69++) report57(v56[i69], "/claims" + '/' + i69, e);
			} else e.push({ instancePath: "/claims", keyword: 'type', params: { type: 'array' } });
		}
		const v70 = o0["payments"];
		if (v70 !== undefined) {
			if (Array.isArray(v70)) {
				for (let i78 = 0, n = v70.length; i78 < n; i78++) report71(v70[i78], "/payments" + '/' + i78, e);
			} else e.push({ instancePath: "/payments", keyword: 'type', params: { type: 'array' } });
		}
		const v79 = o0["reversals"];
		if (v79 !== undefined) {
			if (Array.isArray(v79)) {
				for (let i88 = 0, n = v79.length; i88 < n; i88++) report80(v79[i88], "/reversals" + '/' + i88, e);
			} else e.push({ instancePath: "/reversals", keyword: 'type', params: { type: 'array' } });
		}
		const v89 = o0["contacts"];
		if (v89 !== undefined) {
			if (Array.isArray(v89)) {
				for (let i102 = 0, n = v89.length; i102 < n; i102++) report90(v89[i102], "/contacts" + '/' + i102, e);
			} else e.push({ instancePath: "/contacts", keyword: 'type', params: { type: 'array' } });
		}
		const v103 = o0["flags"];
		if (v103 !== undefined) {
			if (typeof v103 === 'object' && v103 !== null && !Array.isArray(v103)) {
				const o104 = v103 as Record<string, unknown>;
				const v105 = o104["dispute"];
				if (v105 !== undefined) {
					if (typeof v105 !== 'boolean') e.push({ instancePath: "/flags/dispute", keyword: 'type', params: { type: 'boolean' } });
				}
				const v106 = o104["arrangementActive"];
				if (v106 !== undefined) {
					if (typeof v106 !== 'boolean') e.push({ instancePath: "/flags/arrangementActive", keyword: 'type', params: { type: 'boolean' } });
				}
				const v107 = o104["debtHelp"];
				if (v107 !== undefined) {
					if (typeof v107 !== 'boolean') e.push({ instancePath: "/flags/debtHelp", keyword: 'type', params: { type: 'boolean' } });
				}
				const v108 = o104["debtHelpSince"];
				if (v108 !== undefined) {
					if (typeof v108 === 'string') {
						if (!C8.test(v108)) e.push({ instancePath: "/flags/debtHelpSince", keyword: 'pattern', params: { pattern: "^(19|20|21)[0-9]{2}-" } });
						if (!isDate(v108, undefined)) e.push({ instancePath: "/flags/debtHelpSince", keyword: 'format', params: { format: "date" } });
					} else e.push({ instancePath: "/flags/debtHelpSince", keyword: 'type', params: { type: 'string' } });
				}
				const v109 = o104["deceased"];
				if (v109 !== undefined) {
					if (typeof v109 !== 'boolean') e.push({ instancePath: "/flags/deceased", keyword: 'type', params: { type: 'boolean' } });
				}
				const v110 = o104["vulnerable"];
				if (v110 !== undefined) {
					if (typeof v110 !== 'boolean') e.push({ instancePath: "/flags/vulnerable", keyword: 'type', params: { type: 'boolean' } });
				}
			} else e.push({ instancePath: "/flags", keyword: 'type', params: { type: 'object' } });
		}
		const v111 = o0["forbearanceOffers"];
		if (v111 !== undefined) {
			if (Array.isArray(v111)) {
				for (let i118 = 0, n = v111.length; i118 < n; i118++) report112(v111[i118], "/forbearanceOffers" + '/' + i118, e);
			} else e.push({ instancePath: "/forbearanceOffers", keyword: 'type', params: { type: 'array' } });
		}
		const v119 = o0["features"];
		if (v119 !== undefined) {
			if (typeof v119 !== 'object' || v119 === null || Array.isArray(v119)) e.push({ instancePath: "/features", keyword: 'type', params: { type: 'object' } });
		}
	} else e.push({ instancePath: "", keyword: 'type', params: { type: 'object' } });
	return e;
}
