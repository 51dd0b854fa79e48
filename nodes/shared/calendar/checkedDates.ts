/**
 * The dates and moments a record's check has read, handed to the next reader of the same record so
 * it need not parse them again. The Debtor Segmenter checks a record and then computes its facts
 * from the same date strings in nearly the same order (claims, payments, reversals, contacts): the
 * node passes one CheckedDates to the check (`validateDebtor(record, fields, dates)`, which fills it)
 * and then to the facts (`segmentDebtor(record, options, dates)`, which reads it).
 *
 * Invariants a maintainer must keep:
 * - A value is handed out only for a string equal to the one the check read, so a reader that reads
 *   in another order, skips fields, or gets a record the check did not read pays a parse, never gets a
 *   wrong date. Keep that comparison in `recall`.
 * - One CheckedDates serves one record at a time: `startRecord` (called by the check) forgets the
 *   previous record's entries, `startReading` (called by the reader) rewinds to the first entry.
 *   Reuse it across items of a run (its arrays are allocated once), never across concurrent records.
 * - Only moments with an offset of at most MOMENT_MAX_OFFSET_HOURS are remembered, the ones
 *   parseMoment reads the same way (the schema allows up to 23).
 */
import { MOMENT_MAX_OFFSET_HOURS, MOMENT_READ, dayNumber, readIsoDateTime, twoDigitsAt, type DayNumber } from './days';

/** Entries kept per record; later ones are not remembered (their reader parses them). */
const CAPACITY = 1024;
/** How far past the expected entry a reader looks (the check may have read fields the reader skips). */
const LOOKAHEAD = 3;
/** Misses after which a reader stops looking (it reads what the check did not: each miss costs compares). */
const MAX_MISSES = 4;
const DAY = 1;
const MOMENT = 2;

export class CheckedDates {
	private readonly texts: Array<string | undefined> = new Array<string | undefined>(CAPACITY).fill(undefined);
	private readonly values = new Float64Array(CAPACITY);
	private readonly kinds = new Uint8Array(CAPACITY);
	private written = 0;
	private next = 0;
	private misses = 0;

	/** The check of a new record begins: what was remembered of the previous record is forgotten. */
	startRecord(): void {
		this.written = 0;
		this.next = 0;
		this.misses = 0;
	}

	/** The reader of the record just checked begins at its first entry. */
	startReading(): void {
		this.next = 0;
		this.misses = 0;
	}

	/** The check read the real date `text` as `day`. */
	rememberDay(text: string, day: DayNumber): void {
		this.remember(text, day, DAY);
	}

	/**
	 * The check's reading of a date-time: whether `text` is one in the common shapes (days.ts
	 * readIsoDateTime, offsets up to `maxOffsetHours`); one that is, is remembered for the reader.
	 * Answers true or false, not the moment, so no number is boxed on the way.
	 */
	checkDateTime(text: string, maxOffsetHours: number): boolean {
		if (!readIsoDateTime(text, maxOffsetHours)) return false;
		if (text.length === 20 || twoDigitsAt(text, 20) <= MOMENT_MAX_OFFSET_HOURS) this.remember(text, MOMENT_READ[0], MOMENT);
		return true;
	}

	/** Day number of a date the check read, else of the date parsed now (RangeError for no real date). */
	dayOf(isoDate: string): DayNumber {
		const day = this.recall(isoDate, DAY);
		// `| 0`: a day number is a small integer; kept as one, what is computed from it stays unboxed.
		return day === day ? day | 0 : dayNumber(isoDate);
	}

	/** Epoch milliseconds of a date-time the check read, or NaN when it did not. */
	momentOf(text: string): number {
		return this.recall(text, MOMENT);
	}

	private remember(text: string, value: number, kind: number): void {
		const i = this.written;
		if (i === CAPACITY) return;
		this.texts[i] = text;
		this.values[i] = value;
		this.kinds[i] = kind;
		this.written = i + 1;
	}

	private recall(text: string, kind: number): number {
		const end = Math.min(this.written, this.next + LOOKAHEAD);
		const texts = this.texts;
		for (let k = this.next; k < end; k++) {
			if (texts[k] === text && this.kinds[k] === kind) {
				this.next = k + 1;
				return this.values[k];
			}
		}
		if (end > this.next && ++this.misses >= MAX_MISSES) this.next = this.written;
		return Number.NaN;
	}
}
