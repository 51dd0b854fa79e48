/* eslint-disable -- generated code */
// Generated from debtor.schema.json by build/debtorCheck.ts (gulp build). Do not edit.
import type { CheckedDates } from '../calendar/checkedDates';
import { codePoints, isDate, isDateTime, isEmail } from './formats';

void codePoints, void isDate, void isDateTime, void isEmail;

const C7 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C12 = new RegExp("^\\+[1-9][0-9]{6,14}$", 'u');
const C14 = new RegExp("^\\+[1-9][0-9]{6,14}$", 'u');
const C22 = new RegExp("^[A-Z]{2}$", 'u');
const C24 = new RegExp("^[a-z]{2}$", 'u');
const C31 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C46 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C52 = new RegExp("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", 'u');
const C61 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C63 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C67 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C75 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C84 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C86 = new RegExp("^[A-Z]{2}[0-9]{2}$", 'u');
const C91 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C103 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');
const C111 = new RegExp("^(19|20|21)[0-9]{2}-", 'u');

function item54(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o55 = x as Record<string, unknown>;
	const m6 = s[6];
	if ((m6 & 1) !== 0) {
		const v56 = o55["claimId"];
		if (v56 === undefined) return false;
		if (typeof v56 !== 'string') return false;
		if (v56.length < 2 && codePoints(v56) < 1) return false;
		if (v56.length > 100 && codePoints(v56) > 100) return false;
	}
	if ((m6 & 2) !== 0) {
		const v57 = o55["description"];
		if (v57 !== undefined) {
			if (typeof v57 !== 'string') return false;
			if (v57.length > 500 && codePoints(v57) > 500) return false;
		}
	}
	if ((m6 & 4) !== 0) {
		const v58 = o55["principalCents"];
		if (v58 === undefined) return false;
		if (typeof v58 !== 'number' || !Number.isInteger(v58)) return false;
		if (v58 < 0) return false;
		if (v58 > 99999999999) return false;
	}
	if ((m6 & 8) !== 0) {
		const v59 = o55["openCents"];
		if (v59 === undefined) return false;
		if (typeof v59 !== 'number' || !Number.isInteger(v59)) return false;
		if (v59 < 0) return false;
		if (v59 > 99999999999) return false;
	}
	if ((m6 & 16) !== 0) {
		const v60 = o55["invoiceDate"];
		if (v60 === undefined) return false;
		if (typeof v60 !== 'string') return false;
		if (!C61.test(v60)) return false;
		if (!isDate(v60, d)) return false;
	}
	if ((m6 & 32) !== 0) {
		const v62 = o55["dueDate"];
		if (v62 === undefined) return false;
		if (typeof v62 !== 'string') return false;
		if (!C63.test(v62)) return false;
		if (!isDate(v62, d)) return false;
	}
	if ((m6 & 64) !== 0) {
		const v64 = o55["sector"];
		if (v64 !== undefined) {
			if (v64 !== "rent" && v64 !== "health-insurance" && v64 !== "energy" && v64 !== "heat" && v64 !== "water" && v64 !== "telecom" && v64 !== "retail" && v64 !== "utility-other" && v64 !== "credit-agreement" && v64 !== "other") return false;
		}
	}
	if ((m6 & 128) !== 0) {
		const v65 = o55["disputed"];
		if (v65 !== undefined) {
			if (typeof v65 !== 'boolean') return false;
		}
	}
	if ((m6 & 256) !== 0) {
		const v66 = o55["defaultDate"];
		if (v66 !== undefined) {
			if (typeof v66 !== 'string') return false;
			if (!C67.test(v66)) return false;
			if (!isDate(v66, d)) return false;
		}
	}
	return true;
}

function item69(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o70 = x as Record<string, unknown>;
	const m7 = s[7];
	if ((m7 & 1) !== 0) {
		const v71 = o70["paymentId"];
		if (v71 !== undefined) {
			if (typeof v71 !== 'string') return false;
		}
	}
	if ((m7 & 2) !== 0) {
		const v72 = o70["claimId"];
		if (v72 !== undefined) {
			if (typeof v72 !== 'string') return false;
		}
	}
	if ((m7 & 4) !== 0) {
		const v73 = o70["amountCents"];
		if (v73 === undefined) return false;
		if (typeof v73 !== 'number' || !Number.isInteger(v73)) return false;
		if (v73 < 1) return false;
		if (v73 > 99999999999) return false;
	}
	if ((m7 & 8) !== 0) {
		const v74 = o70["date"];
		if (v74 === undefined) return false;
		if (typeof v74 !== 'string') return false;
		if (!C75.test(v74)) return false;
		if (!isDate(v74, d)) return false;
	}
	if ((m7 & 16) !== 0) {
		const v76 = o70["method"];
		if (v76 !== undefined) {
			if (v76 !== "direct-debit" && v76 !== "bank-transfer" && v76 !== "payment-link" && v76 !== "cash" && v76 !== "other") return false;
		}
	}
	return true;
}

