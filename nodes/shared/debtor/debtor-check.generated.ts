/* eslint-disable -- generated code */
// Generated from debtor.schema.json by scripts/generate-debtor-check.ts (gulp build). Do not edit.
import { codePoints, isDate, isDateTime, isEmail } from './formats';

void codePoints, void isDate, void isDateTime, void isEmail;

const C3 = new Set<unknown>(["consumer","business"]);
const C12 = new RegExp("^\\+[1-9][0-9]{6,14}$", 'u');
const C14 = new RegExp("^\\+[1-9][0-9]{6,14}$", 'u');
const C22 = new RegExp("^[A-Z]{2}$", 'u');
const C24 = new RegExp("^[a-z]{2}$", 'u');
const C26 = new Set<unknown>(["u","je"]);
const C28 = new Set<unknown>(["email","sms","whatsapp","letter","phone"]);
const C42 = new Set<unknown>(["single","couple","single-parent","couple-with-children","other"]);
const C46 = new Set<unknown>(["salary-monthly","salary-four-weekly","aow","uwv-benefit","ww","bijstand","chosen-day","unknown"]);
const C53 = new Set<unknown>(["direct-debit","bank-transfer","payment-link","cash","other"]);
const C55 = new RegExp("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", 'u');
const C66 = new Set<unknown>(["rent","health-insurance","energy","heat","water","telecom","retail","utility-other","other"]);
const C77 = new Set<unknown>(["direct-debit","bank-transfer","payment-link","cash","other"]);
const C86 = new RegExp("^[A-Z]{2}[0-9]{2}$", 'u');
const C92 = new Set<unknown>(["email","sms","whatsapp","letter","phone","portal","in-person"]);
const C94 = new Set<unknown>(["outbound","inbound"]);
const C96 = new Set<unknown>(["pre-due-notice","reminder-1","reminder-2","fourteen-day-letter","arrangement-offer","arrangement-confirmation","instalment-reminder","missed-instalment","reversal-notice","early-warning-care","collection-date-invitation","payment-received","final-notice"]);
const C98 = new Set<unknown>(["sent","delivered","opened","clicked","read","replied","answered","no-answer","bounced","failed","promise-to-pay","objection"]);

function item57(x: unknown): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
		const o58 = x as Record<string, unknown>;
		if (o58["claimId"] === undefined) return false;
		if (o58["principalCents"] === undefined) return false;
		if (o58["openCents"] === undefined) return false;
		if (o58["invoiceDate"] === undefined) return false;
		if (o58["dueDate"] === undefined) return false;
		const v59 = o58["claimId"];
		if (v59 !== undefined) {
			if (typeof v59 !== 'string') return false;
			if (typeof v59 === 'string' && v59.length < 2 && codePoints(v59) < 1) return false;
			if (typeof v59 === 'string' && v59.length > 100 && codePoints(v59) > 100) return false;
		}
		const v60 = o58["description"];
		if (v60 !== undefined) {
			if (typeof v60 !== 'string') return false;
			if (typeof v60 === 'string' && v60.length > 500 && codePoints(v60) > 500) return false;
		}
		const v61 = o58["principalCents"];
		if (v61 !== undefined) {
			if (typeof v61 !== 'number' || !Number.isInteger(v61)) return false;
			if (typeof v61 === 'number' && v61 < 0) return false;
		}
		const v62 = o58["openCents"];
		if (v62 !== undefined) {
			if (typeof v62 !== 'number' || !Number.isInteger(v62)) return false;
			if (typeof v62 === 'number' && v62 < 0) return false;
		}
		const v63 = o58["invoiceDate"];
		if (v63 !== undefined) {
			if (typeof v63 !== 'string') return false;
			if (typeof v63 === 'string' && !isDate(v63)) return false;
		}
		const v64 = o58["dueDate"];
		if (v64 !== undefined) {
			if (typeof v64 !== 'string') return false;
			if (typeof v64 === 'string' && !isDate(v64)) return false;
		}
		const v65 = o58["sector"];
		if (v65 !== undefined) {
			if (!C66.has(v65)) return false;
		}
		const v67 = o58["disputed"];
		if (v67 !== undefined) {
			if (typeof v67 !== 'boolean') return false;
		}
		const v68 = o58["defaultDate"];
		if (v68 !== undefined) {
			if (typeof v68 !== 'string') return false;
			if (typeof v68 === 'string' && !isDate(v68)) return false;
		}
	}
	return true;
}

