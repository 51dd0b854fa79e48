/**
 * SEPA direct-debit collection dates (domain brief section 5, research notes section 6).
 *
 * - The collection date is a TARGET2 business day: at or after the day the debtor chose
 *   (flex-incasso, `preferredCollectionDay`), otherwise the expected income + N bank business days.
 * - The pre-notification goes out at least 14 calendar days before (or the shorter period agreed
 *   with the debtor) on a day contact is allowed. When that day has passed, the collection moves to
 *   the next cycle (next month's chosen day or the next income), so it stays just after payday.
 * - After a reversal (storno), by SEPA reason code:
 *   AM04 insufficient funds: re-present only after the next income date, never in the same ISO week
 *     as the reversal; MS03 (no reason given) likewise, once;
 *   MD07 debtor deceased: stop everything; AC04 account closed: stop, ask for a new mandate;
 *   AC06 account blocked: pause and raise the distress signal;
 *   MD06 refund request / MS02 refusal: no re-presentation, ask the debtor (possible dispute);
 *   other codes (AC01 wrong account, AG01, SL01, ...): no re-presentation until the data is checked.
 *   A reversal counts until a later direct-debit payment shows the mandate works again.
 */
import type { DebtorRecord, Language, Reversal } from '../debtor/model';
import type { DebtorField } from '../debtor/validate';
import {
	daysFromCivil,
	daysInMonth,
	formatDate,
	isoDate,
	monthOf,
	nextIncomeDay,
	parseIsoDate,
	weekday,
	yearOf,
	type DayNumber,
	type ExpectedIncome,
} from '../calendar';
import { isDeceased, notSchedulable, summariseIncome, type IncomeSummary, type NotSchedulable, type Scheduler } from './contact';
import { incomeNote } from './reasons';

/** A planned direct-debit collection. */
export interface DirectDebitSchedule {
	operation: 'directDebitCollectionDate';
	status: 'scheduled';
	/** The collection (due) date, a TARGET2 business day. */
	collectionDate: string;
	/** Latest day to send the pre-notification (a contact day, today at the earliest). */
	preNotificationDate: string;
	/** Pre-notification period used, in calendar days. */
	preNotificationDays: number;
	/** What the date follows: the debtor's chosen day or the expected income. */
	basis: 'preferred-day' | 'income';
	/** True when this re-presents a reversed collection. */
	representation: boolean;
	reversal: { reasonCode: string; date: string } | null;
	expectedIncome: IncomeSummary | null;
	signals: string[];
	reasonCodes: string[];
	reasons: string[];
}

/** Monday-based ISO week index of a day (1970-01-01 was a Thursday, so day -3 was a Monday). */
export function isoWeekIndex(day: DayNumber): number {
	return Math.floor((day + 3) / 7);
}

const CODE_TEXT: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
	AM04: { nl: 'onvoldoende saldo', en: 'insufficient funds' },
	MS03: { nl: 'reden niet opgegeven', en: 'reason not specified' },
};

// The latest reversal not yet followed by a successful direct-debit payment, with the one before.
function openReversals(record: DebtorRecord): Array<{ reversal: Reversal; day: DayNumber }> {
	const list: Array<{ reversal: Reversal; day: DayNumber }> = [];
	for (const reversal of record.reversals ?? []) {
		const day = parseIsoDate(reversal.date);
		if (day === day) list.push({ reversal, day });
	}
	if (list.length === 0) return list;
	let lastDebit = Number.NEGATIVE_INFINITY;
	for (const payment of record.payments ?? []) {
		if (payment.method !== 'direct-debit') continue;
		const day = parseIsoDate(payment.date);
		if (day === day && day > lastDebit) lastDebit = day;
	}
	// Stable sort keeps list order for reversals on the same day: the later entry counts as later.
	return list.filter((entry) => entry.day >= lastDebit).sort((a, b) => a.day - b.day);
}

function hasMandate(record: DebtorRecord): boolean {
	return record.paymentMethod === 'direct-debit' || (record.paymentMethod === undefined && typeof record.iban === 'string' && record.iban.length > 0);
}

/** The latest contact day (Saturdays only if allowed) from `from` to `to`, or NaN. */
function latestContactDay(from: DayNumber, to: DayNumber, scheduler: Scheduler): DayNumber {
	const { calendar } = scheduler;
	const saturdays = scheduler.compiled.settings.saturdays;
	for (let day = to; day >= from; day--) {
		if (calendar.isContactDay(day) && (saturdays || weekday(day) !== 6)) return day;
	}
	return Number.NaN;
}

/** The fields of the debtor record directDebitCollectionDate reads (a test holds it to that); the debtor id is checked always. */
export const DIRECT_DEBIT_FIELDS: readonly DebtorField[] = ['flags', 'reversals', 'payments', 'paymentMethod', 'iban', 'preferredCollectionDay', 'income'];