function item78(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o79 = x as Record<string, unknown>;
	const m8 = s[8];
	if ((m8 & 1) !== 0) {
		const v80 = o79["reversalId"];
		if (v80 !== undefined) {
			if (typeof v80 !== 'string') return false;
		}
	}
	if ((m8 & 2) !== 0) {
		const v81 = o79["claimId"];
		if (v81 !== undefined) {
			if (typeof v81 !== 'string') return false;
		}
	}
	if ((m8 & 4) !== 0) {
		const v82 = o79["amountCents"];
		if (v82 === undefined) return false;
		if (typeof v82 !== 'number' || !Number.isInteger(v82)) return false;
		if (v82 < 1) return false;
		if (v82 > 99999999999) return false;
	}
	if ((m8 & 8) !== 0) {
		const v83 = o79["date"];
		if (v83 === undefined) return false;
		if (typeof v83 !== 'string') return false;
		if (!C84.test(v83)) return false;
		if (!isDate(v83, d)) return false;
	}
	if ((m8 & 16) !== 0) {
		const v85 = o79["reasonCode"];
		if (v85 === undefined) return false;
		if (typeof v85 !== 'string') return false;
		if (!C86.test(v85)) return false;
	}
	return true;
}

function item88(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o89 = x as Record<string, unknown>;
	const m9 = s[9];
	if ((m9 & 1) !== 0) {
		const v90 = o89["at"];
		if (v90 === undefined) return false;
		if (typeof v90 !== 'string') return false;
		if (!C91.test(v90)) return false;
		if (!isDateTime(v90, d)) return false;
	}
	if ((m9 & 2) !== 0) {
		const v92 = o89["channel"];
		if (v92 === undefined) return false;
		if (v92 !== "email" && v92 !== "sms" && v92 !== "whatsapp" && v92 !== "letter" && v92 !== "phone" && v92 !== "portal" && v92 !== "in-person") return false;
	}
	if ((m9 & 4) !== 0) {
		const v93 = o89["direction"];
		if (v93 === undefined) return false;
		if (v93 !== "outbound" && v93 !== "inbound") return false;
	}
	if ((m9 & 8) !== 0) {
		const v94 = o89["stage"];
		if (v94 !== undefined) {
			if (v94 !== "pre-due-notice" && v94 !== "reminder-1" && v94 !== "reminder-2" && v94 !== "fourteen-day-letter" && v94 !== "arrangement-offer" && v94 !== "arrangement-confirmation" && v94 !== "instalment-reminder" && v94 !== "missed-instalment" && v94 !== "reversal-notice" && v94 !== "early-warning-care" && v94 !== "collection-date-invitation" && v94 !== "payment-received" && v94 !== "final-notice") return false;
		}
	}
	if ((m9 & 16) !== 0) {
		const v95 = o89["outcome"];
		if (v95 !== undefined) {
			if (v95 !== "sent" && v95 !== "delivered" && v95 !== "opened" && v95 !== "clicked" && v95 !== "read" && v95 !== "replied" && v95 !== "answered" && v95 !== "no-answer" && v95 !== "bounced" && v95 !== "failed" && v95 !== "promise-to-pay" && v95 !== "objection" && v95 !== "unconfirmed") return false;
		}
	}
	if ((m9 & 32) !== 0) {
		const v96 = o89["claimId"];
		if (v96 !== undefined) {
			if (typeof v96 !== 'string') return false;
		}
	}
	return true;
}

