/* eslint-disable -- generated code */
// Generated from debtor.schema.json by build/debtorCheck.ts (gulp build). Do not edit.
import type { CheckedDates } from '../calendar/checkedDates';
import { codePoints, isDate, isDateTime, isEmail } from './formats';

void codePoints, void isDate, void isDateTime, void isEmail;

const C11 = new RegExp("^\\+[1-9][0-9]{6,14}$", 'u');
const C13 = new RegExp("^\\+[1-9][0-9]{6,14}$", 'u');
const C21 = new RegExp("^[A-Z]{2}$", 'u');
const C23 = new RegExp("^[a-z]{2}$", 'u');
const C49 = new RegExp("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", 'u');
const C78 = new RegExp("^[A-Z]{2}[0-9]{2}$", 'u');

function item51(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o52 = x as Record<string, unknown>;
	const m6 = s[6];
	if ((m6 & 1) !== 0) {
		const v53 = o52["claimId"];
		if (v53 === undefined) return false;
		if (typeof v53 !== 'string') return false;
		if (v53.length < 2 && codePoints(v53) < 1) return false;
		if (v53.length > 100 && codePoints(v53) > 100) return false;
	}
	if ((m6 & 2) !== 0) {
		const v54 = o52["description"];
		if (v54 !== undefined) {
			if (typeof v54 !== 'string') return false;
			if (v54.length > 500 && codePoints(v54) > 500) return false;
		}
	}
	if ((m6 & 4) !== 0) {
		const v55 = o52["principalCents"];
		if (v55 === undefined) return false;
		if (typeof v55 !== 'number' || !Number.isInteger(v55)) return false;
		if (v55 < 0) return false;
	}
	if ((m6 & 8) !== 0) {
		const v56 = o52["openCents"];
		if (v56 === undefined) return false;
		if (typeof v56 !== 'number' || !Number.isInteger(v56)) return false;
		if (v56 < 0) return false;
	}
	if ((m6 & 16) !== 0) {
		const v57 = o52["invoiceDate"];
		if (v57 === undefined) return false;
		if (typeof v57 !== 'string') return false;
		if (!isDate(v57, d)) return false;
	}
	if ((m6 & 32) !== 0) {
		const v58 = o52["dueDate"];
		if (v58 === undefined) return false;
		if (typeof v58 !== 'string') return false;
		if (!isDate(v58, d)) return false;
	}
	if ((m6 & 64) !== 0) {
		const v59 = o52["sector"];
		if (v59 !== undefined) {
			if (v59 !== "rent" && v59 !== "health-insurance" && v59 !== "energy" && v59 !== "heat" && v59 !== "water" && v59 !== "telecom" && v59 !== "retail" && v59 !== "utility-other" && v59 !== "credit-agreement" && v59 !== "other") return false;
		}
	}
	if ((m6 & 128) !== 0) {
		const v60 = o52["disputed"];
		if (v60 !== undefined) {
			if (typeof v60 !== 'boolean') return false;
		}
	}
	if ((m6 & 256) !== 0) {
		const v61 = o52["defaultDate"];
		if (v61 !== undefined) {
			if (typeof v61 !== 'string') return false;
			if (!isDate(v61, d)) return false;
		}
	}
	return true;
}

function item63(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o64 = x as Record<string, unknown>;
	const m7 = s[7];
	if ((m7 & 1) !== 0) {
		const v65 = o64["paymentId"];
		if (v65 !== undefined) {
			if (typeof v65 !== 'string') return false;
		}
	}
	if ((m7 & 2) !== 0) {
		const v66 = o64["claimId"];
		if (v66 !== undefined) {
			if (typeof v66 !== 'string') return false;
		}
	}
	if ((m7 & 4) !== 0) {
		const v67 = o64["amountCents"];
		if (v67 === undefined) return false;
		if (typeof v67 !== 'number' || !Number.isInteger(v67)) return false;
		if (v67 < 1) return false;
	}
	if ((m7 & 8) !== 0) {
		const v68 = o64["date"];
		if (v68 === undefined) return false;
		if (typeof v68 !== 'string') return false;
		if (!isDate(v68, d)) return false;
	}
	if ((m7 & 16) !== 0) {
		const v69 = o64["method"];
		if (v69 !== undefined) {
			if (v69 !== "direct-debit" && v69 !== "bank-transfer" && v69 !== "payment-link" && v69 !== "cash" && v69 !== "other") return false;
		}
	}
	return true;
}