/** The collection date for one debtor as of `todayDay` (Amsterdam date of the run), or why there is none. */
export function directDebitCollectionDate(record: DebtorRecord, todayDay: DayNumber, scheduler: Scheduler): DirectDebitSchedule | NotSchedulable {
	const { calendar, language } = scheduler;
	const s = scheduler.compiled.settings;
	const nl = language === 'nl';
	const op = 'directDebitCollectionDate';
	if (isDeceased(record)) {
		return notSchedulable(op, 'deceased', 'stop-all', {
			nl: 'De schuldenaar is overleden (vlag of storno MD07): geen incasso meer, alle stappen stoppen.',
			en: 'The debtor has died (flag or reversal MD07): no more direct debits, every step stops.',
		}, language);
	}
	if (!hasMandate(record)) {
		return notSchedulable(op, 'no-mandate', 'payment-link', {
			nl: 'Geen machtiging voor automatische incasso bekend (betaalwijze is geen incasso of IBAN ontbreekt): stuur een betaalverzoek.',
			en: 'No direct-debit mandate known (payment method is not direct debit or the IBAN is missing): send a payment request instead.',
		}, language);
	}

	const open = openReversals(record);
	const latest = open.length > 0 ? open[open.length - 1] : undefined;
	let reversalDay: DayNumber | undefined;
	let reversalCode: string | undefined;
	if (latest) {
		const code = latest.reversal.reasonCode.toUpperCase();
		const when = formatDate(latest.day, language, 'long');
		switch (code) {
			case 'AC04':
				return notSchedulable(op, 'account-closed', 'new-mandate', {
					nl: `Storno AC04 op ${when}: de rekening is opgeheven. Niet opnieuw incasseren; vraag een nieuwe machtiging of stuur een betaallink.`,
					en: `Reversal AC04 on ${when}: the account is closed. Do not re-present; ask for a new mandate or send a payment link.`,
				}, language);
			case 'AC06':
				return notSchedulable(op, 'account-blocked', 'pause', {
					nl: `Storno AC06 op ${when}: de rekening is geblokkeerd, mogelijk financiële nood of beslag. Incasso gepauzeerd; neem persoonlijk contact op en bied hulp.`,
					en: `Reversal AC06 on ${when}: the account is blocked, possibly financial distress or an attachment. Direct debits paused; make personal contact and offer help.`,
				}, language, ['blocked-account']);
			case 'MD06':
			case 'MS02':
				return notSchedulable(op, 'refund-or-refusal', 'ask-debtor', {
					nl: `Storno ${code} op ${when}: de schuldenaar heeft de incasso ${code === 'MD06' ? 'teruggeboekt' : 'geweigerd'}. Niet opnieuw incasseren; vraag wat er aan de hand is (mogelijk een geschil).`,
					en: `Reversal ${code} on ${when}: the debtor ${code === 'MD06' ? 'asked for a refund' : 'refused the debit'}. Do not re-present; ask what is going on (possible dispute).`,
				}, language, ['possible-dispute']);
			case 'AM04':
				break;
			case 'MS03':
				if (open.length > 1 && open[open.length - 2].reversal.reasonCode.toUpperCase() === 'MS03') {
					return notSchedulable(op, 'repeated-reversal', 'ask-debtor', {
						nl: `Tweede storno MS03 op rij (${when}): niet nog eens incasseren; neem contact op.`,
						en: `Second MS03 reversal in a row (${when}): do not re-present again; contact the debtor.`,
					}, language);
				}
				break;
			default:
				return notSchedulable(op, 'check-mandate', 'check-data', {
					nl: `Storno ${code} op ${when}: controleer rekening en machtiging voordat opnieuw wordt geïncasseerd.`,
					en: `Reversal ${code} on ${when}: check the account and mandate before presenting again.`,
				}, language);
		}
		reversalDay = latest.day;
		reversalCode = code;
	}

	const preferred = s.usePreferredCollectionDay ? record.preferredCollectionDay : undefined;
	const basis: DirectDebitSchedule['basis'] = typeof preferred === 'number' ? 'preferred-day' : 'income';
	const n = s.preNotificationDays;
	const offset = s.collectionOffsetDays;
	// A re-presentation waits for the first income after the reversal and must fall after it.
	const incomeAfterReversal = reversalDay !== undefined ? nextIncomeDay(record.income, reversalDay + 1, calendar, s.income) : undefined;
	const reasons: string[] = [];
	const codes: string[] = [];
	let skippedForNotice = false;

	let cursor = Math.min(todayDay, reversalDay ?? todayDay) - 10;
	for (let cycle = 0; cycle < 60; cycle++) {
		let collection: DayNumber;
		let income: ExpectedIncome | undefined;
		let nominal: DayNumber;
		if (basis === 'preferred-day') {
			const year = yearOf(cursor);
			const month = monthOf(cursor);
			const length = daysInMonth(year, month);
			nominal = daysFromCivil(year, month, (preferred as number) > length ? length : (preferred as number));
			collection = calendar.addBankBusinessDays(nominal, 0);
			cursor = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1);
		} else {
			income = nextIncomeDay(record.income, cursor, calendar, s.income);
			nominal = income.day;
			collection = calendar.addBankBusinessDays(income.day, offset);
			cursor = income.day + 1;
		}
		if (incomeAfterReversal !== undefined && reversalDay !== undefined) {
			if (collection <= incomeAfterReversal.day) continue;
			// Never in the same ISO week as the reversal: the first business day of the next week.
			if (isoWeekIndex(collection) === isoWeekIndex(reversalDay)) {
				collection = calendar.addBankBusinessDays(reversalDay + (8 - weekday(reversalDay)), 0);
			}
		}
		if (collection < todayDay) continue;
		const noticeBy = latestContactDay(todayDay, collection - n, scheduler);
		if (noticeBy !== noticeBy) {
			skippedForNotice = true;
			continue;
		}

		const date = formatDate(collection, language, 'long');
		if (reversalCode !== undefined && reversalDay !== undefined && incomeAfterReversal !== undefined) {
			codes.push('representation');
			const text = CODE_TEXT[reversalCode][language];
			const incomeDate = formatDate(incomeAfterReversal.day, language, 'long');
			reasons.push(
				nl
					? `Opnieuw aanbieden na de storno ${reversalCode} (${text}) van ${formatDate(reversalDay, 'nl', 'long')}: pas na het volgende verwachte inkomen (${incomeDate}) en niet in dezelfde week als de storno.`
					: `Re-presenting after the ${reversalCode} reversal (${text}) of ${formatDate(reversalDay, 'en', 'long')}: only after the next expected income (${incomeDate}) and not in the same week as the reversal.`,
			);
		}
		if (basis === 'preferred-day') {
			codes.push('preferred-day');
			reasons.push(
				nl
					? `Incasso op de dag die de schuldenaar koos (de ${preferred}e): ${date}${collection !== nominal ? ` (${formatDate(nominal, 'nl', 'long')} is geen bankwerkdag of viel te vroeg)` : ''}.`
					: `Collection on the day the debtor chose (day ${preferred}): ${date}${collection !== nominal ? ` (${formatDate(nominal, 'en', 'long')} is not a bank business day or was too early)` : ''}.`,
			);
		} else if (income) {
			codes.push('income');
			reasons.push(
				(nl
					? `Incasso ${offset} bankwerkdag(en) na het verwachte inkomen op ${formatDate(income.day, 'nl', 'long')}: ${date}.`
					: `Collection ${offset} bank business day(s) after the expected income on ${formatDate(income.day, 'en', 'long')}: ${date}.`) +
					incomeNote(income, language),
			);
		}
		if (skippedForNotice) {
			codes.push('pre-notification-too-late');
			reasons.push(
				nl
					? `Een eerdere incassodatum kon niet: de vooraankondiging moet minstens ${n} dagen vooraf op een contactdag verstuurd zijn, en die dag is voorbij.`
					: `An earlier collection date was not possible: the pre-notification must go out at least ${n} days before on a contact day, and that day has passed.`,
			);
		}
		codes.push('pre-notification');
		reasons.push(
			nl
				? `Stuur de vooraankondiging uiterlijk ${formatDate(noticeBy, 'nl', 'long')} (minstens ${n} kalenderdagen voor de incasso).`
				: `Send the pre-notification by ${formatDate(noticeBy, 'en', 'long')} (at least ${n} calendar days before the collection).`,
		);
		const expected = income ?? (basis === 'income' ? undefined : incomeAfterReversal);
		return {
			operation: op,
			status: 'scheduled',
			collectionDate: isoDate(collection),
			preNotificationDate: isoDate(noticeBy),
			preNotificationDays: n,
			basis,
			representation: reversalCode !== undefined,
			reversal: latest && reversalCode !== undefined ? { reasonCode: reversalCode, date: isoDate(latest.day) } : null,
			expectedIncome: expected ? summariseIncome(expected) : null,
			signals: reversalCode === 'AM04' ? ['insufficient-funds-reversal'] : [],
			reasonCodes: codes,
			reasons,
		};
	}
	return notSchedulable(op, 'no-date', 'review', {
		nl: 'Geen incassodatum gevonden binnen vijf jaar.',
		en: 'No collection date found within five years.',
	}, language);
}