function item107(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o108 = x as Record<string, unknown>;
	const m11 = s[11];
	if ((m11 & 1) !== 0) {
		const v109 = o108["kind"];
		if (v109 === undefined) return false;
		if (v109 !== "arrangement" && v109 !== "deferral" && v109 !== "other") return false;
	}
	if ((m11 & 2) !== 0) {
		const v110 = o108["date"];
		if (v110 === undefined) return false;
		if (typeof v110 !== 'string') return false;
		if (!C111.test(v110)) return false;
		if (!isDate(v110, d)) return false;
	}
	if ((m11 & 4) !== 0) {
		const v112 = o108["claimId"];
		if (v112 !== undefined) {
			if (typeof v112 !== 'string') return false;
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
	const o0 = record as Record<string, unknown>;
	const m0 = s[0];
	const v1 = o0["debtorId"];
	if (v1 === undefined) return false;
	if (typeof v1 !== 'string') return false;
	if (v1.length < 2 && codePoints(v1) < 1) return false;
	if (v1.length > 100 && codePoints(v1) > 100) return false;
	if ((m0 & 2) !== 0) {
		const v2 = o0["debtorType"];
		if (v2 !== undefined) {
			if (v2 !== "consumer" && v2 !== "business") return false;
		}
	}
	if ((m0 & 4) !== 0) {
		const v3 = o0["firstName"];
		if (v3 !== undefined) {
			if (typeof v3 !== 'string') return false;
			if (v3.length > 200 && codePoints(v3) > 200) return false;
		}
	}
	if ((m0 & 8) !== 0) {
		const v4 = o0["lastName"];
		if (v4 !== undefined) {
			if (typeof v4 !== 'string') return false;
			if (v4.length > 200 && codePoints(v4) > 200) return false;
		}
	}
	if ((m0 & 16) !== 0) {
		const v5 = o0["companyName"];
		if (v5 !== undefined) {
			if (typeof v5 !== 'string') return false;
			if (v5.length > 300 && codePoints(v5) > 300) return false;
		}
	}
	if ((m0 & 32) !== 0) {
		const v6 = o0["birthDate"];
		if (v6 !== undefined) {
			if (typeof v6 !== 'string') return false;
			if (!C7.test(v6)) return false;
			if (!isDate(v6, d)) return false;
		}
	}
	if ((m0 & 64) !== 0) {
		const v8 = o0["contact"];
		if (v8 !== undefined) {
			if (typeof v8 !== 'object' || v8 === null || Array.isArray(v8)) return false;
			const o9 = v8 as Record<string, unknown>;
			const m1 = s[1];
			if ((m1 & 1) !== 0) {
				const v10 = o9["email"];
				if (v10 !== undefined) {
					if (typeof v10 !== 'string') return false;
					if (!isEmail(v10)) return false;
				}
			}
			if ((m1 & 2) !== 0) {
				const v11 = o9["mobile"];
				if (v11 !== undefined) {
					if (typeof v11 !== 'string') return false;
					if (!C12.test(v11)) return false;
				}
			}
			if ((m1 & 4) !== 0) {
				const v13 = o9["phone"];
				if (v13 !== undefined) {
					if (typeof v13 !== 'string') return false;
					if (!C14.test(v13)) return false;
				}
			}
			if ((m1 & 8) !== 0) {
				const v15 = o9["address"];
				if (v15 !== undefined) {
					if (typeof v15 !== 'object' || v15 === null || Array.isArray(v15)) return false;
					const o16 = v15 as Record<string, unknown>;
					const m2 = s[2];
					if ((m2 & 1) !== 0) {
						const v17 = o16["street"];
						if (v17 === undefined) return false;
						if (typeof v17 !== 'string') return false;
						if (v17.length < 2 && codePoints(v17) < 1) return false;
						if (v17.length > 200 && codePoints(v17) > 200) return false;
					}
					if ((m2 & 2) !== 0) {
						const v18 = o16["houseNumber"];
						if (v18 === undefined) return false;
						if (typeof v18 !== 'string') return false;
						if (v18.length < 2 && codePoints(v18) < 1) return false;
						if (v18.length > 20 && codePoints(v18) > 20) return false;
					}
					if ((m2 & 4) !== 0) {
						const v19 = o16["postalCode"];
						if (v19 === undefined) return false;
						if (typeof v19 !== 'string') return false;
						if (v19.length < 2 && codePoints(v19) < 1) return false;
						if (v19.length > 20 && codePoints(v19) > 20) return false;
					}
					if ((m2 & 8) !== 0) {
						const v20 = o16["city"];
						if (v20 === undefined) return false;
						if (typeof v20 !== 'string') return false;
						if (v20.length < 2 && codePoints(v20) < 1) return false;
						if (v20.length > 100 && codePoints(v20) > 100) return false;
					}
					if ((m2 & 16) !== 0) {
						const v21 = o16["country"];
						if (v21 !== undefined) {
							if (typeof v21 !== 'string') return false;
							if (!C22.test(v21)) return false;
						}
					}
				}
			}
		}
	}
	if ((m0 & 128) !== 0) {
		const v23 = o0["language"];
		if (v23 !== undefined) {
			if (typeof v23 !== 'string') return false;
			if (!C24.test(v23)) return false;
		}
	}
	if ((m0 & 256) !== 0) {
		const v25 = o0["register"];
		if (v25 !== undefined) {
			if (v25 !== "u" && v25 !== "je") return false;
		}
	}
	if ((m0 & 512) !== 0) {
		const v26 = o0["preferredChannel"];
		if (v26 !== undefined) {
			if (v26 !== "email" && v26 !== "sms" && v26 !== "whatsapp" && v26 !== "letter" && v26 !== "phone") return false;
		}
	}
	if ((m0 & 1024) !== 0) {
		const v27 = o0["consents"];
		if (v27 !== undefined) {
			if (typeof v27 !== 'object' || v27 === null || Array.isArray(v27)) return false;
			const o28 = v27 as Record<string, unknown>;
			const m3 = s[3];
			if ((m3 & 1) !== 0) {
				const v29 = o28["whatsappOptIn"];
				if (v29 !== undefined) {
					if (typeof v29 !== 'boolean') return false;
				}
			}
			if ((m3 & 2) !== 0) {
				const v30 = o28["whatsappOptInAt"];
				if (v30 !== undefined) {
					if (typeof v30 !== 'string') return false;
					if (!C31.test(v30)) return false;
					if (!isDateTime(v30, d)) return false;
				}
			}
			if ((m3 & 4) !== 0) {
				const v32 = o28["emailOptOut"];
				if (v32 !== undefined) {
					if (typeof v32 !== 'boolean') return false;
				}
			}
			if ((m3 & 8) !== 0) {
				const v33 = o28["smsOptOut"];
				if (v33 !== undefined) {
					if (typeof v33 !== 'boolean') return false;
				}
			}
			if ((m3 & 16) !== 0) {
				const v34 = o28["municipalityObjection"];
				if (v34 !== undefined) {
					if (typeof v34 !== 'boolean') return false;
				}
			}
		}
	}
	if ((m0 & 2048) !== 0) {
		const v35 = o0["household"];
		if (v35 !== undefined) {
			if (typeof v35 !== 'object' || v35 === null || Array.isArray(v35)) return false;
			const o36 = v35 as Record<string, unknown>;
			const m4 = s[4];
			if ((m4 & 1) !== 0) {
				const v37 = o36["adults"];
				if (v37 !== undefined) {
					if (typeof v37 !== 'number' || !Number.isInteger(v37)) return false;
					if (v37 < 1) return false;
					if (v37 > 20) return false;
				}
			}
			if ((m4 & 2) !== 0) {
				const v38 = o36["children"];
				if (v38 !== undefined) {
					if (typeof v38 !== 'number' || !Number.isInteger(v38)) return false;
					if (v38 < 0) return false;
					if (v38 > 30) return false;
				}
			}
			if ((m4 & 4) !== 0) {
				const v39 = o36["age"];
				if (v39 !== undefined) {
					if (typeof v39 !== 'number' || !Number.isInteger(v39)) return false;
					if (v39 < 16) return false;
					if (v39 > 120) return false;
				}
			}
			if ((m4 & 8) !== 0) {
				const v40 = o36["composition"];
				if (v40 !== undefined) {
					if (v40 !== "single" && v40 !== "couple" && v40 !== "single-parent" && v40 !== "couple-with-children" && v40 !== "other") return false;
				}
			}
		}
	}
	if ((m0 & 4096) !== 0) {
		const v41 = o0["income"];
		if (v41 !== undefined) {
			if (typeof v41 !== 'object' || v41 === null || Array.isArray(v41)) return false;
			const o42 = v41 as Record<string, unknown>;
			const m5 = s[5];
			if ((m5 & 1) !== 0) {
				const v43 = o42["type"];
				if (v43 === undefined) return false;
				if (v43 !== "salary-monthly" && v43 !== "salary-four-weekly" && v43 !== "aow" && v43 !== "uwv-benefit" && v43 !== "ww" && v43 !== "bijstand" && v43 !== "chosen-day" && v43 !== "unknown") return false;
			}
			if ((m5 & 2) !== 0) {
				const v44 = o42["dayOfMonth"];
				if (v44 !== undefined) {
					if (typeof v44 !== 'number' || !Number.isInteger(v44)) return false;
					if (v44 < 1) return false;
					if (v44 > 31) return false;
				}
			}
			if ((m5 & 4) !== 0) {
				const v45 = o42["anchorDate"];
				if (v45 !== undefined) {
					if (typeof v45 !== 'string') return false;
					if (!C46.test(v45)) return false;
					if (!isDate(v45, d)) return false;
				}
			}
			if ((m5 & 8) !== 0) {
				const v47 = o42["municipality"];
				if (v47 !== undefined) {
					if (typeof v47 !== 'string') return false;
					if (v47.length > 100 && codePoints(v47) > 100) return false;
				}
			}
			if ((m5 & 16) !== 0) {
				const v48 = o42["netMonthlyCents"];
				if (v48 !== undefined) {
					if (typeof v48 !== 'number' || !Number.isInteger(v48)) return false;
					if (v48 < 0) return false;
					if (v48 > 99999999999) return false;
				}
			}
		}
	}
	if ((m0 & 8192) !== 0) {
		const v49 = o0["preferredCollectionDay"];
		if (v49 !== undefined) {
			if (typeof v49 !== 'number' || !Number.isInteger(v49)) return false;
			if (v49 < 1) return false;
			if (v49 > 31) return false;
		}
	}
	if ((m0 & 16384) !== 0) {
		const v50 = o0["paymentMethod"];
		if (v50 !== undefined) {
			if (v50 !== "direct-debit" && v50 !== "bank-transfer" && v50 !== "payment-link" && v50 !== "cash" && v50 !== "other") return false;
		}
	}
	if ((m0 & 32768) !== 0) {
		const v51 = o0["iban"];
		if (v51 !== undefined) {
			if (typeof v51 !== 'string') return false;
			if (!C52.test(v51)) return false;
		}
	}
	if ((m0 & 65536) !== 0) {
		const v53 = o0["claims"];
		if (v53 !== undefined) {
			if (!Array.isArray(v53)) return false;
			for (let i = 0, n = v53.length; i < n; i++) if (!item54(v53[i], s, d)) return false;
		}
	}
	if ((m0 & 131072) !== 0) {
		const v68 = o0["payments"];
		if (v68 !== undefined) {
			if (!Array.isArray(v68)) return false;
			for (let i = 0, n = v68.length; i < n; i++) if (!item69(v68[i], s, d)) return false;
		}
	}
	if ((m0 & 262144) !== 0) {
		const v77 = o0["reversals"];
		if (v77 !== undefined) {
			if (!Array.isArray(v77)) return false;
			for (let i = 0, n = v77.length; i < n; i++) if (!item78(v77[i], s, d)) return false;
		}
	}
	if ((m0 & 524288) !== 0) {
		const v87 = o0["contacts"];
		if (v87 !== undefined) {
			if (!Array.isArray(v87)) return false;
			for (let i = 0, n = v87.length; i < n; i++) if (!item88(v87[i], s, d)) return false;
		}
	}
	if ((m0 & 1048576) !== 0) {
		const v97 = o0["flags"];
		if (v97 !== undefined) {
			if (typeof v97 !== 'object' || v97 === null || Array.isArray(v97)) return false;
			const o98 = v97 as Record<string, unknown>;
			const m10 = s[10];
			if ((m10 & 1) !== 0) {
				const v99 = o98["dispute"];
				if (v99 !== undefined) {
					if (typeof v99 !== 'boolean') return false;
				}
			}
			if ((m10 & 2) !== 0) {
				const v100 = o98["arrangementActive"];
				if (v100 !== undefined) {
					if (typeof v100 !== 'boolean') return false;
				}
			}
			if ((m10 & 4) !== 0) {
				const v101 = o98["debtHelp"];
				if (v101 !== undefined) {
					if (typeof v101 !== 'boolean') return false;
				}
			}
			if ((m10 & 8) !== 0) {
				const v102 = o98["debtHelpSince"];
				if (v102 !== undefined) {
					if (typeof v102 !== 'string') return false;
					if (!C103.test(v102)) return false;
					if (!isDate(v102, d)) return false;
				}
			}
			if ((m10 & 16) !== 0) {
				const v104 = o98["deceased"];
				if (v104 !== undefined) {
					if (typeof v104 !== 'boolean') return false;
				}
			}
			if ((m10 & 32) !== 0) {
				const v105 = o98["vulnerable"];
				if (v105 !== undefined) {
					if (typeof v105 !== 'boolean') return false;
				}
			}
		}
	}
	if ((m0 & 2097152) !== 0) {
		const v106 = o0["forbearanceOffers"];
		if (v106 !== undefined) {
			if (!Array.isArray(v106)) return false;
			for (let i = 0, n = v106.length; i < n; i++) if (!item107(v106[i], s, d)) return false;
		}
	}
	if ((m0 & 4194304) !== 0) {
		const v113 = o0["features"];
		if (v113 !== undefined) {
			if (typeof v113 !== 'object' || v113 === null || Array.isArray(v113)) return false;
		}
	}
	return true;
}

/** True when the record satisfies the debtor JSON Schema (the same answer as ajv). */
export function checkDebtorSchema(record: unknown): boolean {
	return checkDebtorFields(record, ALL_DEBTOR_FIELDS, undefined);
}