function item71(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o72 = x as Record<string, unknown>;
	const m8 = s[8];
	if ((m8 & 1) !== 0) {
		const v73 = o72["reversalId"];
		if (v73 !== undefined) {
			if (typeof v73 !== 'string') return false;
		}
	}
	if ((m8 & 2) !== 0) {
		const v74 = o72["claimId"];
		if (v74 !== undefined) {
			if (typeof v74 !== 'string') return false;
		}
	}
	if ((m8 & 4) !== 0) {
		const v75 = o72["amountCents"];
		if (v75 === undefined) return false;
		if (typeof v75 !== 'number' || !Number.isInteger(v75)) return false;
		if (v75 < 1) return false;
	}
	if ((m8 & 8) !== 0) {
		const v76 = o72["date"];
		if (v76 === undefined) return false;
		if (typeof v76 !== 'string') return false;
		if (!isDate(v76, d)) return false;
	}
	if ((m8 & 16) !== 0) {
		const v77 = o72["reasonCode"];
		if (v77 === undefined) return false;
		if (typeof v77 !== 'string') return false;
		if (!C78.test(v77)) return false;
	}
	return true;
}

function item80(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o81 = x as Record<string, unknown>;
	const m9 = s[9];
	if ((m9 & 1) !== 0) {
		const v82 = o81["at"];
		if (v82 === undefined) return false;
		if (typeof v82 !== 'string') return false;
		if (!isDateTime(v82, d)) return false;
	}
	if ((m9 & 2) !== 0) {
		const v83 = o81["channel"];
		if (v83 === undefined) return false;
		if (v83 !== "email" && v83 !== "sms" && v83 !== "whatsapp" && v83 !== "letter" && v83 !== "phone" && v83 !== "portal" && v83 !== "in-person") return false;
	}
	if ((m9 & 4) !== 0) {
		const v84 = o81["direction"];
		if (v84 === undefined) return false;
		if (v84 !== "outbound" && v84 !== "inbound") return false;
	}
	if ((m9 & 8) !== 0) {
		const v85 = o81["stage"];
		if (v85 !== undefined) {
			if (v85 !== "pre-due-notice" && v85 !== "reminder-1" && v85 !== "reminder-2" && v85 !== "fourteen-day-letter" && v85 !== "arrangement-offer" && v85 !== "arrangement-confirmation" && v85 !== "instalment-reminder" && v85 !== "missed-instalment" && v85 !== "reversal-notice" && v85 !== "early-warning-care" && v85 !== "collection-date-invitation" && v85 !== "payment-received" && v85 !== "final-notice") return false;
		}
	}
	if ((m9 & 16) !== 0) {
		const v86 = o81["outcome"];
		if (v86 !== undefined) {
			if (v86 !== "sent" && v86 !== "delivered" && v86 !== "opened" && v86 !== "clicked" && v86 !== "read" && v86 !== "replied" && v86 !== "answered" && v86 !== "no-answer" && v86 !== "bounced" && v86 !== "failed" && v86 !== "promise-to-pay" && v86 !== "objection" && v86 !== "unconfirmed") return false;
		}
	}
	if ((m9 & 32) !== 0) {
		const v87 = o81["claimId"];
		if (v87 !== undefined) {
			if (typeof v87 !== 'string') return false;
		}
	}
	return true;
}

