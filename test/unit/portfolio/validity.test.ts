import { isValidIban } from '../../../nodes/shared/debtor/iban';
import { validateDebtor } from '../../../nodes/shared/debtor/validate';
import type { DebtorRecord } from '../../../nodes/shared/debtor/model';
import { daysBetween, generatePortfolio, type GeneratedDebtor } from '../../fixtures/portfolio';

const R = '2026-06-30';
const SAMPLE: GeneratedDebtor[] = [...generatePortfolio({ seed: 20260630, count: 5000 })];
const records: DebtorRecord[] = SAMPLE.map(({ record }) => record);

/** Independent ISO 13616 check with BigInt: letters to numbers, first four characters moved to the end. */
function mod97(iban: string): bigint {
	const rearranged = iban.slice(4) + iban.slice(0, 4);
	const digits = [...rearranged].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join('');
	return BigInt(digits) % 97n;
}

/** Runs `check` on every record and fails with the first problem found, naming the debtor. */
function expectEvery(check: (record: DebtorRecord) => string | undefined): void {
	for (const record of records) {
		const problem = check(record);
		if (problem !== undefined) throw new Error(`${record.debtorId}: ${problem}`);
	}
}

describe('every generated record is a valid DebtorRecord', () => {
	it('passes validateDebtor (5,000 records)', () => {
		expectEvery((record) => {
			const problems = validateDebtor(record);
			return problems.length > 0 ? `${problems[0].field} ${problems[0].message}` : undefined;
		});
	});

	it('has Dutch IBANs with valid mod-97 check digits and real bank codes', () => {
		const banks = new Set<string>();
		expectEvery((record) => {
			const iban = record.iban ?? '';
			if (!/^NL\d{2}(ABNA|INGB|RABO|SNSB|TRIO|ASNB|KNAB|BUNQ)\d{10}$/.test(iban)) return `IBAN form ${iban}`;
			if (mod97(iban) !== 1n) return `IBAN check digits ${iban}`;
			if (!isValidIban(iban)) return 'isValidIban says no';
			banks.add(iban.slice(4, 8));
			return undefined;
		});
		expect(banks.size).toBe(8);
		// A wrong check digit is caught by the same independent check (the test itself can fail).
		const first = records[0].iban as string;
		const broken = `${first.slice(0, 2)}${String((Number(first.slice(2, 4)) % 97) + 1).padStart(2, '0')}${first.slice(4)}`;
		expect(mod97(broken)).not.toBe(1n);
	});

	it('has Dutch contact data on reserved domains only', () => {
		expectEvery((record) => {
			const contact = record.contact;
			if (!contact?.mobile || !/^\+316\d{8}$/.test(contact.mobile)) return 'mobile';
			if (contact.email !== undefined && !/^[a-z0-9._]+@example\.(com|nl|org)$/.test(contact.email)) return `email ${contact.email}`;
			const address = contact.address;
			if (!address || !/^[1-9]\d{3} [A-Z]{2}$/.test(address.postalCode)) return 'postal code';
			if (/ (SA|SD|SS)$/.test(address.postalCode)) return 'postal code letters PostNL never issues';
			if (address.country !== 'NL' || !address.street || !/^\d+(-[A-Za-z0-9]+)?$/.test(address.houseNumber)) return 'address';
			return undefined;
		});
		const withEmail = records.filter((record) => record.contact?.email).length;
		expect(withEmail / records.length).toBeGreaterThan(0.9);
		expect(records.some((record) => / (van|de|van der|van den|in 't|ter) /.test(` ${record.lastName} `))).toBe(true);
	});

	it('uses Amsterdam postal ranges for Amsterdam, Rotterdam ranges for Rotterdam', () => {
		const ranges: Record<string, [number, number]> = { Amsterdam: [1011, 1109], Rotterdam: [3011, 3089], Utrecht: [3511, 3585], Groningen: [9711, 9747] };
		expectEvery((record) => {
			const address = record.contact?.address;
			const range = address ? ranges[address.city] : undefined;
			if (!address || !range) return undefined;
			const digits = Number(address.postalCode.slice(0, 4));
			return digits >= range[0] && digits <= range[1] ? undefined : `postal code ${address.postalCode} in ${address.city}`;
		});
	});

	it('has languages, registers, channels and consents that fit together', () => {
		expectEvery((record) => {
			if (record.language !== 'nl' && record.language !== 'en') return 'language';
			if (record.register !== 'u' && record.register !== 'je') return 'register';
			if (record.preferredChannel === 'whatsapp' && record.consents?.whatsappOptIn !== true) return 'WhatsApp without opt-in';
			if (record.consents?.whatsappOptIn && !record.consents.whatsappOptInAt) return 'opt-in without moment';
			if (record.preferredChannel === 'email' && (!record.contact?.email || record.consents?.emailOptOut)) return 'e-mail preferred but unusable';
			return undefined;
		});
		const nl = records.filter((record) => record.language === 'nl').length / records.length;
		expect(nl).toBeGreaterThan(0.85);
		expect(nl).toBeLessThan(0.97);
		const optIn = records.filter((record) => record.consents?.whatsappOptIn).length / records.length;
		expect(optIn).toBeGreaterThan(0.1);
		expect(optIn).toBeLessThan(0.5);
	});

	it('has income data that belongs to the income type', () => {
		const salaryDays = new Map<number, number>();
		expectEvery((record) => {
			const income = record.income;
			if (!income) return 'no income';
			switch (income.type) {
				case 'salary-monthly':
					if (![23, 24, 25, 28, 31].includes(income.dayOfMonth ?? 0)) return `salary day ${income.dayOfMonth}`;
					salaryDays.set(income.dayOfMonth as number, (salaryDays.get(income.dayOfMonth as number) ?? 0) + 1);
					break;
				case 'salary-four-weekly':
					if (!income.anchorDate || income.anchorDate > R || daysBetween(income.anchorDate, R) >= 28) return 'anchor date';
					break;
				case 'bijstand':
					if (!income.municipality || (income.dayOfMonth ?? 0) < 27 || (income.dayOfMonth ?? 0) > 31) return 'bijstand data';
					break;
				case 'aow':
					if ((record.household?.age ?? 0) < 67) return 'AOW below 67';
					break;
				default:
					break;
			}
			if (income.type !== 'unknown' && !(income.netMonthlyCents && income.netMonthlyCents > 0)) return 'no net income';
			return undefined;
		});
		const mostly = (salaryDays.get(23) ?? 0) + (salaryDays.get(24) ?? 0) + (salaryDays.get(25) ?? 0);
		const all = [...salaryDays.values()].reduce((a, b) => a + b, 0);
		expect(mostly / all).toBeGreaterThan(0.6);
		expect(salaryDays.get(28)).toBeGreaterThan(0);
		expect(salaryDays.get(31)).toBeGreaterThan(0);
	});

	it('has a birth date that matches the household age at the reference date', () => {
		expectEvery((record) => {
			const birth = record.birthDate as string;
			const age = Number(R.slice(0, 4)) - Number(birth.slice(0, 4)) - (R.slice(5) < birth.slice(5) ? 1 : 0);
			return age === record.household?.age ? undefined : `age ${record.household?.age} vs birth ${birth}`;
		});
	});

	it('has 24 monthly claims of one sector, due 14 days after the invoice', () => {
		expectEvery((record) => {
			const claims = record.claims ?? [];
			if (claims.length !== 24) return `${claims.length} claims`;
			const sectors = new Set(claims.map((claim) => claim.sector));
			if (sectors.size !== 1) return 'more than one sector';
			for (let i = 0; i < claims.length; i++) {
				const claim = claims[i];
				if (daysBetween(claim.invoiceDate, claim.dueDate) !== 14) return `${claim.claimId} term`;
				if (claim.invoiceDate > R) return `${claim.claimId} invoiced after R`;
				if (i > 0) {
					const gap = daysBetween(claims[i - 1].dueDate, claim.dueDate);
					if (gap < 26 || gap > 35) return `${claim.claimId} not monthly (${gap} days)`;
				}
			}
			if (daysBetween(claims[0].invoiceDate, R) > 731) return 'history longer than 24 months';
			return undefined;
		});
	});

	it('keeps open amounts equal to principal minus payments plus reversals, and nothing after R', () => {
		expectEvery((record) => {
			for (const claim of record.claims ?? []) {
				let open = claim.principalCents;
				for (const payment of record.payments ?? []) if (payment.claimId === claim.claimId) open -= payment.amountCents;
				for (const reversal of record.reversals ?? []) if (reversal.claimId === claim.claimId) open += reversal.amountCents;
				if (open !== claim.openCents) return `${claim.claimId} open ${claim.openCents} but events say ${open}`;
			}
			const claimsById = new Map((record.claims ?? []).map((claim) => [claim.claimId, claim]));
			for (const payment of record.payments ?? []) {
				const claim = claimsById.get(payment.claimId ?? '');
				if (!claim) return `payment ${payment.paymentId} without claim`;
				if (payment.date > R || payment.date < claim.invoiceDate) return `payment ${payment.paymentId} date`;
				if (payment.method === 'direct-debit' && record.paymentMethod !== 'direct-debit') return 'debit without mandate';
			}
			for (const reversal of record.reversals ?? []) {
				if (reversal.date > R) return `reversal ${reversal.reversalId} after R`;
				const debit = (record.payments ?? []).find(
					(payment) =>
						payment.claimId === reversal.claimId && payment.method === 'direct-debit' && payment.amountCents === reversal.amountCents && payment.date <= reversal.date,
				);
				if (!debit) return `reversal ${reversal.reversalId} without a debit to return`;
			}
			for (const contact of record.contacts ?? []) {
				if (contact.at.slice(0, 10) > R) return 'contact after R';
				if (contact.claimId !== undefined && !claimsById.has(contact.claimId)) return 'contact for unknown claim';
			}
			return undefined;
		});
	});

	it('uses realistic monthly amounts per sector', () => {
		const bounds: Record<string, [number, number]> = {
			rent: [40000, 160000],
			'health-insurance': [12000, 22000],
			energy: [5000, 35000],
			telecom: [1000, 9000],
			water: [1200, 4500],
			heat: [4500, 16000],
			'utility-other': [1200, 7000],
		};
		expectEvery((record) => {
			for (const claim of record.claims ?? []) {
				const [min, max] = bounds[claim.sector ?? ''] ?? [0, 0];
				if (claim.principalCents < min || claim.principalCents > max) return `${claim.sector} ${claim.principalCents}`;
			}
			return undefined;
		});
	});

	it('uses only the known reversal codes with their meaning', () => {
		const codes = new Set<string>();
		for (const record of records) for (const reversal of record.reversals ?? []) codes.add(reversal.reasonCode);
		expect([...codes].sort()).toEqual(['AC06', 'AM04', 'MD06', 'MD07', 'MS02']);
	});
});
