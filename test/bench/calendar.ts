/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * Dutch calendar figures: compiling one calendar (what a new designated-days setting costs once, then
 * the bounded cache holds it), a getDutchCalendar call that hits the cache, and the O(1) queries every
 * node makes per item (contact day, working day, moving n working days, the 14-day letter term) over
 * days spread across the whole table (2020-2100). Figures only; nothing is asserted.
 *
 *   node --expose-gc --import tsx test/bench/calendar.ts [queries ...]
 */
import { bundledModule, fmt, measure, rate } from './lib';

type CalendarModule = typeof import('../../nodes/shared/calendar');

async function main(): Promise<void> {
	const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
	const cal = bundledModule<CalendarModule>('nodes/shared/calendar/index.ts');
	const { CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY, getDutchCalendar, fourteenDayLetterTerm } = cal;
	console.log(`Dutch calendar benchmark on Node ${process.version} (one thread; best of 3 after a warm-up)`);

	// Compiling: each list differs (a different extra day), so every call builds a new calendar.
	const builds = 200;
	let serial = 0;
	const compile = await measure(builds, () => {
		for (let k = 0; k < builds; k++) {
			serial = (serial + 1) % 20000;
			getDutchCalendar({ extraDesignatedDays: cal.isoDate(CALENDAR_FIRST_DAY + 365 + serial) });
		}
	});
	const calendar = getDutchCalendar();
	const cachedCalls = 200_000;
	const cached = await measure(cachedCalls, () => {
		let last = calendar;
		for (let k = 0; k < cachedCalls; k++) last = getDutchCalendar({ extraDesignatedDays: '2029-05-11, 2029-12-24' });
		return last;
	});

	for (const count of counts.length ? counts : [1_000_000]) {
		// Days spread over the table, kept away from both ends so 10 working days back, 29 ahead and a
		// letter term stay inside it.
		const span = CALENDAR_LAST_DAY - CALENDAR_FIRST_DAY - 180;
		const days = new Int32Array(count);
		for (let k = 0; k < count; k++) days[k] = CALENDAR_FIRST_DAY + 60 + ((k * 7919) % span);
		const flags = await measure(count, () => {
			let n = 0;
			for (let k = 0; k < count; k++) if (calendar.isContactDay(days[k]) && calendar.isWorkingDay(days[k])) n++;
			return n;
		});
		const moves = await measure(count, () => {
			let sum = 0;
			for (let k = 0; k < count; k++) sum += calendar.addWorkingDays(days[k], (k % 40) - 10);
			return sum;
		});
		const terms = await measure(count, () => {
			let sum = 0;
			for (let k = 0; k < count; k++) sum += fourteenDayLetterTerm(days[k], calendar).costsFromDay;
			return sum;
		});
		console.log(
			[
				`${fmt(count)} queries over 2020-2100:`,
				`  contact + working day    ${rate(flags, 'days')}`,
				`  addWorkingDays(-10..29)  ${rate(moves, 'moves')}`,
				`  14-day letter term       ${rate(terms, 'terms')}`,
			].join('\n'),
		);
	}
	console.log(
		[
			`  compile one calendar     ${((compile.seconds / builds) * 1000).toFixed(3)} ms each, ${((compile.cpuSeconds / builds) * 1000).toFixed(3)} ms CPU (${builds} distinct lists; the cache of 32 evicts)`,
			`  getDutchCalendar, cached ${rate(cached, 'calls')}  [parses the extra days each call]`,
		].join('\n'),
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