function item97(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const o98 = x as Record<string, unknown>;
	const m11 = s[11];
	if ((m11 & 1) !== 0) {
		const v99 = o98["kind"];
		if (v99 === undefined) return false;
		if (v99 !== "arrangement" && v99 !== "deferral" && v99 !== "other") return false;
	}
	if ((m11 & 2) !== 0) {
		const v100 = o98["date"];
		if (v100 === undefined) return false;
		if (typeof v100 !== 'string') return false;
		if (!isDate(v100, d)) return false;
	}
	if ((m11 & 4) !== 0) {
		const v101 = o98["claimId"];
		if (v101 !== undefined) {
			if (typeof v101 !== 'string') return false;
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
			if (!isDate(v6, d)) return false;
		}
	}
	if ((m0 & 64) !== 0) {
		const v7 = o0["contact"];
		if (v7 !== undefined) {
			if (typeof v7 !== 'object' || v7 === null || Array.isArray(v7)) return false;
			const o8 = v7 as Record<string, unknown>;
			const m1 = s[1];
			if ((m1 & 1) !== 0) {
				const v9 = o8["email"];
				if (v9 !== undefined) {
					if (typeof v9 !== 'string') return false;
					if (!isEmail(v9)) return false;
				}
			}
			if ((m1 & 2) !== 0) {
				const v10 = o8["mobile"];
				if (v10 !== undefined) {
					if (typeof v10 !== 'string') return false;
					if (!C11.test(v10)) return false;
				}
			}
			if ((m1 & 4) !== 0) {
				const v12 = o8["phone"];
				if (v12 !== undefined) {
					if (typeof v12 !== 'string') return false;
					if (!C13.test(v12)) return false;
				}
			}
			if ((m1 & 8) !== 0) {
				const v14 = o8["address"];
				if (v14 !== undefined) {
					if (typeof v14 !== 'object' || v14 === null || Array.isArray(v14)) return false;
					const o15 = v14 as Record<string, unknown>;
					const m2 = s[2];
					if ((m2 & 1) !== 0) {
						const v16 = o15["street"];
						if (v16 === undefined) return false;
						if (typeof v16 !== 'string') return false;
						if (v16.length < 2 && codePoints(v16) < 1) return false;
					}
					if ((m2 & 2) !== 0) {
						const v17 = o15["houseNumber"];
						if (v17 === undefined) return false;
						if (typeof v17 !== 'string') return false;
						if (v17.length < 2 && codePoints(v17) < 1) return false;
					}
					if ((m2 & 4) !== 0) {
						const v18 = o15["postalCode"];
						if (v18 === undefined) return false;
						if (typeof v18 !== 'string') return false;
						if (v18.length < 2 && codePoints(v18) < 1) return false;
					}
					if ((m2 & 8) !== 0) {
						const v19 = o15["city"];
						if (v19 === undefined) return false;
						if (typeof v19 !== 'string') return false;
						if (v19.length < 2 && codePoints(v19) < 1) return false;
					}
					if ((m2 & 16) !== 0) {
						const v20 = o15["country"];
						if (v20 !== undefined) {
							if (typeof v20 !== 'string') return false;
							if (!C21.test(v20)) return false;
						}
					}
				}
			}
		}
	}
	if ((m0 & 128) !== 0) {
		const v22 = o0["language"];
		if (v22 !== undefined) {
			if (typeof v22 !== 'string') return false;
			if (!C23.test(v22)) return false;
		}
	}
	if ((m0 & 256) !== 0) {
		const v24 = o0["register"];
		if (v24 !== undefined) {
			if (v24 !== "u" && v24 !== "je") return false;
		}
	}
	if ((m0 & 512) !== 0) {
		const v25 = o0["preferredChannel"];
		if (v25 !== undefined) {
			if (v25 !== "email" && v25 !== "sms" && v25 !== "whatsapp" && v25 !== "letter" && v25 !== "phone") return false;
		}
	}
	if ((m0 & 1024) !== 0) {
		const v26 = o0["consents"];
		if (v26 !== undefined) {
			if (typeof v26 !== 'object' || v26 === null || Array.isArray(v26)) return false;
			const o27 = v26 as Record<string, unknown>;
			const m3 = s[3];
			if ((m3 & 1) !== 0) {
				const v28 = o27["whatsappOptIn"];
				if (v28 !== undefined) {
					if (typeof v28 !== 'boolean') return false;
				}
			}
			if ((m3 & 2) !== 0) {
				const v29 = o27["whatsappOptInAt"];
				if (v29 !== undefined) {
					if (typeof v29 !== 'string') return false;
					if (!isDateTime(v29, d)) return false;
				}
			}
			if ((m3 & 4) !== 0) {
				const v30 = o27["emailOptOut"];
				if (v30 !== undefined) {
					if (typeof v30 !== 'boolean') return false;
				}
			}
			if ((m3 & 8) !== 0) {
				const v31 = o27["smsOptOut"];
				if (v31 !== undefined) {
					if (typeof v31 !== 'boolean') return false;
				}
			}
			if ((m3 & 16) !== 0) {
				const v32 = o27["municipalityObjection"];
				if (v32 !== undefined) {
					if (typeof v32 !== 'boolean') return false;
				}
			}
		}
	}
	if ((m0 & 2048) !== 0) {
		const v33 = o0["household"];
		if (v33 !== undefined) {
			if (typeof v33 !== 'object' || v33 === null || Array.isArray(v33)) return false;
			const o34 = v33 as Record<string, unknown>;
			const m4 = s[4];
			if ((m4 & 1) !== 0) {
				const v35 = o34["adults"];
				if (v35 !== undefined) {
					if (typeof v35 !== 'number' || !Number.isInteger(v35)) return false;
					if (v35 < 1) return false;
					if (v35 > 20) return false;
				}
			}
			if ((m4 & 2) !== 0) {
				const v36 = o34["children"];
				if (v36 !== undefined) {
					if (typeof v36 !== 'number' || !Number.isInteger(v36)) return false;
					if (v36 < 0) return false;
					if (v36 > 30) return false;
				}
			}
			if ((m4 & 4) !== 0) {
				const v37 = o34["age"];
				if (v37 !== undefined) {
					if (typeof v37 !== 'number' || !Number.isInteger(v37)) return false;
					if (v37 < 16) return false;
					if (v37 > 120) return false;
				}
			}
			if ((m4 & 8) !== 0) {
				const v38 = o34["composition"];
				if (v38 !== undefined) {
					if (v38 !== "single" && v38 !== "couple" && v38 !== "single-parent" && v38 !== "couple-with-children" && v38 !== "other") return false;
				}
			}
		}
	}
	if ((m0 & 4096) !== 0) {
		const v39 = o0["income"];
		if (v39 !== undefined) {
			if (typeof v39 !== 'object' || v39 === null || Array.isArray(v39)) return false;
			const o40 = v39 as Record<string, unknown>;
			const m5 = s[5];
			if ((m5 & 1) !== 0) {
				const v41 = o40["type"];
				if (v41 === undefined) return false;
				if (v41 !== "salary-monthly" && v41 !== "salary-four-weekly" && v41 !== "aow" && v41 !== "uwv-benefit" && v41 !== "ww" && v41 !== "bijstand" && v41 !== "chosen-day" && v41 !== "unknown") return false;
			}
			if ((m5 & 2) !== 0) {
				const v42 = o40["dayOfMonth"];
				if (v42 !== undefined) {
					if (typeof v42 !== 'number' || !Number.isInteger(v42)) return false;
					if (v42 < 1) return false;
					if (v42 > 31) return false;
				}
			}
			if ((m5 & 4) !== 0) {
				const v43 = o40["anchorDate"];
				if (v43 !== undefined) {
					if (typeof v43 !== 'string') return false;
					if (!isDate(v43, d)) return false;
				}
			}
			if ((m5 & 8) !== 0) {
				const v44 = o40["municipality"];
				if (v44 !== undefined) {
					if (typeof v44 !== 'string') return false;
				}
			}
			if ((m5 & 16) !== 0) {
				const v45 = o40["netMonthlyCents"];
				if (v45 !== undefined) {
					if (typeof v45 !== 'number' || !Number.isInteger(v45)) return false;
					if (v45 < 0) return false;
				}
			}
		}
	}
	if ((m0 & 8192) !== 0) {
		const v46 = o0["preferredCollectionDay"];
		if (v46 !== undefined) {
			if (typeof v46 !== 'number' || !Number.isInteger(v46)) return false;
			if (v46 < 1) return false;
			if (v46 > 31) return false;
		}
	}
	if ((m0 & 16384) !== 0) {
		const v47 = o0["paymentMethod"];
		if (v47 !== undefined) {
			if (v47 !== "direct-debit" && v47 !== "bank-transfer" && v47 !== "payment-link" && v47 !== "cash" && v47 !== "other") return false;
		}
	}
	if ((m0 & 32768) !== 0) {
		const v48 = o0["iban"];
		if (v48 !== undefined) {
			if (typeof v48 !== 'string') return false;
			if (!C49.test(v48)) return false;
		}
	}
	if ((m0 & 65536) !== 0) {
		const v50 = o0["claims"];
		if (v50 !== undefined) {
			if (!Array.isArray(v50)) return false;
			for (let i = 0, n = v50.length; i < n; i++) if (!item51(v50[i], s, d)) return false;
		}
	}
	if ((m0 & 131072) !== 0) {
		const v62 = o0["payments"];
		if (v62 !== undefined) {
			if (!Array.isArray(v62)) return false;
			for (let i = 0, n = v62.length; i < n; i++) if (!item63(v62[i], s, d)) return false;
		}
	}
	if ((m0 & 262144) !== 0) {
		const v70 = o0["reversals"];
		if (v70 !== undefined) {
			if (!Array.isArray(v70)) return false;
			for (let i = 0, n = v70.length; i < n; i++) if (!item71(v70[i], s, d)) return false;
		}
	}
	if ((m0 & 524288) !== 0) {
		const v79 = o0["contacts"];
		if (v79 !== undefined) {
			if (!Array.isArray(v79)) return false;
			for (let i = 0, n = v79.length; i < n; i++) if (!item80(v79[i], s, d)) return false;
		}
	}
	if ((m0 & 1048576) !== 0) {
		const v88 = o0["flags"];
		if (v88 !== undefined) {
			if (typeof v88 !== 'object' || v88 === null || Array.isArray(v88)) return false;
			const o89 = v88 as Record<string, unknown>;
			const m10 = s[10];
			if ((m10 & 1) !== 0) {
				const v90 = o89["dispute"];
				if (v90 !== undefined) {
					if (typeof v90 !== 'boolean') return false;
				}
			}
			if ((m10 & 2) !== 0) {
				const v91 = o89["arrangementActive"];
				if (v91 !== undefined) {
					if (typeof v91 !== 'boolean') return false;
				}
			}
			if ((m10 & 4) !== 0) {
				const v92 = o89["debtHelp"];
				if (v92 !== undefined) {
					if (typeof v92 !== 'boolean') return false;
				}
			}
			if ((m10 & 8) !== 0) {
				const v93 = o89["debtHelpSince"];
				if (v93 !== undefined) {
					if (typeof v93 !== 'string') return false;
					if (!isDate(v93, d)) return false;
				}
			}
			if ((m10 & 16) !== 0) {
				const v94 = o89["deceased"];
				if (v94 !== undefined) {
					if (typeof v94 !== 'boolean') return false;
				}
			}
			if ((m10 & 32) !== 0) {
				const v95 = o89["vulnerable"];
				if (v95 !== undefined) {
					if (typeof v95 !== 'boolean') return false;
				}
			}
		}
	}
	if ((m0 & 2097152) !== 0) {
		const v96 = o0["forbearanceOffers"];
		if (v96 !== undefined) {
			if (!Array.isArray(v96)) return false;
			for (let i = 0, n = v96.length; i < n; i++) if (!item97(v96[i], s, d)) return false;
		}
	}
	if ((m0 & 4194304) !== 0) {
		const v102 = o0["features"];
		if (v102 !== undefined) {
			if (typeof v102 !== 'object' || v102 === null || Array.isArray(v102)) return false;
		}
	}
	return true;
}

/** True when the record satisfies the debtor JSON Schema (the same answer as ajv). */
export function checkDebtorSchema(record: unknown): boolean {
	return checkDebtorFields(record, ALL_DEBTOR_FIELDS, undefined);
}