function item70(x: unknown): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
		const o71 = x as Record<string, unknown>;
		if (o71["amountCents"] === undefined) return false;
		if (o71["date"] === undefined) return false;
		const v72 = o71["paymentId"];
		if (v72 !== undefined) {
			if (typeof v72 !== 'string') return false;
		}
		const v73 = o71["claimId"];
		if (v73 !== undefined) {
			if (typeof v73 !== 'string') return false;
		}
		const v74 = o71["amountCents"];
		if (v74 !== undefined) {
			if (typeof v74 !== 'number' || !Number.isInteger(v74)) return false;
			if (typeof v74 === 'number' && v74 < 1) return false;
		}
		const v75 = o71["date"];
		if (v75 !== undefined) {
			if (typeof v75 !== 'string') return false;
			if (typeof v75 === 'string' && !isDate(v75)) return false;
		}
		const v76 = o71["method"];
		if (v76 !== undefined) {
			if (!C77.has(v76)) return false;
		}
	}
	return true;
}

function item79(x: unknown): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
		const o80 = x as Record<string, unknown>;
		if (o80["amountCents"] === undefined) return false;
		if (o80["date"] === undefined) return false;
		if (o80["reasonCode"] === undefined) return false;
		const v81 = o80["reversalId"];
		if (v81 !== undefined) {
			if (typeof v81 !== 'string') return false;
		}
		const v82 = o80["claimId"];
		if (v82 !== undefined) {
			if (typeof v82 !== 'string') return false;
		}
		const v83 = o80["amountCents"];
		if (v83 !== undefined) {
			if (typeof v83 !== 'number' || !Number.isInteger(v83)) return false;
			if (typeof v83 === 'number' && v83 < 1) return false;
		}
		const v84 = o80["date"];
		if (v84 !== undefined) {
			if (typeof v84 !== 'string') return false;
			if (typeof v84 === 'string' && !isDate(v84)) return false;
		}
		const v85 = o80["reasonCode"];
		if (v85 !== undefined) {
			if (typeof v85 !== 'string') return false;
			if (typeof v85 === 'string' && !C86.test(v85)) return false;
		}
	}
	return true;
}

function item88(x: unknown): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
		const o89 = x as Record<string, unknown>;
		if (o89["at"] === undefined) return false;
		if (o89["channel"] === undefined) return false;
		if (o89["direction"] === undefined) return false;
		const v90 = o89["at"];
		if (v90 !== undefined) {
			if (typeof v90 !== 'string') return false;
			if (typeof v90 === 'string' && !isDateTime(v90)) return false;
		}
		const v91 = o89["channel"];
		if (v91 !== undefined) {
			if (!C92.has(v91)) return false;
		}
		const v93 = o89["direction"];
		if (v93 !== undefined) {
			if (!C94.has(v93)) return false;
		}
		const v95 = o89["stage"];
		if (v95 !== undefined) {
			if (!C96.has(v95)) return false;
		}
		const v97 = o89["outcome"];
		if (v97 !== undefined) {
			if (!C98.has(v97)) return false;
		}
		const v99 = o89["claimId"];
		if (v99 !== undefined) {
			if (typeof v99 !== 'string') return false;
		}
	}
	return true;
}

/** True when the record satisfies the debtor JSON Schema (the same answer as ajv). */
export function checkDebtorSchema(record: unknown): boolean {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
	if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
		const o0 = record as Record<string, unknown>;
		if (o0["debtorId"] === undefined) return false;
		const v1 = o0["debtorId"];
		if (v1 !== undefined) {
			if (typeof v1 !== 'string') return false;
			if (typeof v1 === 'string' && v1.length < 2 && codePoints(v1) < 1) return false;
			if (typeof v1 === 'string' && v1.length > 100 && codePoints(v1) > 100) return false;
		}
		const v2 = o0["debtorType"];
		if (v2 !== undefined) {
			if (!C3.has(v2)) return false;
		}
		const v4 = o0["firstName"];
		if (v4 !== undefined) {
			if (typeof v4 !== 'string') return false;
			if (typeof v4 === 'string' && v4.length > 200 && codePoints(v4) > 200) return false;
		}
		const v5 = o0["lastName"];
		if (v5 !== undefined) {
			if (typeof v5 !== 'string') return false;
			if (typeof v5 === 'string' && v5.length > 200 && codePoints(v5) > 200) return false;
		}
		const v6 = o0["companyName"];
		if (v6 !== undefined) {
			if (typeof v6 !== 'string') return false;
			if (typeof v6 === 'string' && v6.length > 300 && codePoints(v6) > 300) return false;
		}
		const v7 = o0["birthDate"];
		if (v7 !== undefined) {
			if (typeof v7 !== 'string') return false;
			if (typeof v7 === 'string' && !isDate(v7)) return false;
		}
		const v8 = o0["contact"];
		if (v8 !== undefined) {
			if (typeof v8 !== 'object' || v8 === null || Array.isArray(v8)) return false;
			if (typeof v8 === 'object' && v8 !== null && !Array.isArray(v8)) {
				const o9 = v8 as Record<string, unknown>;
				const v10 = o9["email"];
				if (v10 !== undefined) {
					if (typeof v10 !== 'string') return false;
					if (typeof v10 === 'string' && !isEmail(v10)) return false;
				}
				const v11 = o9["mobile"];
				if (v11 !== undefined) {
					if (typeof v11 !== 'string') return false;
					if (typeof v11 === 'string' && !C12.test(v11)) return false;
				}
				const v13 = o9["phone"];
				if (v13 !== undefined) {
					if (typeof v13 !== 'string') return false;
					if (typeof v13 === 'string' && !C14.test(v13)) return false;
				}
				const v15 = o9["address"];
				if (v15 !== undefined) {
					if (typeof v15 !== 'object' || v15 === null || Array.isArray(v15)) return false;
					if (typeof v15 === 'object' && v15 !== null && !Array.isArray(v15)) {
						const o16 = v15 as Record<string, unknown>;
						if (o16["street"] === undefined) return false;
						if (o16["houseNumber"] === undefined) return false;
						if (o16["postalCode"] === undefined) return false;
						if (o16["city"] === undefined) return false;
						const v17 = o16["street"];
						if (v17 !== undefined) {
							if (typeof v17 !== 'string') return false;
							if (typeof v17 === 'string' && v17.length < 2 && codePoints(v17) < 1) return false;
						}
						const v18 = o16["houseNumber"];
						if (v18 !== undefined) {
							if (typeof v18 !== 'string') return false;
							if (typeof v18 === 'string' && v18.length < 2 && codePoints(v18) < 1) return false;
						}
						const v19 = o16["postalCode"];
						if (v19 !== undefined) {
							if (typeof v19 !== 'string') return false;
							if (typeof v19 === 'string' && v19.length < 2 && codePoints(v19) < 1) return false;
						}
						const v20 = o16["city"];
						if (v20 !== undefined) {
							if (typeof v20 !== 'string') return false;
							if (typeof v20 === 'string' && v20.length < 2 && codePoints(v20) < 1) return false;
						}
						const v21 = o16["country"];
						if (v21 !== undefined) {
							if (typeof v21 !== 'string') return false;
							if (typeof v21 === 'string' && !C22.test(v21)) return false;
						}
					}
				}
			}
		}
		const v23 = o0["language"];
		if (v23 !== undefined) {
			if (typeof v23 !== 'string') return false;
			if (typeof v23 === 'string' && !C24.test(v23)) return false;
		}
		const v25 = o0["register"];
		if (v25 !== undefined) {
			if (!C26.has(v25)) return false;
		}
		const v27 = o0["preferredChannel"];
		if (v27 !== undefined) {
			if (!C28.has(v27)) return false;
		}
		const v29 = o0["consents"];
		if (v29 !== undefined) {
			if (typeof v29 !== 'object' || v29 === null || Array.isArray(v29)) return false;
			if (typeof v29 === 'object' && v29 !== null && !Array.isArray(v29)) {
				const o30 = v29 as Record<string, unknown>;
				const v31 = o30["whatsappOptIn"];
				if (v31 !== undefined) {
					if (typeof v31 !== 'boolean') return false;
				}
				const v32 = o30["whatsappOptInAt"];
				if (v32 !== undefined) {
					if (typeof v32 !== 'string') return false;
					if (typeof v32 === 'string' && !isDateTime(v32)) return false;
				}
				const v33 = o30["emailOptOut"];
				if (v33 !== undefined) {
					if (typeof v33 !== 'boolean') return false;
				}
				const v34 = o30["smsOptOut"];
				if (v34 !== undefined) {
					if (typeof v34 !== 'boolean') return false;
				}
				const v35 = o30["municipalityObjection"];
				if (v35 !== undefined) {
					if (typeof v35 !== 'boolean') return false;
				}
			}
		}
		const v36 = o0["household"];
		if (v36 !== undefined) {
			if (typeof v36 !== 'object' || v36 === null || Array.isArray(v36)) return false;
			if (typeof v36 === 'object' && v36 !== null && !Array.isArray(v36)) {
				const o37 = v36 as Record<string, unknown>;
				const v38 = o37["adults"];
				if (v38 !== undefined) {
					if (typeof v38 !== 'number' || !Number.isInteger(v38)) return false;
					if (typeof v38 === 'number' && v38 < 1) return false;
					if (typeof v38 === 'number' && v38 > 20) return false;
				}
				const v39 = o37["children"];
				if (v39 !== undefined) {
					if (typeof v39 !== 'number' || !Number.isInteger(v39)) return false;
					if (typeof v39 === 'number' && v39 < 0) return false;
					if (typeof v39 === 'number' && v39 > 30) return false;
				}
				const v40 = o37["age"];
				if (v40 !== undefined) {
					if (typeof v40 !== 'number' || !Number.isInteger(v40)) return false;
					if (typeof v40 === 'number' && v40 < 16) return false;
					if (typeof v40 === 'number' && v40 > 120) return false;
				}
				const v41 = o37["composition"];
				if (v41 !== undefined) {
					if (!C42.has(v41)) return false;
				}
			}
		}
		const v43 = o0["income"];
		if (v43 !== undefined) {
			if (typeof v43 !== 'object' || v43 === null || Array.isArray(v43)) return false;
			if (typeof v43 === 'object' && v43 !== null && !Array.isArray(v43)) {
				const o44 = v43 as Record<string, unknown>;
				if (o44["type"] === undefined) return false;
				const v45 = o44["type"];
				if (v45 !== undefined) {
					if (!C46.has(v45)) return false;
				}
				const v47 = o44["dayOfMonth"];
				if (v47 !== undefined) {
					if (typeof v47 !== 'number' || !Number.isInteger(v47)) return false;
					if (typeof v47 === 'number' && v47 < 1) return false;
					if (typeof v47 === 'number' && v47 > 31) return false;
				}
				const v48 = o44["anchorDate"];
				if (v48 !== undefined) {
					if (typeof v48 !== 'string') return false;
					if (typeof v48 === 'string' && !isDate(v48)) return false;
				}
				const v49 = o44["municipality"];
				if (v49 !== undefined) {
					if (typeof v49 !== 'string') return false;
				}
				const v50 = o44["netMonthlyCents"];
				if (v50 !== undefined) {
					if (typeof v50 !== 'number' || !Number.isInteger(v50)) return false;
					if (typeof v50 === 'number' && v50 < 0) return false;
				}
			}
		}
		const v51 = o0["preferredCollectionDay"];
		if (v51 !== undefined) {
			if (typeof v51 !== 'number' || !Number.isInteger(v51)) return false;
			if (typeof v51 === 'number' && v51 < 1) return false;
			if (typeof v51 === 'number' && v51 > 31) return false;
		}
		const v52 = o0["paymentMethod"];
		if (v52 !== undefined) {
			if (!C53.has(v52)) return false;
		}
		const v54 = o0["iban"];
		if (v54 !== undefined) {
			if (typeof v54 !== 'string') return false;
			if (typeof v54 === 'string' && !C55.test(v54)) return false;
		}
		const v56 = o0["claims"];
		if (v56 !== undefined) {
			if (!Array.isArray(v56)) return false;
			if (Array.isArray(v56)) for (let i = 0; i < v56.length; i++) if (!item57(v56[i])) return false;
		}
		const v69 = o0["payments"];
		if (v69 !== undefined) {
			if (!Array.isArray(v69)) return false;
			if (Array.isArray(v69)) for (let i = 0; i < v69.length; i++) if (!item70(v69[i])) return false;
		}
		const v78 = o0["reversals"];
		if (v78 !== undefined) {
			if (!Array.isArray(v78)) return false;
			if (Array.isArray(v78)) for (let i = 0; i < v78.length; i++) if (!item79(v78[i])) return false;
		}
		const v87 = o0["contacts"];
		if (v87 !== undefined) {
			if (!Array.isArray(v87)) return false;
			if (Array.isArray(v87)) for (let i = 0; i < v87.length; i++) if (!item88(v87[i])) return false;
		}
		const v100 = o0["flags"];
		if (v100 !== undefined) {
			if (typeof v100 !== 'object' || v100 === null || Array.isArray(v100)) return false;
			if (typeof v100 === 'object' && v100 !== null && !Array.isArray(v100)) {
				const o101 = v100 as Record<string, unknown>;
				const v102 = o101["dispute"];
				if (v102 !== undefined) {
					if (typeof v102 !== 'boolean') return false;
				}
				const v103 = o101["arrangementActive"];
				if (v103 !== undefined) {
					if (typeof v103 !== 'boolean') return false;
				}
				const v104 = o101["debtHelp"];
				if (v104 !== undefined) {
					if (typeof v104 !== 'boolean') return false;
				}
				const v105 = o101["debtHelpSince"];
				if (v105 !== undefined) {
					if (typeof v105 !== 'string') return false;
					if (typeof v105 === 'string' && !isDate(v105)) return false;
				}
				const v106 = o101["deceased"];
				if (v106 !== undefined) {
					if (typeof v106 !== 'boolean') return false;
				}
				const v107 = o101["vulnerable"];
				if (v107 !== undefined) {
					if (typeof v107 !== 'boolean') return false;
				}
			}
		}
		const v108 = o0["features"];
		if (v108 !== undefined) {
			if (typeof v108 !== 'object' || v108 === null || Array.isArray(v108)) return false;
		}
	}
	return true;
}
